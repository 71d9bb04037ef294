"""Related-record cards read beside the telegram, and the full texts a teacher adds."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from primary_source import paths, yamlload
from primary_source.metadata import PRECISIONS, MetadataError, date_label, parse_partial_date
from primary_source.paths import data_dir, document_id
from primary_source.record import DocumentFormatError, load_document

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from primary_source.record import Document

__all__ = [
    "MAX_QUOTE_WORDS",
    "MAX_QUOTES",
    "PERMANENT_PREFIX",
    "RelatedCard",
    "RelatedRecordsError",
    "full_text_for",
    "load_related",
    "quote_words",
    "teacher_records",
    "validate_related",
]

#: At most this many quoted phrases on one card, each of at most MAX_QUOTE_WORDS words.
MAX_QUOTES = 3
MAX_QUOTE_WORDS = 25
#: Where a permanent address of the Wilson Center Digital Archive starts.
PERMANENT_PREFIX = "https://digitalarchive.wilsoncenter.org/document/"

_REQUIRED = ("id", "label", "title", "date", "precision", "from", "to", "citation", "summary",
             "relation", "source")
_OPTIONAL = ("url", "record", "times", "quotes", "document", "note")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class RelatedRecordsError(MetadataError):
    """A broken ``related.yaml``, naming the file, the 1-based line and the field.

    >>> str(RelatedRecordsError("has no 'summary'", "related.yaml", 40, "cards[2]"))
    "related.yaml:40: cards[2]: has no 'summary'"
    """


@dataclass(frozen=True)
class RelatedCard:
    """One related record: who wrote to whom and when, where it is kept, what it says."""

    id: str
    short: str
    title: str
    date: str
    precision: str
    sender: str
    recipient: str
    citation: str
    summary: str
    relation: str
    source: str
    url: str | None = None
    record: int | None = None
    times: str | None = None
    quotes: tuple[str, ...] = ()
    document: str | None = None
    note: str | None = None

    @property
    def date_label(self) -> str:
        """The date written for readers, e.g. ``'31 August 1950'``."""
        return date_label(self.date, self.precision)

    @property
    def label(self) -> str:
        """The option label: the date, then the card's short label."""
        return f"{self.date_label}: {self.short}"


def quote_words(text: str) -> int:
    """How many words a quoted phrase has (a dash between words separates them).

    >>> quote_words("a division of jet fighter planes—124 pieces")
    8
    """
    return len(re.sub(r"[\u2013\u2014]", " ", str(text)).split())


def _clean(value: Any) -> str:
    return " ".join(str(value).split())


