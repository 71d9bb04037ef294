"""The synthesis lesson's tables shown in full: evidence, related records, limits, the rubric."""

from __future__ import annotations

import ipywidgets as w

from primary_source import synthesis
from primary_source.notices import needs_metadata
from primary_source.palette import OKABE_ITO
from primary_source.synthesis import KIND_LABELS
from primary_source.ui.notes import escape, note_html

__all__ = ["table_view", "evidence_view", "corroboration_view", "limits_view", "rubric_view"]


def _wide():
    """A fresh full-width layout for one widget (none is made at import time)."""
    return w.Layout(width="auto", max_width="100%")



def table_view(table, caption: str) -> w.HTML:
    """A table shown in full (no cut-off text), with a caption and column headers, escaped."""
    head = "".join(f'<th scope="col" style="text-align:left">{escape(c)}</th>' for c in table.columns)
    rows = []
    for record in table.itertuples(index=False):
        cells = [f'<td dir="auto" style="text-align:left;vertical-align:top">{escape(v)}</td>'
                 for v in record]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    view = w.HTML(
        '<table class="ps-cer-table" style="border-collapse:collapse;max-width:100%">'
        f'<caption style="text-align:left;font-weight:bold">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>",
        layout=_wide())
    view.add_class("ps-cer-table-view")
    return view


def _missing(text: str) -> str:
    """A notice for a part that needs curated data this document does not have."""
    return note_html(f"<p><em>{escape(text)} {escape(needs_metadata())}</em></p>", OKABE_ITO["sky blue"])


def evidence_view(kind: str | None = None) -> w.HTML:
    """The evidence cards of one kind (or all) as a full table: id, evidence, source."""
    table = synthesis.evidence_table(kind)[["id", "evidence", "source"]]
    what = KIND_LABELS.get(kind, "all three places") if kind else "all three places"
    return table_view(table, f"Evidence from {what} ({len(table)} pieces)")


def corroboration_view() -> w.HTML:
    """What each related record would add, and what the telegram alone cannot tell us."""
    table = synthesis.corroboration_table()
    if table.empty:
        return w.HTML(_missing("This document has no list of related records yet."))
    return table_view(table[["date", "record", "would add", "the telegram alone cannot tell us"]],
                      "Related records: what each would add")


def limits_view() -> w.HTML:
    """The questions the telegram cannot answer on its own, and where to look next."""
    table = synthesis.limits_table()
    if table.empty:
        return w.HTML(_missing("The notes on what a document cannot tell us were written for "
                               "another record; write your own for this document."))
    return table_view(table[["question", "why the telegram cannot tell us", "where to look"]],
                      "What the telegram cannot tell us")


def rubric_view() -> w.HTML:
    """The assessment rubric: a row per criterion, a column per level."""
    return table_view(synthesis.rubric_table(), "How your argument is assessed")
