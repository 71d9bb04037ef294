"""A timeline window as a readable HTML list: each event's date, title, description and note."""

from __future__ import annotations

from html import escape

import pandas as pd

from primary_source.timeline.dates import format_span, window_bounds
from primary_source.timeline.describing import describe
from primary_source.timeline.filtering import (
    document_noun,
    events_between,
    is_document,
    later_mask,
)
from primary_source.timeline.loading import load_events
from primary_source.timeline.schema import CATEGORIES

__all__ = ["event_list_html"]


def event_list_html(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                    hindsight_date=None) -> str:
    """The window as a formatted list: the summary of :func:`describe`, then one item per event
    with its date in bold, its description, its source, and its note (where the date is
    contested) written out. Everything is escaped.

    >>> html = event_list_html(None, "1950-09", "1950-09", ["military"])
    >>> "<li" in html and "Inchon" in html
    True
    """
    events = load_events() if events is None else events
    lo, hi = window_bounds(start, end)
    shown = events_between(events, lo, hi, CATEGORIES if categories is None else categories)
    summary = describe(events, start, end, categories, hindsight_date).split(
        "\nEvents in date order:")[0]
    parts = ['<div class="ps-event-list" style="line-height:1.5">']
    parts += [f"<p>{escape(line)}</p>" for line in summary.splitlines()]
    items = []
    later = later_mask(shown, hindsight_date)
    for (_i, row), is_later, is_doc in zip(shown.iterrows(), later, is_document(shown),
                                          strict=True):
        when = format_span(row["start"], row["end"], row["precision"])
        flags = []
        if is_doc:
            flags.append(f"the {document_noun()} this lesson reads")
        if is_later:
            flags.append("not yet known then")
        flag = f" <em>({escape('; '.join(flags))})</em>" if flags else ""
        item = [f"<b>{escape(when)}</b> &middot; {escape(str(row['category']))}: "
                f"<b>{escape(str(row['title']))}</b>{flag}"]
        if str(row.get("description") or "").strip():
            item.append(f"<br>{escape(str(row['description']))}")
        if str(row.get("note") or "").strip():
            item.append(f"<br><b>Note on the date:</b> {escape(str(row['note']))}")
        if str(row.get("source") or "").strip():
            item.append(f'<br><small>Source: {escape(str(row["source"]))}</small>')
        style = "margin-bottom:0.6em" + (";color:#555555" if is_later else "")
        items.append(f'<li dir="auto" style="{style}">{"".join(item)}</li>')
    if items:
        parts.append("<p>Events in date order:</p><ul>" + "".join(items) + "</ul>")
    parts.append("</div>")
    return "".join(parts)
