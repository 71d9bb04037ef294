"""The timeline chart: lanes per category, eras, the telegram's date and non-overlapping labels."""

from __future__ import annotations

import pandas as pd

from primary_source.palette import CATEGORY_COLOURS
from primary_source.timeline.layout import FONT_SIZE, layout_timeline
from primary_source.timeline.schema import GREY

__all__ = [
    "plot_timeline",
]


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

    if ax is None:
        lay = layout_timeline(events, start, end, categories, hindsight_date, highlight)
        fig = Figure(figsize=(lay.width_in, lay.height_in), dpi=lay.dpi)
        FigureCanvasAgg(fig)
        ax = fig.add_axes(lay.axes_rect())
    else:
        fig = ax.figure
        if fig.canvas is None or not hasattr(fig.canvas, "get_renderer"):
            FigureCanvasAgg(fig)
        w, h = fig.get_size_inches()
        box = ax.get_position()
        lay = layout_timeline(events, start, end, categories, hindsight_date, highlight,
                              width_in=w, height_in=h, dpi=fig.dpi, grow=False,
                              axes_px=(box.width * w * fig.dpi, box.height * h * fig.dpi))
    ax.set_xlim(lay.x0, lay.x1)
    ax.set_ylim(lay.total, 0)

    # ---- backgrounds: eras, lanes, the telegram line, the hindsight region
    for es, ee, alpha in lay.eras:
        ax.axvspan(es, ee, color="#000000", alpha=alpha, lw=0, zorder=0)
    for y in lay.lane_lines:
        ax.axhline(y, color="#000000", lw=0.5, alpha=0.25, zorder=1)
    if lay.hindsight_x is not None:
        ax.axvspan(lay.hindsight_x, lay.x1, color=GREY, alpha=0.12, lw=0, hatch="//",
                   zorder=0.5)
    if lay.doc_x is not None:
        ax.axvline(lay.doc_x, color=CATEGORY_COLOURS["document"], lw=1.8, ls="--", zorder=2)

    # ---- the strip: era names and the telegram's label
    for item in lay.strip:
        if item.kind == "era":
            t = ax.text(item.left, item.y, item.text, fontsize=FONT_SIZE, fontstyle="italic",
                        va="center", ha="left", color="#000000", zorder=4)
            t.set_gid("era-label")
        else:
            t = ax.text(item.left, item.y, item.text, fontsize=FONT_SIZE, fontweight="bold",
                        va="center", ha="left", color="#000000", zorder=4,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                              "ec": CATEGORY_COLOURS["document"], "lw": 1})
            t.set_gid("document-label")

    # ---- events
    for mark in lay.events:
        if mark.xe > mark.xs:
            ax.barh(mark.y, mark.xe - mark.xs, left=mark.xs, height=0.55, color=mark.colour,
                    alpha=0.35, edgecolor=mark.colour, lw=1, zorder=2, gid="event-period")
        ax.plot([mark.xs], [mark.y], marker=mark.marker, ms=11 if mark.is_document else 7,
                color=mark.colour, mec="#000000" if mark.strong else mark.colour,
                mew=1.2 if mark.strong else 0.5, ls="none", zorder=3, gid="event-marker")
        t = ax.text(mark.label_x, mark.y, mark.title, fontsize=FONT_SIZE, va="center",
                    ha=mark.ha, color="#555555" if mark.grey else "#000000", zorder=4,
                    fontweight="bold" if mark.bold else "normal",
                    fontstyle="italic" if mark.grey else "normal")
        t.set_gid("event-label")

    # ---- axes furniture
    ax.set_yticks([lay.lane_centres[c] for c in lay.categories])
    ax.set_yticklabels(lay.categories, fontsize=9)
    for tick, cat in zip(ax.get_yticklabels(), lay.categories, strict=True):
        tick.set_color("#000000")
        tick.set_gid(f"lane-{cat}")
    ax.tick_params(axis="y", length=0)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(lay.title, loc="left", fontsize=11, fontweight="bold")
    handles = []
    for label, colour, marker in lay.legend:
        if marker == "--":
            handles.append(Line2D([], [], color=colour, ls="--", lw=1.8, label=label))
        else:
            handles.append(Line2D([], [], marker=marker, color=colour, ls="none", ms=7,
                                  label=label))
    if handles:
        fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 7), fontsize=8,
                   frameon=False, bbox_to_anchor=(0.5, 0.0))
    if lay.empty:
        ax.text((lay.x0 + lay.x1) / 2, lay.total / 2, "No events in this window", ha="center",
                va="center", fontsize=10, color="#000000")
    return fig
