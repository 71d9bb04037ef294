"""Provenance: archival references decoded, the telegram's journey, and what the editor added."""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from primary_source.record import BRACKET_RE
from primary_source.references import LEVELS, ArchivalReference, parse_references
from primary_source.segments import point_at

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    import pandas as pd
    from matplotlib.figure import Figure

    from primary_source.metadata import Metadata
    from primary_source.record import Document

__all__ = [
    "LEVEL_INFO",
    "MEANS_STYLES",
    "Level",
    "adapted_frame",
    "chain_frame",
    "decode_citation",
    "decode_reference",
    "describe_chain",
    "insertions_table",
    "people_frame",
    "plot_chain",
    "quirks_frame",
    "related_frame",
    "text_layers",
]

#: What each level of a Russian archival reference is: (label, meaning, why it matters).
LEVEL_INFO: dict[str, tuple[str, str, str]] = {
    "archive": (
        "archive = repository",
        "The institution that keeps the paper today. Russian archives are usually cited by "
        "their initials.",
        "It tells you whose files the copy was kept in, and so who was meant to see it.",
    ),
    "fond": (
        "fond = collection",
        "The largest group of records inside an archive, usually all the papers of one "
        "institution, office or person.",
        "It places the document in the records of one body or person; the same number in "
        "another archive means something else.",
    ),
    "opis": (
        "opis = inventory",
        "A numbered list (inventory) of the files in a fond; a large fond has several opisi, "
        "each covering one series of files.",
        "File numbers restart in each inventory, so without the opis the file number is "
        "ambiguous.",
    ),
    "delo": (
        "delo = file",
        "One file (folder) of documents, often gathered by subject or period; the unit a "
        "researcher orders in the reading room.",
        "Documents in the same file are its neighbours: telegrams before and after it are the "
        "nearest context.",
    ),
    "papka": (
        "papka = box",
        "A box or folder that groups files; some archives, such as the Foreign Ministry's, add "
        "it as an extra level.",
        "In an archive that uses boxes, the box number is needed to find the file at all.",
    ),
    "listy": (
        "listy = sheets",
        "The numbers of the sheets (leaves) in the file that hold the document; one sheet is a "
        "list, several are listy. Sheets are numbered, not pages.",
        "They point to the exact place in the file; two separate ranges mean the document "
        "appears twice in the file, for example as two copies.",
    ),
}

#: Colour (Okabe-Ito name) and marker shape for each kind of means in the journey chart.
MEANS_STYLES: dict[str, tuple[str, str, str]] = {
    # kind: (palette colour name, marker, legend label)
    "writing": ("orange", "s", "written or registered"),
    "cipher": ("blue", "D", "cipher telegram"),
    "oral": ("vermillion", "o", "spoken (oral delivery)"),
    "archive": ("reddish purple", "P", "archive and release"),
    "publication": ("bluish green", "^", "translation and publication"),
}


def _means_kind(means: str) -> str:
    text = means.lower()
    if any(word in text for word in ("draft", "writ", "regist", "letter")):
        return "writing"
    if "oral" in text or "spoken" in text:
        return "oral"
    if "telegram" in text or "cipher" in text:
        return "cipher"
    if any(word in text for word in ("translation", "online", "publi", "print")):
        return "publication"
    if "archive" in text or "declass" in text or "release" in text:
        return "archive"
    return "writing"


@dataclass(frozen=True)
class Level:
    """One level of an archival reference, decoded for a reader."""

    archive: str
    level: str
    value: str
    label: str
    meaning: str
    why_it_matters: str

    @property
    def caption(self) -> str:
        """A one-line caption such as ``APRF › fond 45: collection``."""
        short = self.label.split("=", 1)[-1].strip()
        if self.level == "archive":
            return f"{self.archive}: {short}"
        return f"{self.archive} › {self.level} {self.value}: {short}"


def _meta(meta: Metadata | None) -> Metadata | None:
    if meta is not None:
        return meta
    try:
        from primary_source.metadata import load_metadata

        return load_metadata()
    except FileNotFoundError:
        return None


def _needs_metadata(columns: list[str]) -> pd.DataFrame:
    from primary_source.notices import needs_metadata, notice_frame

    return notice_frame(needs_metadata(), columns)


