"""Where everything on the timeline chart goes: lanes, label rows, eras, the telegram's line.

The layout is computed once and drawn by two painters: :func:`plot_timeline` (a matplotlib
figure) and :func:`timeline_svg` (an SVG picture for the explorer, drawn in a few
milliseconds). x is in matplotlib date numbers, y in rows from the top of the plot area.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from primary_source.palette import CATEGORY_COLOURS
from primary_source.svg import text_height, text_width
from primary_source.timeline.dates import _period_end, format_date, format_month, window_bounds
from primary_source.timeline.filtering import (
    _hindsight,
    _later_mask,
    document_date,
    document_noun,
    events_between,
    is_document,
)
from primary_source.timeline.loading import load_eras, load_events
from primary_source.timeline.schema import CATEGORIES, GREY, MARKERS

__all__ = ["EventMark", "StripLabel", "TimelineLayout", "layout_timeline",
           "FONT_SIZE", "MARGINS"]

#: Size of event and era labels, in points.
FONT_SIZE = 7.5
#: Margins around the plot area, in inches: left, right, top, bottom.
MARGINS = (1.0, 0.3, 0.55, 0.8)
#: Height of one label row, as a multiple of the height of a line of label text.
_ROW_SPACING = 1.45

@dataclass
class EventMark:
    """One event on the chart: its marker or bar, and its label."""

    title: str
    category: str
    xs: float
    xe: float
    y: float
    label_x: float
    ha: str
    width: float
    colour: str
    marker: str
    grey: bool
    strong: bool
    bold: bool
    is_document: bool


@dataclass
class StripLabel:
    """An era's name or the telegram's label, in the strip above the lanes."""

    kind: str  # "era" or "doc"
    text: str
    left: float
    width: float
    y: float


@dataclass
class TimelineLayout:
    """Everything a painter needs; x in date numbers, y in rows (0 at the top)."""

    lo: pd.Timestamp
    hi: pd.Timestamp
    x0: float
    x1: float
    total: float
    width_in: float
    height_in: float
    dpi: float
    title: str
    categories: list[str]
    lane_centres: dict[str, float]
    lane_lines: list[float]
    eras: list[tuple[float, float, float]]  # (start, end, shade alpha)
    strip: list[StripLabel]
    events: list[EventMark]
    hindsight_x: float | None = None
    doc_x: float | None = None
    legend: list[tuple[str, str, str]] = field(default_factory=list)  # (label, colour, marker)
    empty: bool = False

    def axes_rect(self) -> tuple[float, float, float, float]:
        """The plot area as figure fractions (left, bottom, width, height)."""
        return _axes_rect(self.width_in, self.height_in)


def _axes_rect(width: float, height: float) -> tuple[float, float, float, float]:
    left, right, top, bottom = MARGINS
    return (left / width, bottom / height, 1 - (left + right) / width,
            1 - (top + bottom) / height)


def _greedy_rows(spans: list[tuple[float, float]], gap: float) -> list[int]:
    """Give each horizontal span the first row where it overlaps nothing (spans in x order).

    Spans come sorted by their left end, so a row is free once the last span put in it ends
    before this one starts.
    """
    ends: list[float] = []  # the right end of the last span in each row
    placed = []
    for left, right in spans:
        for r, end in enumerate(ends):
            if left >= end + gap:
                ends[r] = right
                placed.append(r)
                break
        else:
            ends.append(right)
            placed.append(len(ends) - 1)
    return placed


def layout_timeline(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                    hindsight_date=None, highlight=None, *, width_in: float = 10,
                    height_in: float = 6, dpi: float = 100, grow: bool = True,
                    axes_px: tuple[float, float] | None = None) -> TimelineLayout:
    """Place every event, label, era and line of the timeline window.

    Labels are measured and stacked in rows inside each lane, first free row first, so that
    none overlap; a label that would run off the right edge goes to the left of its marker.
    The chart grows taller (``grow``) when the window needs more rows than fit. The plot area
    is the figure less :data:`MARGINS`, unless ``axes_px`` gives its width and height.

    >>> lay = layout_timeline(start="1950-06", end="1950-10")
    >>> lay.title
    'Events around the telegram, Jun 1950 – Oct 1950'
    """
    import matplotlib.dates as mdates

    events = load_events() if events is None else events
    lo, hi = window_bounds(start, end)
    cats = [c for c in CATEGORIES if categories is None or c in set(categories)]
    shown = events_between(events, lo, hi, cats)
    later = _later_mask(shown, hindsight_date).to_numpy()
    limit = _hindsight(hindsight_date)
    if isinstance(highlight, str):
        highlight = [highlight]
    highlight = set(highlight or [])

    x0, x1 = mdates.date2num(lo), mdates.date2num(hi)
    left_m, right_m, top_m, bottom_m = MARGINS
    axes_w_px, axes_h_px = axes_px or ((width_in - left_m - right_m) * dpi,
                                       (height_in - top_m - bottom_m) * dpi)
    per_px = (x1 - x0) / axes_w_px
    pad = (x1 - x0) * 0.006
    marker_half = 6.5 * dpi / 72 * per_px  # half the largest marker (11 pt): never touch text
    gap = (x1 - x0) * 0.004

    def data_width(text: str, **style) -> float:
        return text_width(text, FONT_SIZE, dpi, **style) * per_px

    # ---- events: measure the labels and stack them in rows, lane by lane
    docs = is_document(shown).tolist()
    titles, cat_of = shown["title"].tolist(), shown["category"].tolist()
    starts = mdates.date2num(shown["start"]).tolist() if len(shown) else []
    ends = [None if pd.isna(e) else float(mdates.date2num(_period_end(e, p)))
            for e, p in zip(shown["end"], shown["precision"], strict=True)]
    placed = []  # (cat, row, mark)
    lane_rows = {}
    for cat in cats:
        items = []
        for i in (k for k, c in enumerate(cat_of) if c == cat):
            title = titles[i]
            xs = max(starts[i], x0)
            xe = xs if ends[i] is None else min(ends[i], x1)
            bold = title in highlight
            grey = bool(later[i])
            width = data_width(title, weight="bold" if bold else "normal",
                               style="italic" if grey else "normal")
            left, ha = xs + pad, "left"
            if left + width > x1:  # flip to the left of the marker when it would run off
                left, ha = max(x0, xs - pad - width), "right"
            span = (min(xs - marker_half, left), max(xe + marker_half, left + width))
            mark = EventMark(
                title=title, category=cat, xs=xs, xe=xe, y=0.0,
                label_x=left if ha == "left" else left + width, ha=ha, width=width,
                colour=GREY if grey else CATEGORY_COLOURS[cat], marker=MARKERS[cat], grey=grey,
                strong=bold or docs[i], bold=bold, is_document=docs[i])
            items.append((span, mark))
        items.sort(key=lambda it: it[0][0])
        rows = _greedy_rows([span for span, _ in items], gap)
        lane_rows[cat] = max(rows, default=-1) + 1
        placed.extend((cat, r, mark) for (_span, mark), r in zip(items, rows, strict=True))

    # ---- era names (and the telegram's label) in their own strip at the top
    all_eras = load_eras()
    all_eras = all_eras[(all_eras["start"] <= hi) & (all_eras["end"] >= lo)]
    era_spans, strip_items = [], []
    for i, (es_ts, ee_ts, name) in enumerate(zip(all_eras["start"], all_eras["end"],
                                                 all_eras["name"], strict=True)):
        es, ee = max(mdates.date2num(es_ts), x0), min(mdates.date2num(ee_ts), x1)
        era_spans.append((es, ee, 0.035 if i % 2 else 0.075))
        width = data_width(name, style="italic")
        left = (es + ee) / 2 - width / 2 if width < ee - es else es + pad
        left = min(max(left, x0 + pad / 2), x1 - width - pad / 2)
        strip_items.append(("era", name, left, width))
    when = document_date()
    doc_num = mdates.date2num(pd.Timestamp(when))
    doc_x = doc_num if x0 <= doc_num <= x1 else None
    if doc_x is not None:
        doc_text = f"{document_noun(when).capitalize()}, {format_date(pd.Timestamp(when), 'day')}"
        width = data_width(doc_text, weight="bold")
        left = doc_x + pad if doc_x + pad + width <= x1 else doc_x - pad - width
        strip_items.append(("doc", doc_text, left, width))
    strip_items.sort(key=lambda it: it[2])
    strip_rows = _greedy_rows([(it[2], it[2] + it[3]) for it in strip_items], gap)
    n_strip = max(strip_rows, default=-1) + 1
    strip = [StripLabel(kind, text, left, width, r + 0.5)
             for (kind, text, left, width), r in zip(strip_items, strip_rows, strict=True)]

    # ---- vertical layout: lanes from the top, each as tall as its rows; grow if needed
    lane_sizes = [max(lane_rows.get(c, 0), 1) for c in cats]
    total = sum(lane_sizes) + n_strip + 0.6 * len(cats) + 0.4
    need_px = total * text_height(FONT_SIZE, dpi) * _ROW_SPACING
    if grow and need_px > axes_h_px:
        height_in += (need_px - axes_h_px) / dpi
    lane_top, y = {}, n_strip + 0.4
    for cat, size in zip(cats, lane_sizes, strict=True):
        lane_top[cat] = y
        y += size + 0.6
    for cat, r, mark in placed:
        mark.y = lane_top[cat] + r + 0.5

    # ---- the legend: every category shown, the telegram's line, the greyed-out events
    legend = [(c, CATEGORY_COLOURS[c], MARKERS[c]) for c in cats]
    if doc_x is not None:
        legend.append((f"the {document_noun(when)}", CATEGORY_COLOURS["document"], "--"))
    if limit is not None:
        legend.append((f"after {format_date(limit, 'day')} (not yet known)", GREY, "o"))

    hindsight_x = None
    if limit is not None and mdates.date2num(limit) < x1:
        hindsight_x = max(mdates.date2num(limit), x0)
    return TimelineLayout(
        lo=lo, hi=hi, x0=x0, x1=x1, total=total, width_in=width_in, height_in=height_in,
        dpi=dpi, title=f"Events around the {document_noun(when)}, {format_month(lo)} – "
        f"{format_month(hi)}",
        categories=cats,
        lane_centres={c: lane_top[c] + lane_sizes[i] / 2 for i, c in enumerate(cats)},
        lane_lines=[lane_top[c] - 0.3 for c in cats], eras=era_spans, strip=strip,
        events=[mark for _cat, _r, mark in placed], hindsight_x=hindsight_x,
        doc_x=doc_x, legend=legend, empty=shown.empty)
