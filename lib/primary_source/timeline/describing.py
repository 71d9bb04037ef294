"""A timeline window in words and as a table: the text alternative of the chart."""

from __future__ import annotations

import pandas as pd

from primary_source.timeline.dates import format_date, format_month, format_span, window_bounds
from primary_source.timeline.filtering import (
    document_date,
    document_noun,
    events_between,
    hindsight_limit,
    is_document,
    later_mask,
)
from primary_source.timeline.loading import load_events
from primary_source.timeline.schema import CATEGORIES

__all__ = [
    "caption",
    "describe",
    "window_table",
]


def _bound_label(ts: pd.Timestamp, end: bool = False) -> str:
    """A window bound written by month when it falls on a month boundary, else by day."""
    on_boundary = (ts + pd.Timedelta(microseconds=1)).day == 1 if end else ts.day == 1
    return format_date(ts, "month" if on_boundary else "day")


def caption(events: pd.DataFrame, start=None, end=None, categories=None,
            hindsight_date=None) -> str:
    """One line naming what a chart window shows.

    >>> caption(load_events(), "1950-01", "1951-07", ["military", "diplomatic"])[:8]
    'Showing '
    """
    lo, hi = window_bounds(start, end)
    cats = list(CATEGORIES if categories is None else categories)
    shown = events_between(events, lo, hi, cats)
    noun = "event" if len(shown) == 1 else "events"
    text = (f"Showing {len(shown)} {noun}, {format_month(lo)} – {format_month(hi)}, "
            f"categories: {', '.join(cats) if cats else 'none'}")
    limit = hindsight_limit(hindsight_date)
    if limit is not None:
        later = int(later_mask(shown, hindsight_date).sum())
        text += (f"; only what was known by {format_date(limit, 'day')} "
                 f"({later} later {'event' if later == 1 else 'events'} greyed out)")
    return text


def describe(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
             hindsight_date=None) -> str:
    """The chart window in plain text, for screen readers and for reading aloud.

    Counts per category, then every event in date order with its date written as precisely as
    it is known, and where the lessons' record (the telegram of 28 August 1950) falls. With
    ``hindsight_date`` the events after it are marked as not yet known.

    >>> text = describe(start="1950-08", end="1950-09")
    >>> "28 August 1950" in text and "Inchon landing" in text
    True
    """
    events = load_events() if events is None else events
    lo, hi = window_bounds(start, end)
    cats = list(CATEGORIES if categories is None else categories)
    shown = events_between(events, lo, hi, cats)
    lines = [f"Timeline from {_bound_label(lo)} to {_bound_label(hi, end=True)}: "
             f"{len(shown)} {'event' if len(shown) == 1 else 'events'}."]
    if cats:
        counts = shown["category"].value_counts()
        lines.append("By category: " + ", ".join(f"{c} {int(counts.get(c, 0))}" for c in cats)
                     + ".")
    else:
        lines.append("No category is selected, so no events are shown.")
    doc = pd.Timestamp(document_date())
    doc_label = f"{document_noun()} of {format_date(doc, 'day')}"
    if lo <= doc <= hi:
        before = int((shown["start"] < doc).sum())
        after = int((shown["start"] > doc).sum())
        lines.append(f"The {doc_label} falls inside this window, marked by a "
                     f"vertical line: {before} of these events come before it and {after} "
                     "after it.")
    elif hi < doc:
        lines.append(f"The whole window lies before the {doc_label}.")
    else:
        lines.append(f"The whole window lies after the {doc_label}.")
    later = later_mask(shown, hindsight_date)
    limit = hindsight_limit(hindsight_date)
    if limit is not None:
        lines.append(f"Hindsight is switched off: only what was known by "
                     f"{format_date(limit, 'day')} is shown in colour; {int(later.sum())} later "
                     "events are greyed out and marked 'not yet known' below.")
    if len(shown):
        lines.append("Events in date order:")
    columns = (shown[c] for c in ("start", "end", "precision", "category", "title", "note"))
    for (start_, end_, precision, category, title, note), is_later, is_doc in zip(
            zip(*columns, strict=True), later, is_document(shown), strict=True):
        when = format_span(start_, end_, precision)
        flag = " [not yet known then]" if is_later else ""
        mark = f" (the {document_noun()} this lesson reads)" if is_doc else ""
        contested = " Date contested: see the note." if note else ""
        lines.append(f"- {when} ({category}): {title}{mark}{flag}.{contested}")
    return "\n".join(lines)


def window_table(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                 hindsight_date=None) -> pd.DataFrame:
    """The window as a table for display: date, category, event, description, source, note.

    With ``hindsight_date`` a column says whether each event was already known then.

    >>> list(window_table(start="1950-08", end="1950-08").columns)[:3]
    ['Date', 'Category', 'Event']
    """
    events = load_events() if events is None else events
    lo, hi = window_bounds(start, end)
    shown = events_between(events, lo, hi, CATEGORIES if categories is None else categories)
    table = pd.DataFrame({
        "Date": [format_span(s, e, p) for s, e, p in
                 zip(shown["start"], shown["end"], shown["precision"], strict=True)],
        "Category": shown["category"],
        "Event": shown["title"],
        "Description": shown["description"],
        "Source": shown["source"],
        "Note": shown["note"],
    })
    limit = hindsight_limit(hindsight_date)
    if limit is not None:
        table[f"Known by {format_date(limit, 'day')}"] = [
            "no" if later else "yes" for later in later_mask(shown, hindsight_date)]
    table.index = range(1, len(table) + 1)
    return table
