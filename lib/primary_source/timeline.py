"""The events of 1945-1953 around the telegram: loading, filtering, a chart and its text alternative."""

from __future__ import annotations

import csv
import datetime as _dt
import re
from pathlib import Path

import pandas as pd

from primary_source import paths
from primary_source.palette import CATEGORY_COLOURS

__all__ = [
    "COLUMNS",
    "ERA_COLUMNS",
    "PRECISIONS",
    "CATEGORIES",
    "MARKERS",
    "DOCUMENT_DATE",
    "DEFAULT_START",
    "DEFAULT_END",
    "GREY",
    "TimelineFormatError",
    "load_events",
    "load_eras",
    "events_between",
    "window_bounds",
    "format_date",
    "format_span",
    "format_month",
    "plot_timeline",
    "describe",
    "window_table",
    "caption",
    "is_document",
]

#: The columns of ``data/timeline.csv``, in order.
COLUMNS = ("start", "end", "precision", "category", "title", "description", "source", "note")
#: The columns of ``data/eras.csv``, in order.
ERA_COLUMNS = ("start", "end", "name", "description", "source")
#: How exactly a date is known: to the day, the month or the year.
PRECISIONS = ("day", "month", "year")
#: The lanes of the chart, top to bottom.
CATEGORIES = ("military", "diplomatic", "political", "document", "archival")
#: One marker shape per category, so that colour is never the only cue.
MARKERS = {"military": "s", "diplomatic": "D", "political": "^", "document": "*",
           "archival": "v"}
#: The date of the telegram the lessons read.
DOCUMENT_DATE = _dt.date(1950, 8, 28)
#: The default window of the chart: from the year of decision to the start of the talks.
DEFAULT_START = "1950-01"
DEFAULT_END = "1951-07"
#: The colour of events that lie after the hindsight date (not part of the category palette).
GREY = "#9E9E9E"

_PATTERNS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
_FORMATS = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}


class TimelineFormatError(ValueError):
    """A row of the timeline (or eras) file is malformed.

    ``path``, ``line`` (the 1-based line of the CSV file) and ``field`` name the place.

    >>> str(TimelineFormatError("timeline.csv", 7, "start", "bad date '1950-13-01'"))
    "timeline.csv, line 7, field 'start': bad date '1950-13-01'"
    """

    def __init__(self, path, line: int, field: str, message: str):
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(f"{Path(self.path).name}, line {line}, field {field!r}: {message}")


# --------------------------------------------------------------------------- dates


def _parse_date(text: str, precision: str) -> pd.Timestamp:
    """Parse ``text`` written at ``precision``; raise ValueError with a readable reason."""
    if not re.fullmatch(_PATTERNS[precision], text):
        raise ValueError(f"bad date {text!r}: a {precision}-precision date is written "
                         f"{_FORMATS[precision]}")
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        return pd.Timestamp(_dt.date(parts[0], parts[1], parts[2]))
    except ValueError as exc:
        raise ValueError(f"bad date {text!r}: {exc}") from None


def _guess_precision(text: str) -> str:
    for precision in PRECISIONS:
        if re.fullmatch(_PATTERNS[precision], text):
            return precision
    raise ValueError(f"bad date {text!r}: write YYYY-MM-DD, YYYY-MM or YYYY")


