"""The editorial layers of a record: the translator's insertions, the text layers, the adaptation."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

from primary_source.notices import metadata_or_none, needs_metadata_frame
from primary_source.record import BRACKET_RE
from primary_source.segments import point_at

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from primary_source.metadata import Metadata
    from primary_source.record import Document

__all__ = ["insertions_table", "text_layers", "quirks_frame", "adapted_frame"]

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
    meta = metadata_or_none(meta)
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


def quirks_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """Oddities of the published record: what it says, what is standard, where, and why.

    >>> quirks_frame().loc[0, "published"]
    'Kim II Sung'
    """
    meta = metadata_or_none(meta)
    if meta is None:
        return needs_metadata_frame(["published", "standard", "where", "explanation"])
    rows = [{"published": q["published"], "standard": q["standard"],
             "where": q.get("where", ""),
             "explanation": " ".join(str(q["explanation"]).split())} for q in meta.quirks()]
    return pd.DataFrame(rows)


def adapted_frame(meta: Metadata | None = None, which: str = "paragraphs") -> pd.DataFrame:
    """The adapted reading version: its ``paragraphs`` or the visible list of ``changes``.

    >>> adapted_frame(which="changes").columns.tolist()
    ['paragraph', 'original', 'adapted', 'why']
    """
    if which not in ("paragraphs", "changes"):
        raise ValueError("which must be 'paragraphs' or 'changes'")
    meta = metadata_or_none(meta)
    if meta is None:
        return needs_metadata_frame(["paragraph", "original", "adapted", "why"]
                               if which == "changes" else ["label", "text"])
    adapted = meta.adapted()
    if which == "changes":
        return pd.DataFrame([{k: " ".join(str(c[k]).split())
                              for k in ("paragraph", "original", "adapted", "why")}
                             for c in adapted["changes"]])
    return pd.DataFrame([{"label": p["label"], "text": " ".join(str(p["text"]).split())}
                         for p in adapted["paragraphs"]])
