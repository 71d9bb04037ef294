"""Evidence cards from the document, its provenance and the timeline, and their table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from primary_source.citing import permanent_address
from primary_source.metadata import MetadataError, date_label, load_metadata
from primary_source.record import load_document
from primary_source.rhetoric import RhetoricKeyError, annotations_by_unit, load_key, tag_units

__all__ = [
    "Evidence",
    "TIMELINE_WINDOW",
    "document_evidence",
    "provenance_evidence",
    "timeline_evidence",
    "evidence_cards",
    "record_metadata",
    "evidence_table",
]


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence a learner can use: where it comes from, what it says, its source.

    ``kind`` is ``document`` (a sentence of the telegram), ``provenance`` (a fact about its
    people, journey or related records) or ``timeline`` (a dated event); ``source`` is the
    citation to give with it; ``note`` adds a caution (a contested date) or a reading.
    """

    id: str
    kind: str
    title: str
    text: str
    source: str
    where: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        """A one-line label for a menu: the kind, the title and the start of the text."""
        label = f"{self.kind.title()} · {self.title}"
        return label if len(label) <= 110 else label[:107].rstrip() + "\u2026"


def _slug(text: str, n: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", str(text).casefold()).strip("-")
    return slug[:n].rstrip("-") or "item"


def record_metadata(meta: Any = None) -> Any:
    """The curated metadata, or ``None`` when the document has none (or it cannot be read).

    >>> record_metadata("given") == "given"
    True
    """
    if meta is not None:
        return meta
    try:
        return load_metadata()
    except (FileNotFoundError, MetadataError, OSError, ValueError):
        return None


def _document_citation(doc: Any, meta: Any, where: str) -> str:
    date = f"{doc.date.day} {doc.date.strftime('%B')} {doc.date.year}" if doc.date else ""
    record = meta.get("record") if meta is not None else None
    address = permanent_address(doc, meta) or ""
    archive = (f"Wilson Center Digital Archive, record {record}, {address}".rstrip(", ")
               if record else address.strip())
    parts = [f"\u201c{doc.title}\u201d", date, where]
    text = ", ".join(p for p in parts if p)
    return f"{text} ({archive})" if archive else text


def document_evidence(doc: Any = None, meta: Any = None) -> list[Evidence]:
    """The sentences of the document as evidence cards ``doc-s01``, ``doc-s02`` ...

    The numbering is the one the rhetoric lesson uses for tagging. When the annotated key fits
    the document, each card's ``note`` names the devices the key marks in that sentence.

    >>> document_evidence()[11].title.startswith("point 3")
    True
    """
    doc = doc if doc is not None else load_document()
    units = tag_units(doc)
    try:
        key = load_key(text=doc.body)
        marked = annotations_by_unit(key, units)
    except (RhetoricKeyError, OSError, ValueError):
        marked = {}
    cards = []
    for unit in units:
        where = "the instruction to the ambassador" if unit.point is None else f"point {unit.point}"
        devices = sorted({a.device for a in marked.get(unit.id, [])})
        note = ("Devices our key marks here (lesson 04): " + ", ".join(devices) + "."
                if devices else "")
        short = unit.text if len(unit.text) <= 80 else unit.text[:77].rstrip() + "\u2026"
        cards.append(Evidence(
            id=f"doc-{unit.id}", kind="document", title=f"{where}: \u201c{short}\u201d",
            text=unit.text, source=_document_citation(doc, meta, where), where=where,
            note=note))
    return cards


def provenance_evidence(meta: Any = None) -> list[Evidence]:
    """Facts about the document's journey, its people and its related records, as cards.

    Ids are ``chain-<step>``, ``person-<id>`` and ``related-<id>`` after the metadata ids.
    With no metadata file (another document) the list is empty.
    """
    meta = record_metadata(meta)
    if meta is None:
        return []
    cards: list[Evidence] = []

    def when(item: dict) -> str:
        try:
            return date_label(item["date"], item.get("precision", "day"), item.get("date_latest"))
        except (KeyError, ValueError, TypeError):
            return ""

    for step in meta.chain():
        date = when(step)
        actor = meta.actor_name(step.get("actor", ""))
        text = f"{step['step']} ({date}; {actor}; {step.get('means', '')}). {step['description']}"
        cards.append(Evidence(
            id=f"chain-{step['id']}", kind="provenance", title=f"Journey: {step['step']} ({date})",
            text=" ".join(text.split()), source=meta.cite(step.get("source", "")),
            where="the document's journey", note=" ".join(str(step.get("note") or "").split())))
    for person in meta.people():
        text = f"{person['name']} ({person['role']}): {person['description']}"
        cards.append(Evidence(
            id=f"person-{person['id']}", kind="provenance",
            title=f"Person: {person['name']}, {person['role']}", text=" ".join(text.split()),
            source=meta.cite(person.get("source", "")), where="the people in the record",
            note=" ".join(str(person.get("note") or "").split())))
    for record in meta.related():
        date = when(record)
        reference = str(record.get("archive_reference") or "").strip()
        text = f"{record['title']} ({date}). {record['summary']}"
        if reference and not reference.startswith("not "):
            text += f" Archive reference: {reference}."
        cards.append(Evidence(
            id=f"related-{record['id']}", kind="provenance",
            title=f"Related record: {record['title']} ({date})", text=" ".join(text.split()),
            source=meta.cite(record.get("source", "")), where="a related record",
            note=" ".join(str(record.get("note") or "").split())))
    return cards


#: The stretch of the timeline offered as evidence (plus every archival event).
TIMELINE_WINDOW = ("1949-01-01", "1951-07-31")


def timeline_evidence(events: Any = None, start: str = TIMELINE_WINDOW[0],
                      end: str = TIMELINE_WINDOW[1]) -> list[Evidence]:
    """Dated events from the timeline between ``start`` and ``end``, and every archival event.

    Ids are ``event-<date>-<title>`` so they stay the same when rows are added to the file.
    """
    # lazy: pandas and primary_source.timeline (which loads pandas) cost ~200 ms at import;
    # ui.synthesis loads this module for lesson 05's first cells, which show no table
    import pandas as pd

    from primary_source.timeline import format_span, load_events

    events = events if events is not None else load_events()
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    cards: list[Evidence] = []
    seen: set[str] = set()
    for row in events.itertuples(index=False):
        inside = lo <= row.start <= hi
        if not inside and row.category != "archival":
            continue
        date = format_span(row.start, row.end, row.precision)
        stamp = {"year": "%Y", "month": "%Y-%m"}.get(row.precision, "%Y-%m-%d")
        base = f"event-{row.start.strftime(stamp)}-{_slug(row.title)}"
        card_id, n = base, 2
        while card_id in seen:
            card_id, n = f"{base}-{n}", n + 1
        seen.add(card_id)
        note = str(row.note or "").strip()
        cards.append(Evidence(
            id=card_id, kind="timeline", title=f"{date}: {row.title}",
            text=f"{date}: {row.title}. {row.description}", source=str(row.source),
            where=f"the timeline ({row.category})",
            note=f"Note on the date or the sources: {note}" if note else ""))
    return cards


def evidence_cards(doc: Any = None, meta: Any = None, events: Any = None) -> list[Evidence]:
    """Every evidence card, document first, then provenance, then timeline.

    If the document has no metadata file, the cards come from the document and the timeline
    only; nothing is raised.

    >>> cards = evidence_cards()
    >>> sorted({c.kind for c in cards})
    ['document', 'provenance', 'timeline']
    """
    meta = record_metadata(meta)
    return [*document_evidence(doc, meta), *provenance_evidence(meta), *timeline_evidence(events)]


def evidence_table(kind: str | None = None, cards: Sequence[Evidence] | None = None):
    """The evidence cards as a table (for reading, printing or a screen reader).

    Columns: ``id``, ``kind``, ``evidence`` (the full text), ``source``, ``note``. ``kind``
    keeps one kind only (``document``, ``provenance`` or ``timeline``).

    >>> evidence_table("document")["id"].iloc[0]
    'doc-s01'
    """
    # lazy: pandas costs ~200 ms at import; ui.synthesis loads this module for lesson 05's first
    # cells (question picker, argument builder), which show no table
    import pandas as pd

    cards = list(cards) if cards is not None else evidence_cards()
    rows = [{"id": c.id, "kind": c.kind, "evidence": c.text, "source": c.source, "note": c.note}
            for c in cards if kind is None or c.kind == kind]
    return pd.DataFrame(rows, columns=["id", "kind", "evidence", "source", "note"])