def decode_reference(ref: ArchivalReference, meta: Metadata | None = None) -> list[Level]:
    """Each level of one archival reference, with what it is and why it matters.

    Levels the citation does not give (an archive without boxes has no papka) are left out.
    With curated metadata, the archive's full name, what is known of the fond, and the related
    records kept in the same file are added.

    >>> from primary_source.references import ArchivalReference
    >>> levels = decode_reference(ArchivalReference("APRF", fond="45", opis="1", delo="347"))
    >>> [lv.caption for lv in levels]
    ['APRF: repository', 'APRF › fond 45: collection', 'APRF › opis 1: inventory', \
'APRF › delo 347: file']
    """
    meta = _meta(meta)
    archives = {a["id"]: a for a in meta.archives()} if meta is not None else {}
    info = archives.get(ref.archive)
    levels = []
    for level in LEVELS:
        value = ref.archive if level == "archive" else getattr(ref, level)
        if not value:
            continue
        label, meaning, why = LEVEL_INFO[level]
        if level == "archive" and info:
            meaning = f"{info['name']} ({ref.archive}). {info['description']}"
        if level == "fond" and info:
            for fond in info.get("fonds") or []:
                if str(fond.get("fond")) == str(value):
                    meaning = f"{meaning} Here: {fond['description']}"
        if level == "delo" and meta is not None:
            neighbours = _same_file(ref, meta)
            if neighbours:
                why = f"{why} In this file: {'; '.join(neighbours)}."
        if level == "listy" and ref.note:
            why = f"{why} The citation marks these sheets as the {ref.note}."
        levels.append(Level(ref.archive, level, str(value), label, meaning, why))
    return levels


def _same_file(ref: ArchivalReference, meta: Metadata) -> list[str]:
    found = []
    for item in meta.related():
        for other in parse_references(str(item.get("archive_reference") or "")):
            if (other.archive, other.fond, other.opis, other.delo) == (
                    ref.archive, ref.fond, ref.opis, ref.delo) and other.listy:
                found.append(f"{item['title']} ({item['date']}), listy {other.listy}")
    return found


def decode_citation(doc: Document, meta: Metadata | None = None) -> pd.DataFrame:
    """Every level of every archival reference in a record's citation, as a table.

    Columns: ``reference`` (1, 2 ...), ``archive``, ``level``, ``value``, ``label``,
    ``meaning``, ``why_it_matters``, ``caption``.

    >>> from primary_source import load_document
    >>> decode_citation(load_document())[["archive", "level", "value"]].head(2).values.tolist()
    [['APRF', 'archive', 'APRF'], ['APRF', 'fond', '45']]
    """
    import pandas as pd

    rows = []
    for number, ref in enumerate(doc.archival_references, start=1):
        for lv in decode_reference(ref, meta):
            rows.append({"reference": number, "archive": lv.archive, "level": lv.level,
                         "value": lv.value, "label": lv.label, "meaning": lv.meaning,
                         "why_it_matters": lv.why_it_matters, "caption": lv.caption})
    columns = ["reference", "archive", "level", "value", "label", "meaning", "why_it_matters",
               "caption"]
    return pd.DataFrame(rows, columns=columns)


def chain_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """The journey of the telegram as a table, one row per step, sorted by date.

    Columns: ``step_no``, ``id``, ``step``, ``date`` (a Timestamp for ordering: the date when
    known to the day, otherwise the latest date the step can have), ``earliest`` (the earliest
    date it can have), ``precision``, ``date_label`` (no more precise than known), ``actor``,
    ``means``, ``kind``, ``description``, ``source`` (the full reference), ``note``,
    ``date_puzzle``.

    >>> chain_frame()[["id", "date_label"]].head(3).values.tolist()[0]
    ['drafted', '28 August 1950']
    """
    import pandas as pd

    from primary_source.metadata import date_label, parse_partial_date

    meta = _meta(meta)
    if meta is None:
        return _needs_metadata(["step_no", "id", "step", "date", "earliest", "precision",
                                "date_label", "actor", "means", "kind", "description",
                                "source", "note", "date_puzzle"])
    rows = []
    for order, step in enumerate(meta.chain()):
        rows.append({
            "order": order,
            "id": step["id"],
            "step": step["step"],
            "date": pd.Timestamp(_latest_date(step)),
            "earliest": pd.Timestamp(parse_partial_date(step["date"])),
            "precision": step["precision"],
            "date_label": date_label(step["date"], step["precision"], step.get("date_latest")),
            "actor": meta.actor_name(str(step["actor"])),
            "means": step["means"],
            "kind": _means_kind(step["means"]),
            "description": " ".join(str(step["description"]).split()),
            "source": meta.cite(step["source"]),
            "note": " ".join(str(step.get("note") or "").split()),
            "date_puzzle": bool(step.get("date_puzzle")),
        })
    frame = pd.DataFrame(rows).sort_values(["date", "order"], kind="stable")
    frame = frame.drop(columns="order").reset_index(drop=True)
    frame.insert(0, "step_no", range(1, len(frame) + 1))
    return frame