def validate_related(data: Any, path: str | Path | None = None,
                     lines: dict | None = None) -> list[RelatedCard]:
    """Check loaded cards data and return the cards; raise ``RelatedRecordsError`` if broken.

    >>> cards = validate_related({"cards": [{"id": "x", "label": "L", "title": "T", "date": "1950-08-31",
    ...     "precision": "day", "from": "A", "to": "B", "citation": "C", "summary": "S",
    ...     "relation": "R", "source": "W", "url": None, "note": "no address known"}]})
    >>> cards[0].date_label
    '31 August 1950'
    """
    lines = lines or {}

    def fail(message: str, where: tuple, card_id: str | None = None):
        probe = where
        while probe and probe not in lines:
            probe = probe[:-1]
        name = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where).lstrip(".")
        name = (name or None) if card_id is None else f"{name} ({card_id})"
        raise RelatedRecordsError(message, path, lines.get(probe, 1), name)

    if not isinstance(data, dict) or not isinstance(data.get("cards"), list) or not data["cards"]:
        fail("the file must hold 'cards:', a non-empty list of related records", ("cards",))
    cards, seen = [], set()
    for index, item in enumerate(data["cards"]):
        where = ("cards", index)
        if not isinstance(item, dict):
            fail("each card must be a mapping of fields (id:, title:, date: ...)", where)
        card_id = str(item.get("id") or "") or None
        for key in _REQUIRED:
            if item.get(key) is None or not _clean(item[key]):
                fail(f"has no '{key}'", where + ((key,) if key in item else ()), card_id)
        unknown = sorted(set(item) - set(_REQUIRED) - set(_OPTIONAL))
        if unknown:
            fail(f"unknown field {unknown[0]!r}; a card may have "
                 f"{', '.join(_REQUIRED + _OPTIONAL)}", where + (unknown[0],), card_id)
        if not _ID_RE.match(str(item["id"])):
            fail("an id is lower case letters, digits and hyphens", where + ("id",), card_id)
        if item["id"] in seen:
            fail(f"duplicate id {item['id']!r}", where + ("id",), card_id)
        seen.add(item["id"])
        if item["precision"] not in PRECISIONS:
            fail(f"precision must be one of {', '.join(PRECISIONS)}", where + ("precision",),
                 card_id)
        try:
            parse_partial_date(item["date"])
        except ValueError as err:
            fail(str(err), where + ("date",), card_id)
        url = item.get("url")
        if url is not None and not str(url).startswith(PERMANENT_PREFIX):
            fail(f"the address must be a permanent one starting {PERMANENT_PREFIX}",
                 where + ("url",), card_id)
        if url is None and not item.get("note"):
            fail("a card without an address needs a 'note' saying why", where + ("url",),
                 card_id)
        record = item.get("record")
        if record is not None and (not isinstance(record, int) or url != f"{PERMANENT_PREFIX}"
                                   f"{record}"):
            fail(f"'record' must be a number matching the address {PERMANENT_PREFIX}<record>",
                 where + ("record",), card_id)
        quotes = item.get("quotes") or []
        if not isinstance(quotes, list) or len(quotes) > MAX_QUOTES:
            fail(f"'quotes' must be a list of at most {MAX_QUOTES} short phrases",
                 where + ("quotes",), card_id)
        for number, quote in enumerate(quotes):
            if not isinstance(quote, str) or not quote.strip():
                fail("a quote must be a phrase of text", where + ("quotes", number), card_id)
            if quote_words(quote) > MAX_QUOTE_WORDS:
                fail(f"a quote may have at most {MAX_QUOTE_WORDS} words; this one has "
                     f"{quote_words(quote)}", where + ("quotes", number), card_id)
        cards.append(RelatedCard(
            id=str(item["id"]), short=_clean(item["label"]), title=_clean(item["title"]),
            date=str(item["date"]),
            precision=item["precision"], sender=_clean(item["from"]),
            recipient=_clean(item["to"]), citation=_clean(item["citation"]),
            summary=_clean(item["summary"]), relation=_clean(item["relation"]),
            source=_clean(item["source"]), url=url, record=record,
            times=_clean(item["times"]) if item.get("times") else None,
            quotes=tuple(_clean(q) for q in quotes),
            document=str(item["document"]) if item.get("document") else None,
            note=_clean(item["note"]) if item.get("note") else None))
    return sorted(cards, key=lambda c: parse_partial_date(c.date))


def load_related(path: str | Path | None = None) -> list[RelatedCard]:
    """The related-record cards of ``data/documents/related.yaml``, checked and sorted by date.

    Raises
    ------
    FileNotFoundError
        Naming the path, when the file is not there.
    RelatedRecordsError
        Naming the file, the line and the field, when the YAML or a card is broken.

    Examples
    --------
    >>> cards = load_related()
    >>> len(cards) >= 8, cards[0].date <= cards[-1].date
    (True, True)
    """

    path = Path(path) if path is not None else paths.related_path()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileNotFoundError(errno.ENOENT, "related-records file not found",
                                str(path)) from None
    except UnicodeDecodeError as err:
        raise RelatedRecordsError(f"is not UTF-8 text ({err.reason})", path) from None
    data, lines = yamlload.load_data_file(text, path, RelatedRecordsError)
    return validate_related(data, path, lines)


def teacher_records(folder: str | Path | None = None,
                    exclude: str | None = None) -> dict[str, Document]:
    """Full-text records a teacher dropped into ``data/documents/``, by id (file name).

    Every ``*.txt`` there is parsed with the record parser, except the record the lessons are
    built around (``exclude``, by default the lesson's document). A file that does not parse
    is left out here; ``primary-source check`` and ``load_document`` name its problem.

    >>> sorted(teacher_records())  # the shipped data has only the telegram itself
    []
    """
    folder = Path(folder) if folder is not None else data_dir() / "documents"
    exclude = document_id() if exclude is None else exclude
    found: dict[str, Document] = {}
    for file in sorted(folder.glob("*.txt")):
        if file.stem == exclude:
            continue
        try:
            found[file.stem] = load_document(file)
        except (DocumentFormatError, OSError, ValueError):
            continue
    return found


def _path_of(url: str | None) -> str:
    return str(url or "").rstrip("/").rsplit("/document/", 1)[-1].lower() if url else ""


def full_text_for(card: RelatedCard, records: dict[str, Document]) -> Document | None:
    """The teacher's full text for a card: by the card's ``document`` id, else by address or title.

    >>> full_text_for(load_related()[0], {}) is None
    True
    """
    if card.document and card.document in records:
        return records[card.document]
    for doc in records.values():
        if card.url and doc.url and _path_of(doc.url) == _path_of(card.url):
            return doc
        if _clean(doc.title).lower() == card.title.lower():
            return doc
    return None
