"""Where everything on the timeline chart goes, in pixels: lanes, labels, eras, the telegram's line.

The layout is computed once for a width and a label size and drawn by two painters:
:func:`timeline_svg` (the explorer's picture) and :func:`plot_timeline` (a matplotlib figure
for handouts). No mark is ever drawn over a label: labels go after the end of their bar, or
before their marker, or in the row below; the telegram's dashed line is broken where a label
stands on it; events that do not fit are left out and counted, the text is never shrunk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from primary_source.palette import CATEGORY_COLOURS
from primary_source.svg import advance_width
from primary_source.timeline.dates import (
    format_date,
    format_month,
    month_ticks,
    period_end,
    window_bounds,
)
from primary_source.timeline.filtering import (
    document_date,
    document_noun,
    events_between,
    hindsight_limit,
    is_document,
    later_mask,
)
from primary_source.timeline.loading import load_eras, load_events
from primary_source.timeline.placing import Piece, Rows, fit_label, pack, wrap_words
from primary_source.timeline.schema import CATEGORIES, GREY, MARKERS

__all__ = ["Label", "EventMark", "TimelineLayout", "Window", "layout_timeline", "prepare_window",
           "LABEL_PX", "ROW"]

#: Size of the labels, in CSS pixels, at the normal text size.
LABEL_PX = 13.0
#: Height of one row, as a multiple of the label size (a label's box is 1.2 of it).
ROW = 1.6


@dataclass
class Label:
    """A line of text: left edge, middle, measured width and size, all in pixels."""

    text: str
    left: float
    y: float
    width: float
    size: float
    kind: str  # event, era, document, lane, title, note, tick, legend
    weight: str = "normal"
    style: str = "normal"
    fill: str = "#000000"

    def box(self) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` of the drawn text (1.2 times its size tall)."""
        return (self.left, self.y - 0.6 * self.size, self.left + self.width,
                self.y + 0.6 * self.size)


@dataclass
class EventMark:
    """One event on the chart: its marker (at ``x``), its bar (to ``xe``) and its label."""

    title: str
    category: str
    x: float
    xe: float
    y: float
    size: float
    colour: str
    marker: str
    grey: bool
    strong: bool
    bold: bool
    is_document: bool
    label: Label


@dataclass
class TimelineLayout:
    """Everything a painter needs, in pixels from the top left of a ``width`` x ``height`` picture."""

    lo: pd.Timestamp
    hi: pd.Timestamp
    width: float
    height: float
    label_px: float
    plot: tuple[float, float, float, float]  # left, top, right, bottom of the plot area
    categories: list[str]
    labels: list[Label]  # every text but the event labels: title, eras, lanes, ticks, ...
    lane_lines: list[float]
    eras: list[tuple[float, float, float]]  # (left, right, shade opacity)
    events: list[EventMark]
    ticks: list[float]
    doc_x: float | None = None
    doc_segments: list[tuple[float, float]] = field(default_factory=list)
    hindsight_x: float | None = None
    legend: list[tuple[str, str, str, float, float]] = field(default_factory=list)
    left_out: int = 0
    empty: bool = False

    def all_labels(self) -> list[Label]:
        """Every label drawn, the events' included."""
        return self.labels + [m.label for m in self.events]


@dataclass
class Window:
    """The events of one window, chosen once: rows shown, and per row whether it is the
    document, whether it came after the hindsight date, and its start and end as date numbers."""

    lo: pd.Timestamp
    hi: pd.Timestamp
    categories: list[str]
    shown: pd.DataFrame
    limit: pd.Timestamp | None
    docs: list[bool]
    later: list[bool]
    starts: list[float]
    ends: list[float | None]
    eras: list[tuple[float, float, str]]  # start and end as date numbers, name
    when: object = None  # the date of the lessons' record