def _latest_date(step: dict):
    """The latest date a step can have: ``date_latest``, or the end of its year or month."""
    import calendar
    import datetime as dt

    from primary_source.metadata import parse_partial_date

    if step.get("date_latest") is not None:
        return parse_partial_date(step["date_latest"])
    date = parse_partial_date(step["date"])
    parts = len(str(step["date"]).strip().split("-")) if not isinstance(
        step["date"], dt.date) else 3
    if parts >= 3:
        return date
    if parts == 2:
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    return date.replace(month=12, day=31)


def _resolve_highlight(frame: pd.DataFrame, highlight: Any) -> int | None:
    if highlight is None:
        return None
    if isinstance(highlight, str):
        matches = frame.index[frame["id"] == highlight].tolist()
        if not matches:
            raise KeyError(f"no step with id {highlight!r}; steps are {list(frame['id'])}")
        return matches[0]
    number = int(highlight)
    if not 1 <= number <= len(frame):
        raise IndexError(f"step {number} is outside 1-{len(frame)}")
    return number - 1


def plot_chain(meta: Metadata | None = None, highlight: Any = None) -> Figure:
    """A left-to-right diagram of the journey: who did what, when, and by which means.

    Each step is a marker whose colour *and* shape show the means (Okabe-Ito colours), with
    the date above and the step and actor below. ``highlight`` (a step number from 1, or a
    step id) draws one step larger with a thick outline and bold labels.
    Use :func:`describe_chain` for the text alternative.

    >>> fig = plot_chain(highlight="received")
    >>> fig.axes[0].get_title().startswith("The journey")
    True
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from primary_source.palette import OKABE_ITO

    frame = chain_frame(meta)
    if frame.empty and frame.attrs.get("notice"):
        fig = Figure(figsize=(8.0, 1.6), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, "\n".join(textwrap.wrap(frame.attrs["notice"], 90)), ha="center",
                va="center", fontsize=9.5, wrap=True)
        return fig
    chosen = _resolve_highlight(frame, highlight)
    n = len(frame)
    fig = Figure(figsize=(max(8.0, 1.02 * n), 3.9), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ax.plot(range(n), [0] * n, color="#999999", linewidth=1.5, zorder=1)
    for i, row in frame.iterrows():
        colour_name, marker, _ = MEANS_STYLES[row["kind"]]
        is_chosen = i == chosen
        ax.scatter([i], [0], s=420 if is_chosen else 170, marker=marker,
                   color=OKABE_ITO[colour_name], edgecolors="black",
                   linewidths=3 if is_chosen else 0.8, zorder=3)
        weight = "bold" if is_chosen else "normal"
        date_text = "\n".join(textwrap.wrap(row["date_label"], 12))
        ax.annotate(date_text, (i, 0), xytext=(0, 16), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8.5, fontweight=weight)
        below = "\n".join(textwrap.wrap(f"{row['step_no']}. {row['step']}", 13))
        below += "\n(" + "\n".join(textwrap.wrap(row["actor"], 13)) + ")"
        ax.annotate(below, (i, 0), xytext=(0, -18), textcoords="offset points",
                    ha="center", va="top", fontsize=8, fontweight=weight)
        if i > 0:
            years = row["earliest"].year - frame.loc[i - 1, "date"].year
            if years >= 2:
                ax.annotate(f"{years} years\nlater", (i - 0.5, 0), xytext=(0, 5),
                            textcoords="offset points", ha="center", va="bottom", fontsize=7,
                            color="#444444")
        if row["date_puzzle"]:
            ax.annotate("date puzzle", (i, 0), xytext=(0, 52), textcoords="offset points",
                        ha="center", va="bottom", fontsize=7, style="italic",
                        color=OKABE_ITO["vermillion"] if is_chosen else "#555555")
    ax.set_xlim(-0.7, n - 0.3)
    ax.set_ylim(-1.75, 0.9)
    ax.axis("off")
    title = "The journey of the telegram of 28 August 1950"
    if chosen is not None:
        title += f": step {chosen + 1} of {n}, {frame.loc[chosen, 'step']}"
    ax.set_title(title, fontsize=11.5)
    kinds = [k for k in MEANS_STYLES if k in set(frame["kind"])]
    handles = [Line2D([], [], linestyle="none", marker=MEANS_STYLES[k][1], markersize=9,
                      markerfacecolor=OKABE_ITO[MEANS_STYLES[k][0]], markeredgecolor="black",
                      label=MEANS_STYLES[k][2]) for k in kinds]
    ax.legend(handles=handles, loc="lower center", ncol=3, fontsize=8.5,
              frameon=False, bbox_to_anchor=(0.5, -0.02), title="by which means",
              title_fontsize=8)
    return fig


def describe_chain(meta: Metadata | None = None, highlight: Any = None) -> str:
    """The text alternative to :func:`plot_chain`: every step in order, in words.

    >>> print(describe_chain().splitlines()[0])
    The journey of the telegram in 9 steps, from left to right:
    """
    frame = chain_frame(meta)
    if frame.empty and frame.attrs.get("notice"):
        return frame.attrs["notice"]
    chosen = _resolve_highlight(frame, highlight)
    lines = [f"The journey of the telegram in {len(frame)} steps, from left to right:"]
    for i, row in frame.iterrows():
        mark = " (highlighted)" if i == chosen else ""
        puzzle = " Date puzzle: see the note on 28 and 29 August." if row["date_puzzle"] else ""
        lines.append(f"{row['step_no']}. {row['step']}{mark}: {row['date_label']} "
                     f"(known to the {row['precision']}); who: {row['actor']}; "
                     f"by: {row['means']}.{puzzle}")
    return "\n".join(lines)


def related_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """Related records by reference only: date, title, archive reference, address, summary.

    >>> "1950-07-01" in set(related_frame()["date"])
    True
    """
    import pandas as pd

    from primary_source.metadata import date_label

    meta = _meta(meta)
    if meta is None:
        return _needs_metadata(["date", "date_label", "title", "archive_reference", "record",
                                "url", "summary", "source", "note"])
    rows = [{
        "date": str(item["date"]),
        "date_label": date_label(item["date"], item["precision"]),
        "title": " ".join(str(item["title"]).split()),
        "archive_reference": " ".join(str(item.get("archive_reference") or "").split()),
        "record": item.get("record"),
        "url": item.get("url"),
        "summary": " ".join(str(item["summary"]).split()),
        "source": meta.cite(item["source"]),
        "note": " ".join(str(item.get("note") or "").split()),
    } for item in meta.related()]
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)


def people_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """Who was involved: name, role, the names they appear under, what they did, the source.

    >>> people_frame().set_index("role").loc["author", "name"]
    'Joseph (Iosif Vissarionovich) Stalin'
    """
    import pandas as pd

    meta = _meta(meta)
    if meta is None:
        return _needs_metadata(["name", "role", "also written", "description", "source"])
    rows = [{"name": p["name"], "role": p["role"],
             "also written": ", ".join(str(v) for v in p.get("variants") or []),
             "description": " ".join(str(p["description"]).split()),
             "source": meta.cite(p["source"])} for p in meta.people()]
    return pd.DataFrame(rows)


def quirks_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """Oddities of the published record: what it says, what is standard, where, and why.

    >>> quirks_frame().loc[0, "published"]
    'Kim II Sung'
    """
    import pandas as pd

    meta = _meta(meta)
    if meta is None:
        return _needs_metadata(["published", "standard", "where", "explanation"])
    rows = [{"published": q["published"], "standard": q["standard"],
             "where": q.get("where", ""),
             "explanation": " ".join(str(q["explanation"]).split())} for q in meta.quirks()]
    return pd.DataFrame(rows)


def adapted_frame(meta: Metadata | None = None, which: str = "paragraphs") -> pd.DataFrame:
    """The adapted reading version: its ``paragraphs`` or the visible list of ``changes``.

    >>> adapted_frame(which="changes").columns.tolist()
    ['paragraph', 'original', 'adapted', 'why']
    """
    import pandas as pd

    if which not in ("paragraphs", "changes"):
        raise ValueError("which must be 'paragraphs' or 'changes'")
    meta = _meta(meta)
    if meta is None:
        return _needs_metadata(["paragraph", "original", "adapted", "why"]
                               if which == "changes" else ["label", "text"])
    adapted = meta.adapted()
    if which == "changes":
        return pd.DataFrame([{k: " ".join(str(c[k]).split())
                              for k in ("paragraph", "original", "adapted", "why")}
                             for c in adapted["changes"]])
    return pd.DataFrame([{"label": p["label"], "text": " ".join(str(p["text"]).split())}
                         for p in adapted["paragraphs"]])


def _point_of(body: str, offset: int) -> str:
    """Where in the body an offset falls: 'point N', 'signature', 'footer' or 'header'."""
    line_start = body.rfind("\n", 0, offset) + 1
    line_end = body.find("\n", offset)
    line = body[line_start: line_end if line_end != -1 else len(body)].strip()
    number = point_at(body, offset)
    if number is not None:
        return f"point {number}"
    later = body[line_end:].strip() if line_end != -1 else ""
    if len(line) < 60 and later and len(later) < 80:
        return "signature"
    if not later:
        return "footer"
    return "header"


def insertions_table(doc: Document, meta: Metadata | None = None) -> pd.DataFrame:
    """Every bracketed insertion in the record: where it is and what it tells us.

    Body insertions come with their offsets and the paragraph ("point 1", "signature"); the
    title's and the citation's brackets are listed too, since the archive added them as well.
    Columns: ``insertion``, ``location``, ``paragraph``, ``start``, ``end``, ``tells_us``,
    ``added_by``.

    >>> from primary_source import load_document
    >>> insertions_table(load_document())["insertion"].tolist()[:2]
    ['[Central Committee, All-Union Communist Party (bolshevik)]', '[Stalin]']
    """

    import pandas as pd

    meta = _meta(meta)
    curated = meta.insertions() if meta is not None else []

    def explain(text: str, location: str) -> tuple[str, str]:
        for item in curated:
            if str(item["text"]) == text and location.split(",")[0] in str(item.get("where", "")):
                return " ".join(str(item["tells_us"]).split()), str(item.get("added_by", ""))
        for item in curated:
            if str(item["text"]) == text:
                return " ".join(str(item["tells_us"]).split()), str(item.get("added_by", ""))
        return ("An explanation added in square brackets; it is not part of the original "
                "telegram.", "translator or editor")

    rows = []
    for ins in doc.editorial_insertions:
        paragraph = _point_of(doc.body, ins.start)
        tells, by = explain(ins.text, "body")
        rows.append({"insertion": ins.marked, "location": "body", "paragraph": paragraph,
                     "start": ins.start, "end": ins.end, "tells_us": tells, "added_by": by})
    for location, text in (("title", doc.title), ("citation", doc.citation)):
        for match in BRACKET_RE.finditer(text or ""):
            tells, by = explain(match.group(0)[1:-1], location)
            rows.append({"insertion": match.group(0), "location": location,
                         "paragraph": location, "start": match.start(), "end": match.end(),
                         "tells_us": tells, "added_by": by})
    columns = ["insertion", "location", "paragraph", "start", "end", "tells_us", "added_by"]
    return pd.DataFrame(rows, columns=columns)


def text_layers(doc: Document) -> dict[str, str]:
    """The body in three layers for comparison.

    ``published``: exactly as published. ``plain``: without the editor's brackets.
    ``highlighted``: escaped HTML in which each insertion is wrapped in ``<mark>`` with a
    visible "[editor]" cue, so colour is not the only signal.

    >>> layers = text_layers(__import__("primary_source").load_document())
    >>> "[Stalin]" in layers["plain"], "<mark" in layers["highlighted"]
    (False, True)
    """
    body = doc.body
    parts = []
    cursor = 0
    for ins in doc.editorial_insertions:
        parts.append(html.escape(body[cursor:ins.start]))
        parts.append('<mark class="ps-editorial" title="added by the translator or editor">'
                     f"{html.escape(ins.marked)}"
                     '<span class="ps-editor-cue"> [editor]</span></mark>')
        cursor = ins.end
    parts.append(html.escape(body[cursor:]))
    return {"published": body, "plain": doc.text(editorial=False), "highlighted": "".join(parts)}
