"""The timeline chart: lanes per category, eras, the telegram's date and non-overlapping labels."""

from __future__ import annotations

import pandas as pd

from primary_source.palette import CATEGORY_COLOURS
from primary_source.timeline.dates import _period_end, format_date, format_month, window_bounds
from primary_source.timeline.filtering import _hindsight, _later_mask, events_between, is_document
from primary_source.timeline.loading import load_eras, load_events
from primary_source.timeline.schema import CATEGORIES, DOCUMENT_DATE, GREY, MARKERS

__all__ = [
    "plot_timeline",
]


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


#: Label widths in pixels, by text, size, dpi and font: labels are measured once, not per draw.
_LABEL_WIDTHS: dict[tuple, float] = {}

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
    from matplotlib.font_manager import FontProperties
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

    axes_width_px = ax.get_window_extent(renderer).width

    def data_width(text: str, **style) -> float:
        """The width of a label in data units; measured once per text, style and dpi."""
        key = (text, fontsize, fig.dpi, hash(FontProperties(size=fontsize, **style)))
        px = _LABEL_WIDTHS.get(key)
        if px is None:
            probe = ax.text(0, 0, text, fontsize=fontsize, **style)
            px = probe.get_window_extent(renderer).width
            probe.remove()
            if len(_LABEL_WIDTHS) >= 4096:
                _LABEL_WIDTHS.clear()
            _LABEL_WIDTHS[key] = px
        return px / axes_width_px * (x1 - x0)

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
            width = data_width(row["title"],
                               weight="bold" if row["title"] in highlight else "normal")
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
        width = data_width(era["name"], style="italic")
        left = (es + ee) / 2 - width / 2 if width < ee - es else es + pad
        left = min(max(left, x0 + pad / 2), x1 - width - pad / 2)
        strip_items.append(("era", era["name"], left, width, es, ee))
    doc_x = mdates.date2num(pd.Timestamp(DOCUMENT_DATE))
    doc_text = f"Telegram, {format_date(pd.Timestamp(DOCUMENT_DATE), 'day')}"
    if x0 <= doc_x <= x1:
        width = data_width(doc_text, weight="bold")
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
    rows = shown.to_dict("index")
    greyed = later.to_dict()
    the_document = is_document(shown).to_dict()
    for item in layout:
        row = rows[item["idx"]]
        grey = bool(greyed[item["idx"]])
        colour = GREY if grey else CATEGORY_COLOURS[item["cat"]]
        yy = lane_top[item["cat"]] + item["row"] + 0.5
        is_doc = bool(the_document[item["idx"]])
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