def prepare_window(events=None, start=None, end=None, categories=None,
                   hindsight_date=None) -> Window:
    """Choose the events of a window (see :func:`layout_timeline`).

    >>> len(prepare_window(start="1950-06", end="1950-10").shown) > 10
    True
    """
    # lazy: matplotlib.dates costs ~50 ms at import (after pandas); `primary_source.timeline`
    # loads this module for the tables of lessons 02 and 03, which draw nothing
    import matplotlib.dates as mdates

    events = load_events() if events is None else events
    lo, hi = window_bounds(start, end)
    wanted = [c for c in CATEGORIES if categories is None or c in set(categories)]
    shown = events_between(events, lo, hi, wanted)
    eras = load_eras()
    return Window(
        lo=lo, hi=hi, categories=wanted, shown=shown, limit=hindsight_limit(hindsight_date),
        docs=is_document(shown).tolist(),
        later=[bool(x) for x in later_mask(shown, hindsight_date)],
        starts=[float(x) for x in mdates.date2num(shown["start"])] if len(shown) else [],
        ends=[None if pd.isna(e) else float(mdates.date2num(period_end(e, p)))
              for e, p in zip(shown["end"], shown["precision"], strict=True)],
        eras=[(float(mdates.date2num(s)), float(mdates.date2num(e)), name)
              for s, e, name in zip(eras["start"], eras["end"], eras["name"], strict=True)
              if s <= hi and e >= lo], when=document_date())


def _truncate(text: str, most: float, measure) -> str:
    while len(text) > 4 and measure(text) > most:
        text = text[:-2].rstrip() + "…"
    return text


