"""Timeline dates: parsing at a precision, window bounds, and dates written as precisely as known."""

from __future__ import annotations

import pandas as pd

from primary_source.dates import PartialDate
from primary_source.timeline.schema import DEFAULT_END, DEFAULT_START

__all__ = [
    "window_bounds",
    "format_date",
    "format_span",
    "format_month",
    "parse_event_date",
    "guess_precision",
    "period_end",
    "as_timestamp",
    "month_ticks",
]


def parse_event_date(text: str, precision: str) -> pd.Timestamp:
    """Parse ``text`` written at ``precision``; raise ValueError with a readable reason.

    >>> parse_event_date("1950-08", "month")
    Timestamp('1950-08-01 00:00:00')
    """
    return pd.Timestamp(PartialDate.parse(text, precision).first)


def guess_precision(text: str) -> str:
    """The precision a date is written at: ``day``, ``month`` or ``year``.

    >>> guess_precision("1950-08-28"), guess_precision("1950")
    ('day', 'year')
    """
    return PartialDate.guess_precision(text)


def period_end(ts: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The last moment of the day, month or year that starts at ``ts``.

    >>> period_end(pd.Timestamp("1950-08-01"), "month")
    Timestamp('1950-08-31 23:59:59.999999')
    """
    if precision == "year":
        nxt = pd.Timestamp(ts.year + 1, 1, 1)
    elif precision == "month":
        nxt = ts + pd.offsets.MonthBegin(1)
    else:
        nxt = ts + pd.Timedelta(days=1)
    return nxt - pd.Timedelta(microseconds=1)


def as_timestamp(value, *, end: bool = False) -> pd.Timestamp:
    """A window bound from a str (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), date or Timestamp.

    An end bound covers the whole year, month or day it names.

    >>> as_timestamp("1950-08", end=True)
    Timestamp('1950-08-31 23:59:59.999999')
    """
    if isinstance(value, str):
        text = value.strip()
        precision = guess_precision(text)
        ts = parse_event_date(text, precision)
        return period_end(ts, precision) if end else ts
    ts = pd.Timestamp(value)
    if end and ts == ts.normalize():
        return period_end(ts, "day")
    return ts


def window_bounds(start=None, end=None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The inclusive window ``(first moment, last moment)``; defaults Jan 1950 - Jul 1951.

    >>> window_bounds("1950-01", "1950-08")[1].date()
    datetime.date(1950, 8, 31)
    """
    lo = as_timestamp(DEFAULT_START if start is None else start)
    hi = as_timestamp(DEFAULT_END if end is None else end, end=True)
    if hi < lo:
        raise ValueError(f"the window ends ({hi.date()}) before it starts ({lo.date()})")
    return lo, hi


def format_date(ts, precision: str = "day") -> str:
    """A date written as precisely as it is known.

    >>> format_date(pd.Timestamp("1950-08-28"), "day")
    '28 August 1950'
    >>> format_date(pd.Timestamp("1950-08-01"), "month")
    'August 1950'
    >>> format_date(pd.Timestamp("1995-01-01"), "year")
    '1995'
    """
    if ts is None or pd.isna(ts):
        return ""
    ts = pd.Timestamp(ts)
    return PartialDate(ts.year, ts.month, ts.day, precision).label()


def format_span(start, end, precision: str = "day") -> str:
    """An event's date, or its period when it has an end.

    >>> format_span(pd.Timestamp("1950-08-04"), pd.Timestamp("1950-09-18"), "day")
    '4 August – 18 September 1950'
    >>> format_span(pd.Timestamp("1950-06-25"), None, "day")
    '25 June 1950'
    """
    first = format_date(start, precision)
    if end is None or pd.isna(end):
        return first
    last = format_date(end, precision)
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if precision != "year" and start.year == end.year:
        first = first.rsplit(" ", 1)[0]
    return f"{first} – {last}"


def format_month(value) -> str:
    """A short month label for captions and sliders.

    >>> format_month("1950-01")
    'Jan 1950'
    """
    ts = as_timestamp(value) if isinstance(value, str) else pd.Timestamp(value)
    return f"{ts.strftime('%b')} {ts.year}"


def month_ticks(lo: pd.Timestamp, hi: pd.Timestamp, most: int = 10) -> list[tuple[pd.Timestamp, str]]:
    """Dates and labels for the x axis: first days of months, every 1, 2, 3, 4, 6 or 12+ months.

    A tick in January is labelled with its year, others with the month's short name.

    >>> [label for _, label in month_ticks(pd.Timestamp("1950-06-01"), pd.Timestamp("1950-10-31"))]
    ['Jun', 'Jul', 'Aug', 'Sep', 'Oct']
    """
    first = pd.Timestamp(lo.year, lo.month, 1)
    if first < lo:
        first += pd.offsets.MonthBegin(1)
    months = (hi.year - first.year) * 12 + hi.month - first.month + 1
    for step in (1, 2, 3, 4, 6, 12, 24, 60, 120):
        if months / step <= most:
            break
    if step >= 12:  # years: start in January
        first = pd.Timestamp(first.year + (first.month > 1), 1, 1)
        while first.year % (step // 12):
            first = pd.Timestamp(first.year + 1, 1, 1)
    elif (first.month - 1) % step:
        first += pd.offsets.MonthBegin(step - (first.month - 1) % step)
    ticks, when = [], first
    while when <= hi:
        label = str(when.year) if when.month == 1 or step >= 12 else when.strftime("%b")
        ticks.append((when, label))
        when += pd.DateOffset(months=step)
    return ticks
