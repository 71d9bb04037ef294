"""Which events touch a window, which were known by the hindsight date, which is the telegram."""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pandas as pd

from primary_source import paths
from primary_source.record import load_document
from primary_source.timeline.dates import as_timestamp, window_bounds
from primary_source.timeline.schema import DOCUMENT_DATE

__all__ = [
    "document_date",
    "document_noun",
    "events_between",
    "is_document",
    "hindsight_limit",
    "later_mask",
]


def document_date() -> _dt.date:
    """The date of the record the lessons read (``data/lesson.yaml``), else the telegram's.

    The timeline marks this date, and the hindsight switch stops there, so a class reading
    another record of the war sees that record on the chart.

    >>> document_date()
    datetime.date(1950, 8, 28)
    """
    try:
        return paths.read_cached(paths.document_path(), _record_date)
    except (OSError, ValueError):
        return DOCUMENT_DATE


def _record_date(path) -> _dt.date:
    return load_document(path).date or DOCUMENT_DATE


def document_noun(when: _dt.date | None = None) -> str:
    """What to call the lessons' record on the chart: "telegram" for the shipped one.

    >>> document_noun(DOCUMENT_DATE), document_noun(_dt.date(1951, 3, 14))
    ('telegram', 'document')
    """
    return "telegram" if (when or document_date()) == DOCUMENT_DATE else "document"


def _last_moment(frame: pd.DataFrame) -> pd.Series:
    """When each event is over: the end of its period, or of the day/month/year of its start.

    The same as :func:`period_end` row by row, computed for the whole column at once (the
    explorer asks for it on every change of the window).
    """
    ref = frame["end"].where(frame["end"].notna(), frame["start"]).to_numpy("datetime64[ns]")
    precision = frame["precision"].to_numpy()
    following = np.where(precision == "day", (ref.astype("datetime64[D]") + 1).astype(ref.dtype),
                         np.where(precision == "month",
                                  (ref.astype("datetime64[M]") + 1).astype(ref.dtype),
                                  (ref.astype("datetime64[Y]") + 1).astype(ref.dtype)))
    return pd.Series(following - np.timedelta64(1, "us"), index=frame.index)


def events_between(df: pd.DataFrame, start=None, end=None, categories=None) -> pd.DataFrame:
    """The events that touch the window (inclusive), optionally only some categories.

    A period counts when any part of it lies in the window.

    >>> from primary_source.timeline import load_events
    >>> events = load_events()
    >>> len(events_between(events, "1950-09-15", "1950-09-15", ["military"])) >= 1
    True
    """
    lo, hi = window_bounds(start, end)
    mask = (df["start"] <= hi) & (_last_moment(df) >= lo)
    if categories is not None:
        mask &= df["category"].isin(list(categories))
    return df[mask].reset_index(drop=True)


def hindsight_limit(value) -> pd.Timestamp | None:
    """The last moment still 'known' for the hindsight switch, or None when it is off.

    >>> hindsight_limit("1950-08-28")
    Timestamp('1950-08-28 23:59:59.999999')
    """
    if value is None or value is False:
        return None
    if value is True:
        value = document_date()
    return as_timestamp(value, end=True)


def later_mask(frame: pd.DataFrame, hindsight_date) -> pd.Series:
    """Which events of ``frame`` were not yet known at the hindsight date (all False when off).

    >>> from primary_source.timeline import load_events
    >>> later_mask(load_events().head(2), None).tolist()
    [False, False]
    """
    limit = hindsight_limit(hindsight_date)
    if limit is None:
        return pd.Series(False, index=frame.index)
    return frame["start"] > limit


def is_document(frame: pd.DataFrame) -> pd.Series:
    """Which rows are the lessons' record itself (category ``document``, on its date, no end)."""
    doc = pd.Timestamp(document_date())
    return (frame["category"] == "document") & (frame["start"] == doc) & frame["end"].isna()