def layout_timeline(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                    hindsight_date=None, highlight=None, *, width: float = 1000,
                    label_px: float = LABEL_PX, max_rows: int | None = None,
                    window: Window | None = None) -> TimelineLayout:
    """Place every event, label, era and line of the timeline window in a picture ``width`` wide.

    Lanes with no event in the window are left out; at most ``max_rows`` rows of events are
    drawn (by default 16, or as many as fill 0.6 of the width), and the chart says how many
    events it left out and how to see them.

    >>> lay = layout_timeline(start="1950-06", end="1950-10", width=800)
    >>> lay.labels[0].text
    'Events around the telegram, Jun 1950 – Oct 1950'
    """
    # lazy: matplotlib.dates costs ~50 ms at import (after pandas); `primary_source.timeline`
    # loads this module for the tables of lessons 02 and 03, which draw nothing
    import matplotlib.dates as mdates

    win = window or prepare_window(events, start, end, categories, hindsight_date)
    lo, hi, wanted, shown, limit = win.lo, win.hi, win.categories, win.shown, win.limit
    highlight = {highlight} if isinstance(highlight, str) else set(highlight or [])
    lp, row = label_px, label_px * ROW
    pad, gap = 0.4 * lp, 0.6 * lp
    left, right = 0.8 * lp, width - 0.8 * lp
    x0, x1 = float(mdates.date2num(lo)), float(mdates.date2num(hi))

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (right - left)

    def measure(text: str, weight: str = "normal", style: str = "normal", size: float = lp):
        return advance_width(text, size, weight=weight, style=style)

    when = win.when
    doc_num = float(mdates.date2num(pd.Timestamp(when)))
    doc_x = px(doc_num) if x0 <= doc_num <= x1 else None
    noun = document_noun(when)
    labels: list[Label] = []
    y = 0.9 * lp
    title = f"Events around the {noun}, {format_month(lo)} – {format_month(hi)}"
    for line in wrap_words(title, lambda t: measure(t, "bold", size=1.2 * lp), right - left):
        labels.append(Label(line, left, y, measure(line, "bold", size=1.2 * lp), 1.2 * lp,
                            "title", weight="bold"))
        y += 1.6 * lp
    plot_top = y

    # ---- the strip: era names and the document's label, in rows of their own
    strip, era_spans = [], []
    for i, (es_num, ee_num, name) in enumerate(win.eras):
        es, ee = px(max(es_num, x0)), px(min(ee_num, x1))
        era_spans.append((es, ee, 0.035 if i % 2 else 0.075))
        text = _truncate(name, right - left, lambda t: measure(t, style="italic"))
        w = measure(text, style="italic")
        x = (es + ee) / 2 - w / 2 if w < ee - es else es + pad
        strip.append(("era", text, min(max(x, left), right - w), w, "normal", "italic"))
    if doc_x is not None:
        text = f"{noun.capitalize()}, {format_date(pd.Timestamp(when), 'day')}"
        w = measure(text, "bold")
        x = doc_x + pad if doc_x + pad + w <= right else max(left, doc_x - pad - w)
        strip.append(("document", text, x, w, "bold", "normal"))
    strip_rows = Rows(gap)
    n_strip = 0
    for kind, text, x, w, weight, style in sorted(strip, key=lambda s: s[0] != "document"):
        r = next(r for r in range(len(strip) + 1) if strip_rows.free(r, x, x + w))
        strip_rows.add(r, x, x + w)
        n_strip = max(n_strip, r + 1)
        labels.append(Label(text, x, plot_top + (r + 0.5) * row, w, lp, kind, weight, style))

    # ---- events: a piece per event, packed in rows lane by lane
    docs, later, starts, ends = win.docs, win.later, win.starts, win.ends
    budget = max_rows or max(16, int(0.6 * width / row))
    lanes = {}
    for i, (title_i, cat) in enumerate(zip(shown["title"], shown["category"], strict=True)):
        xs = px(max(starts[i], x0))
        xe = xs if ends[i] is None else px(min(ends[i], x1))
        bold, grey = title_i in highlight, bool(later[i])
        weight, style = ("bold" if bold else "normal"), ("italic" if grey else "normal")
        size = (1.35 if docs[i] else 0.95) * lp
        text = _truncate(title_i, right - left, lambda t, w=weight, s=style: measure(t, w, s))
        w = measure(text, weight, style)
        at, below = fit_label(xs, xe, size / 2, w, left, right, pad, doc_x)
        mark = (xs - size / 2, max(xe, xs + size / 2))
        spans = ([(0, min(mark[0], at), max(mark[1], at + w))] if below == 0
                 else [(0, *mark), (1, at, at + w)])
        mark_obj = EventMark(
            title=title_i, category=cat, x=xs, xe=xe, y=0.0, size=size,
            colour=GREY if grey else CATEGORY_COLOURS[cat], marker=MARKERS[cat], grey=grey,
            strong=bold or docs[i], bold=bold, is_document=docs[i],
            label=Label(text, at, float(below), w, lp, "event", weight, style,
                        "#555555" if grey else "#000000"))
        lanes.setdefault(cat, []).append(((not (bold or docs[i]), xs),
                                          Piece(spans, mark_obj)))
    packed, left_out = {}, 0
    for cat in wanted:
        pieces = [p for _, p in sorted(lanes.get(cat, []), key=lambda item: item[0])]
        if pieces:
            packed[cat], out = pack(pieces, gap, budget)
            left_out += len(out)

    def lowest(placed) -> int:  # the number of rows a lane's pieces take
        return max((r + p.spans[-1][0] + 1 for p, r in placed), default=1)

    used = {cat: lowest(placed) for cat, placed in packed.items()}
    while sum(used.values()) > budget and max(used.values()) > 1:
        cat = max(used, key=used.get)
        keep = [(p, r) for p, r in packed[cat] if r + p.spans[-1][0] < used[cat] - 1]
        left_out += len(packed[cat]) - len(keep)
        packed[cat], used[cat] = keep, lowest(keep)
    packed = {cat: placed for cat, placed in packed.items() if placed}

    # ---- lanes from the top: a heading row, the event rows, a little space
    y = plot_top + n_strip * row + (0.2 * lp if n_strip else 0)
    lane_lines, marks = [], []
    cats = [c for c in wanted if c in packed]
    for cat in cats:
        lane_lines.append(y)
        w = measure(cat, "bold")
        labels.append(Label(cat, left, y + 0.5 * row, w, lp, "lane", "bold"))
        y += row
        for piece, r in packed[cat]:
            mark = piece.payload
            mark.y = y + (r + 0.5) * row
            mark.label.y = mark.y + mark.label.y * row
            marks.append(mark)
        y += used[cat] * row + 0.3 * lp
    plot_bottom = y if cats else y + 3 * row
    if not cats:
        text = "No events in this window"
        w = measure(text)
        labels.append(Label(text, (left + right - w) / 2, y + 1.5 * row, w, lp, "note"))

    # ---- the telegram's line, broken wherever a label stands on it
    segments = []
    if doc_x is not None:
        top = plot_top + n_strip * row
        blocks = sorted((lab.box()[1] - 2, lab.box()[3] + 2)
                        for lab in [*labels, *(m.label for m in marks)]
                        if lab.kind in ("event", "lane", "note")
                        and lab.left - 2 < doc_x < lab.left + lab.width + 2)
        for b0, b1 in blocks:
            if b0 > top:
                segments.append((top, b0))
            top = max(top, b1)
        if top < plot_bottom:
            segments.append((top, plot_bottom))

    # ---- the date axis, then what was left out, then the legend
    ticks = []
    y = plot_bottom + 0.9 * lp
    for when_t, text in month_ticks(lo, hi, most=max(2, int((right - left) / (4 * lp)))):
        x = px(float(mdates.date2num(when_t)))
        w = measure(text)
        ticks.append(x)
        labels.append(Label(text, min(max(x - w / 2, 0), width - w), y, w, lp, "tick"))
    y += 1.5 * lp
    if left_out:
        note = (f"{left_out} more event{'s' if left_out > 1 else ''} in this window did not fit: "
                "choose fewer months or categories to see them (the text description lists "
                "them all).")
        for line in wrap_words(note, lambda t: measure(t, style="italic"), right - left):
            labels.append(Label(line, left, y, measure(line, style="italic"), lp, "note",
                                style="italic"))
            y += 1.3 * lp
    entries = [(c, CATEGORY_COLOURS[c], MARKERS[c]) for c in cats]
    if doc_x is not None:
        entries.append((f"the {noun}", CATEGORY_COLOURS["document"], "--"))
    if any(m.grey for m in marks) and limit is not None:
        entries.append((f"after {format_date(limit, 'day')} (not yet known)", GREY, "o"))
    legend, line_items, y = [], [], y + 0.3 * lp

    def flush(items, y):
        total = sum(w for *_, w in items)
        x = (width - total) / 2
        for text, colour, kind, w in items:
            legend.append((text, colour, kind, x, y))
            labels.append(Label(text, x + 1.6 * lp, y, w - 2.6 * lp, lp, "legend"))
            x += w

    for text, colour, kind in entries:
        w = measure(text) + 2.6 * lp
        if line_items and sum(i[3] for i in line_items) + w > right - left:
            flush(line_items, y)
            line_items, y = [], y + 1.5 * lp
        line_items.append((text, colour, kind, w))
    if line_items:
        flush(line_items, y)
        y += 1.5 * lp
    hindsight_x = None
    if limit is not None and mdates.date2num(limit) < x1:
        hindsight_x = px(max(float(mdates.date2num(limit)), x0))
    return TimelineLayout(
        lo=lo, hi=hi, width=width, height=y, label_px=lp,
        plot=(left, plot_top, right, plot_bottom), categories=cats, labels=labels,
        lane_lines=lane_lines, eras=era_spans, events=marks, ticks=ticks, doc_x=doc_x,
        doc_segments=segments, hindsight_x=hindsight_x, legend=legend, left_out=left_out,
        empty=shown.empty)