def _period_end(ts: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The last moment of the day, month or year that starts at ``ts``."""
    if precision == "year":
        nxt = pd.Timestamp(ts.year + 1, 1, 1)
    elif precision == "month":
        nxt = ts + pd.offsets.MonthBegin(1)
    else:
        nxt = ts + pd.Timedelta(days=1)
    return nxt - pd.Timedelta(microseconds=1)


def _as_timestamp(value, *, end: bool = False) -> pd.Timestamp:
    """A window bound from a str (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), date or Timestamp.

    An end bound covers the whole year, month or day it names.
    """
    if isinstance(value, str):
        text = value.strip()
        precision = _guess_precision(text)
        ts = _parse_date(text, precision)
        return _period_end(ts, precision) if end else ts
    ts = pd.Timestamp(value)
    if end and ts == ts.normalize():
        return _period_end(ts, "day")
    return ts


def window_bounds(start=None, end=None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The inclusive window ``(first moment, last moment)``; defaults Jan 1950 - Jul 1951.

    >>> window_bounds("1950-01", "1950-08")[1].date()
    datetime.date(1950, 8, 31)
    """
    lo = _as_timestamp(DEFAULT_START if start is None else start)
    hi = _as_timestamp(DEFAULT_END if end is None else end, end=True)
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
    if precision == "year":
        return f"{ts.year}"
    if precision == "month":
        return f"{ts.strftime('%B')} {ts.year}"
    return f"{ts.day} {ts.strftime('%B')} {ts.year}"


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
    ts = _as_timestamp(value) if isinstance(value, str) else pd.Timestamp(value)
    return f"{ts.strftime('%b')} {ts.year}"


# --------------------------------------------------------------------------- loading


def _read_rows(path: Path, columns: tuple[str, ...]):
    """Yield ``(line, row_dict)`` for each data row; check the header."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise TimelineFormatError(path, 1, "header", "the file is empty") from None
        header = [h.strip() for h in header]
        if tuple(header) != columns:
            missing = [c for c in columns if c not in header]
            extra = [h for h in header if h not in columns]
            detail = []
            if missing:
                detail.append("missing " + ", ".join(missing))
            if extra:
                detail.append("unknown " + ", ".join(extra))
            if not detail:
                detail.append("columns out of order")
            raise TimelineFormatError(path, 1, "header", "; ".join(detail) + f" (expected "
                                      f"{','.join(columns)})")
        previous = reader.line_num
        for raw in reader:
            line = previous + 1
            previous = reader.line_num
            if not any(cell.strip() for cell in raw):
                continue
            if len(raw) != len(columns):
                raise TimelineFormatError(path, line, "row", f"{len(raw)} fields, expected "
                                          f"{len(columns)} (is a comma inside unquoted text?)")
            yield line, {c: v.strip() for c, v in zip(columns, raw, strict=True)}


def load_events(path=None) -> pd.DataFrame:
    """The timeline as a DataFrame, sorted by date; every row checked.

    Columns: ``start`` and ``end`` (Timestamps, ``end`` NaT for a single event), ``precision``,
    ``category``, ``title``, ``description``, ``source``, ``note`` and ``line`` (the CSV line).

    Raises
    ------
    TimelineFormatError
        naming the file, line and field of the first bad row (missing source, bad date,
        unknown category or precision, an end before the start).

    >>> events = load_events()
    >>> events.loc[events.title.str.startswith("Inchon"), "start"].iloc[0].date()
    datetime.date(1950, 9, 15)
    """
    path = Path(path) if path is not None else paths.timeline_path()
    records = []
    for line, row in _read_rows(path, COLUMNS):
        for required in ("start", "precision", "category", "title", "description", "source"):
            if not row[required]:
                raise TimelineFormatError(path, line, required, f"the {required} is missing")
        precision = row["precision"]
        if precision not in PRECISIONS:
            raise TimelineFormatError(path, line, "precision", f"unknown precision "
                                      f"{precision!r}; use one of {', '.join(PRECISIONS)}")
        if row["category"] not in CATEGORIES:
            raise TimelineFormatError(path, line, "category", f"unknown category "
                                      f"{row['category']!r}; use one of {', '.join(CATEGORIES)}")
        try:
            start = _parse_date(row["start"], precision)
        except ValueError as exc:
            raise TimelineFormatError(path, line, "start", str(exc)) from None
        end = pd.NaT
        if row["end"]:
            try:
                end = _parse_date(row["end"], precision)
            except ValueError as exc:
                raise TimelineFormatError(path, line, "end", str(exc)) from None
            if end < start:
                raise TimelineFormatError(path, line, "end", f"the end {row['end']} is before "
                                          f"the start {row['start']}")
        records.append({**row, "start": start, "end": end, "line": line})
    frame = pd.DataFrame(records, columns=[*COLUMNS, "line"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame.sort_values(["start", "line"], kind="stable").reset_index(drop=True)




def load_eras(path=None) -> pd.DataFrame:
    """The eras of the war (``start``, ``end`` as Timestamps, ``name``, ``description``, ``source``).

    Dates may be written to the day or the month; an end covers its whole day or month.

    >>> load_eras().name.tolist()[1]
    'North Korean offensive'
    """
    path = Path(path) if path is not None else paths.eras_path()
    records = []
    for line, row in _read_rows(path, ERA_COLUMNS):
        for required in ERA_COLUMNS:
            if not row[required]:
                raise TimelineFormatError(path, line, required, f"the {required} is missing")
        bounds = {}
        for field in ("start", "end"):
            try:
                precision = _guess_precision(row[field])
                ts = _parse_date(row[field], precision)
            except ValueError as exc:
                raise TimelineFormatError(path, line, field, str(exc)) from None
            bounds[field] = _period_end(ts, precision) if field == "end" else ts
        if bounds["end"] < bounds["start"]:
            raise TimelineFormatError(path, line, "end", "the era ends before it starts")
        records.append({**row, **bounds, "line": line})
    frame = pd.DataFrame(records, columns=[*ERA_COLUMNS, "line"])
    return frame.sort_values("start", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- filtering


def _last_moment(frame: pd.DataFrame) -> pd.Series:
    """When each event is over: the end of its period, or of the day/month/year of its start."""
    ends = []
    for start, end, precision in zip(frame["start"], frame["end"], frame["precision"], strict=True):
        ref = start if pd.isna(end) else end
        ends.append(_period_end(ref, precision))
    return pd.Series(ends, index=frame.index, dtype="datetime64[ns]")


def events_between(df: pd.DataFrame, start=None, end=None, categories=None) -> pd.DataFrame:
    """The events that touch the window (inclusive), optionally only some categories.

    A period counts when any part of it lies in the window.

    >>> events = load_events()
    >>> len(events_between(events, "1950-09-15", "1950-09-15", ["military"])) >= 1
    True
    """
    lo, hi = window_bounds(start, end)
    mask = (df["start"] <= hi) & (_last_moment(df) >= lo)
    if categories is not None:
        mask &= df["category"].isin(list(categories))
    return df[mask].reset_index(drop=True)


def _hindsight(value) -> pd.Timestamp | None:
    """The last moment still 'known' for the hindsight switch, or None when it is off."""
    if value is None or value is False:
        return None
    if value is True:
        value = DOCUMENT_DATE
    return _as_timestamp(value, end=True)


def _later_mask(frame: pd.DataFrame, hindsight_date) -> pd.Series:
    limit = _hindsight(hindsight_date)
    if limit is None:
        return pd.Series(False, index=frame.index)
    return frame["start"] > limit


def is_document(frame: pd.DataFrame) -> pd.Series:
    """Which rows are the telegram itself (category ``document``, on its date, not a period)."""
    doc = pd.Timestamp(DOCUMENT_DATE)
    return (frame["category"] == "document") & (frame["start"] == doc) & frame["end"].isna()


# --------------------------------------------------------------------------- text


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
    limit = _hindsight(hindsight_date)
    if limit is not None:
        later = int(_later_mask(shown, hindsight_date).sum())
        text += (f"; only what was known by {format_date(limit, 'day')} "
                 f"({later} later {'event' if later == 1 else 'events'} greyed out)")
    return text


def describe(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
             hindsight_date=None) -> str:
    """The chart window in plain text, for screen readers and for reading aloud.

    Counts per category, then every event in date order with its date written as precisely as
    it is known, and where the telegram of 28 August 1950 falls. With ``hindsight_date`` the
    events after it are marked as not yet known.

    >>> text = describe(None, "1950-08", "1950-09")
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
    doc = pd.Timestamp(DOCUMENT_DATE)
    doc_label = format_date(doc, "day")
    if lo <= doc <= hi:
        before = int((shown["start"] < doc).sum())
        after = int((shown["start"] > doc).sum())
        lines.append(f"The telegram of {doc_label} falls inside this window, marked by a "
                     f"vertical line: {before} of these events come before it and {after} "
                     "after it.")
    elif hi < doc:
        lines.append(f"The whole window lies before the telegram of {doc_label}.")
    else:
        lines.append(f"The whole window lies after the telegram of {doc_label}.")
    later = _later_mask(shown, hindsight_date)
    limit = _hindsight(hindsight_date)
    if limit is not None:
        lines.append(f"Hindsight is switched off: only what was known by "
                     f"{format_date(limit, 'day')} is shown in colour; {int(later.sum())} later "
                     "events are greyed out and marked 'not yet known' below.")
    if len(shown):
        lines.append("Events in date order:")
    for i, row in shown.iterrows():
        when = format_span(row["start"], row["end"], row["precision"])
        flag = " [not yet known then]" if later.iloc[i] else ""
        is_doc = bool(is_document(shown.loc[[i]]).iloc[0])
        mark = " (the telegram this lesson reads)" if is_doc else ""
        contested = " Date contested: see the note." if row["note"] else ""
        lines.append(f"- {when} ({row['category']}): {row['title']}{mark}{flag}.{contested}")
    return "\n".join(lines)


def window_table(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                 hindsight_date=None) -> pd.DataFrame:
    """The window as a table for display: date, category, event, description, source, note.

    With ``hindsight_date`` a column says whether each event was already known then.

    >>> list(window_table(None, "1950-08", "1950-08").columns)[:3]
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
    limit = _hindsight(hindsight_date)
    if limit is not None:
        table[f"Known by {format_date(limit, 'day')}"] = [
            "no" if later else "yes" for later in _later_mask(shown, hindsight_date)]
    table.index = range(1, len(table) + 1)
    return table


# --------------------------------------------------------------------------- chart


def _greedy_rows(spans: list[tuple[float, float]], gap: float) -> list[int]:
    """Give each horizontal span the first row where it overlaps nothing (spans in x order)."""
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for left, right in spans:
        for r, taken in enumerate(rows):
            if all(right + gap <= a or left >= b + gap for a, b in taken):
                taken.append((left, right))
                placed.append(r)
                break
        else:
            rows.append([(left, right)])
            placed.append(len(rows) - 1)
    return placed


#: Margins around the chart, in inches: left, right, top, bottom.
_MARGINS = (1.0, 0.3, 0.55, 0.8)


def _axes_rect(width: float, height: float) -> tuple[float, float, float, float]:
    left, right, top, bottom = _MARGINS
    return (left / width, bottom / height, 1 - (left + right) / width,
            1 - (top + bottom) / height)


def plot_timeline(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                  hindsight_date=None, highlight=None, ax=None):
    """Draw the timeline window and return the matplotlib ``Figure``.

    One lane per category (marker shape and Okabe-Ito colour per category), eras shaded with
    their names, periods as bars, single events as markers, the telegram's date as a labelled
    vertical line. Labels are stacked in rows inside each lane by a greedy algorithm that
    measures every label, so that none overlap. Events after ``hindsight_date`` are greyed out.
    ``highlight`` is an event title (or a list of titles) to emphasise.

    The figure is a ``matplotlib.figure.Figure`` with an Agg canvas (no pyplot state), about
    10 x 6 inches; it grows taller when a window needs more label rows.

    >>> fig = plot_timeline(start="1950-06", end="1950-10")
    >>> fig.axes[0].get_title(loc="left")
    'Events around the telegram, Jun 1950 – Oct 1950'
    """
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    events = load_events() if events is None else events
    lo, hi = window_bounds(start, end)
    cats = [c for c in CATEGORIES if categories is None or c in set(categories)]
    shown = events_between(events, lo, hi, cats)
    later = _later_mask(shown, hindsight_date)
    limit = _hindsight(hindsight_date)
    if isinstance(highlight, str):
        highlight = [highlight]
    highlight = set(highlight or [])

    if ax is None:
        fig = Figure(figsize=(10, 6), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_axes(_axes_rect(10, 6))
        own_figure = True
    else:
        own_figure = False
        fig = ax.figure
        if fig.canvas is None or not hasattr(fig.canvas, "get_renderer"):
            FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    x0, x1 = mdates.date2num(lo), mdates.date2num(hi)
    ax.set_xlim(x0, x1)
    fontsize = 7.5

    def data_width(text_artist) -> float:
        bbox = text_artist.get_window_extent(renderer)
        axes_px = ax.get_window_extent(renderer).width
        return bbox.width / axes_px * (x1 - x0)

    pad = (x1 - x0) * 0.006
    # half the width of the largest marker (11 pt), in data units, so markers never touch text
    marker_half = 6.5 * fig.dpi / 72 / ax.get_window_extent(renderer).width * (x1 - x0)
    gap = (x1 - x0) * 0.004

    # ---- measure the event labels and place them in rows, lane by lane
    layout = []  # per event: dict(x, x_end, label_left, ha, row)
    lane_rows = {}
    for cat in cats:
        sub = shown[shown["category"] == cat]
        items = []
        for idx, row in sub.iterrows():
            xs = max(mdates.date2num(row["start"]), x0)
            xe = xs
            if not pd.isna(row["end"]):
                xe = min(mdates.date2num(_period_end(row["end"], row["precision"])), x1)
            probe = ax.text(0, 0, row["title"], fontsize=fontsize,
                            fontweight="bold" if row["title"] in highlight else "normal")
            width = data_width(probe)
            probe.remove()
            left, ha = xs + pad, "left"
            if left + width > x1:  # flip to the left of the marker when it would run off
                left, ha = max(x0, xs - pad - width), "right"
            span = (min(xs - marker_half, left), max(xe + marker_half, left + width))
            items.append((span, idx, xs, xe, left, width, ha))
        items.sort(key=lambda it: it[0][0])
        rows = _greedy_rows([it[0] for it in items], gap)
        lane_rows[cat] = max(rows, default=-1) + 1
        for (_span, idx, xs, xe, left, width, ha), r in zip(items, rows, strict=True):
            layout.append({"idx": idx, "cat": cat, "xs": xs, "xe": xe, "left": left,
                           "width": width, "ha": ha, "row": r})

    # ---- era labels (and the telegram's label) in their own strip at the top
    eras = load_eras()
    eras = eras[(eras["start"] <= hi) & (eras["end"] >= lo)]
    strip_items = []
    for _, era in eras.iterrows():
        es, ee = max(mdates.date2num(era["start"]), x0), min(mdates.date2num(era["end"]), x1)
        probe = ax.text(0, 0, era["name"], fontsize=fontsize, fontstyle="italic")
        width = data_width(probe)
        probe.remove()
        left = (es + ee) / 2 - width / 2 if width < ee - es else es + pad
        left = min(max(left, x0 + pad / 2), x1 - width - pad / 2)
        strip_items.append(("era", era["name"], left, width, es, ee))
    doc_x = mdates.date2num(pd.Timestamp(DOCUMENT_DATE))
    doc_text = f"Telegram, {format_date(pd.Timestamp(DOCUMENT_DATE), 'day')}"
    if x0 <= doc_x <= x1:
        probe = ax.text(0, 0, doc_text, fontsize=fontsize, fontweight="bold")
        width = data_width(probe)
        probe.remove()
        left = doc_x + pad if doc_x + pad + width <= x1 else doc_x - pad - width
        strip_items.append(("doc", doc_text, left, width, doc_x, doc_x))
    strip_items.sort(key=lambda it: it[2])
    strip_rows = _greedy_rows([(it[2], it[2] + it[3]) for it in strip_items], gap)
    n_strip = max(strip_rows, default=-1) + 1

    # ---- vertical layout: lanes from the top, each as tall as its rows; grow the figure if needed
    lane_sizes = [max(lane_rows.get(c, 0), 1) for c in cats]
    total = sum(lane_sizes) + n_strip + 0.6 * len(cats) + 0.4
    probe = ax.text(0, 0, "Xg", fontsize=fontsize)
    text_px = probe.get_window_extent(renderer).height
    probe.remove()
    axes_px = ax.get_window_extent(renderer).height
    need_px = total * text_px * 1.45
    if need_px > axes_px and own_figure:
        w, h = fig.get_size_inches()
        h += (need_px - axes_px) / fig.dpi
        fig.set_size_inches(w, h)
        ax.set_position(_axes_rect(w, h))
    ax.set_ylim(total, 0)

    lane_top = {}
    y = n_strip + 0.4
    for cat, size in zip(cats, lane_sizes, strict=True):
        lane_top[cat] = y
        y += size + 0.6

    # ---- backgrounds: eras, lanes, the telegram line, the hindsight region
    for i, (_, era) in enumerate(eras.iterrows()):
        es, ee = max(mdates.date2num(era["start"]), x0), min(mdates.date2num(era["end"]), x1)
        ax.axvspan(es, ee, color="#000000", alpha=0.035 if i % 2 else 0.075, lw=0, zorder=0)
    for cat in cats:
        top = lane_top[cat] - 0.3
        ax.axhline(top, color="#000000", lw=0.5, alpha=0.25, zorder=1)
    if limit is not None and mdates.date2num(limit) < x1:
        ax.axvspan(max(mdates.date2num(limit), x0), x1, color=GREY, alpha=0.12, lw=0,
                   hatch="//", zorder=0.5)
    if x0 <= doc_x <= x1:
        ax.axvline(doc_x, color=CATEGORY_COLOURS["document"], lw=1.8, ls="--", zorder=2)

    # ---- strip labels
    for (kind, text, left, _width, _es, _ee), r in zip(strip_items, strip_rows, strict=True):
        yy = r + 0.5
        if kind == "era":
            t = ax.text(left, yy, text, fontsize=fontsize, fontstyle="italic", va="center",
                        ha="left", color="#000000", zorder=4)
            t.set_gid("era-label")
        else:
            t = ax.text(left, yy, text, fontsize=fontsize, fontweight="bold", va="center",
                        ha="left", color="#000000", zorder=4,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                              "ec": CATEGORY_COLOURS["document"], "lw": 1})
            t.set_gid("document-label")

    # ---- events
    for item in layout:
        row = shown.loc[item["idx"]]
        grey = bool(later.loc[item["idx"]])
        colour = GREY if grey else CATEGORY_COLOURS[item["cat"]]
        yy = lane_top[item["cat"]] + item["row"] + 0.5
        is_doc = bool(is_document(shown.loc[[item["idx"]]]).iloc[0])
        strong = row["title"] in highlight or is_doc
        if item["xe"] > item["xs"]:
            ax.barh(yy, item["xe"] - item["xs"], left=item["xs"], height=0.55, color=colour,
                    alpha=0.35, edgecolor=colour, lw=1, zorder=2, gid="event-period")
        ax.plot([item["xs"]], [yy], marker=MARKERS[item["cat"]], ms=11 if is_doc else 7,
                color=colour, mec="#000000" if strong else colour, mew=1.2 if strong else 0.5,
                ls="none", zorder=3, gid="event-marker")
        label_x = item["left"] if item["ha"] == "left" else item["left"] + item["width"]
        t = ax.text(label_x, yy, row["title"], fontsize=fontsize, va="center", ha=item["ha"],
                    color="#555555" if grey else "#000000", zorder=4,
                    fontweight="bold" if row["title"] in highlight else "normal",
                    fontstyle="italic" if grey else "normal")
        t.set_gid("event-label")

    # ---- axes furniture
    ax.set_yticks([lane_top[c] + lane_sizes[i] / 2 for i, c in enumerate(cats)])
    ax.set_yticklabels(cats, fontsize=9)
    for tick, cat in zip(ax.get_yticklabels(), cats, strict=True):
        tick.set_color("#000000")
        tick.set_gid(f"lane-{cat}")
    ax.tick_params(axis="y", length=0)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    title = f"Events around the telegram, {format_month(lo)} – {format_month(hi)}"
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    handles = [Line2D([], [], marker=MARKERS[c], color=CATEGORY_COLOURS[c], ls="none", ms=7,
                      label=c) for c in cats]
    if x0 <= doc_x <= x1:
        handles.append(Line2D([], [], color=CATEGORY_COLOURS["document"], ls="--", lw=1.8,
                              label="the telegram"))
    if limit is not None:
        handles.append(Line2D([], [], marker="o", color=GREY, ls="none", ms=7,
                              label=f"after {format_date(limit, 'day')} (not yet known)"))
    if handles:
        fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 7), fontsize=8,
                   frameon=False, bbox_to_anchor=(0.5, 0.0))
    if shown.empty:
        ax.text((x0 + x1) / 2, total / 2, "No events in this window", ha="center",
                va="center", fontsize=10, color="#000000")
    return fig
