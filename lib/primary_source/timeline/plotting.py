"""The timeline chart as a matplotlib figure, drawn from the same layout as the explorer's SVG."""

from __future__ import annotations

import pandas as pd

from primary_source.palette import CATEGORY_COLOURS
from primary_source.timeline.layout import LABEL_PX, layout_timeline
from primary_source.timeline.schema import GREY

__all__ = [
    "plot_timeline",
]


def plot_timeline(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                  hindsight_date=None, highlight=None, ax=None, *, width_in: float = 10,
                  dpi: float = 100, scale: float = 1.0):
    """Draw the timeline window and return the matplotlib ``Figure``.

    The same picture as the explorer's (:func:`primary_source.timeline.timeline_svg`): one
    lane per category that has events in the window (marker shape and Okabe-Ito colour per
    category), eras shaded with their names, periods as bars with their labels after them,
    the telegram's date as a dashed line broken where a label stands, and never a mark over a
    label. Labels are 13 pixels (``scale`` times) at ``dpi``; what does not fit is left out and
    counted under the chart. Events after ``hindsight_date`` are greyed out; ``highlight`` is
    an event title (or a list of titles) to emphasise.

    The figure is a ``matplotlib.figure.Figure`` with an Agg canvas (no pyplot state),
    ``width_in`` inches wide and as tall as the window needs. Given ``ax``, the chart is drawn
    in it, laid out for its width.

    >>> fig = plot_timeline(start="1950-06", end="1950-10")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "title"]
    ['Events around the telegram, Jun 1950 – Oct 1950']
    """
    # lazy: matplotlib's figure and Agg canvas cost ~200 ms at import (after pandas); the
    # lessons draw the timeline as SVG, and only this figure needs them
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    if ax is None:
        lay = layout_timeline(events, start, end, categories, hindsight_date, highlight,
                              width=width_in * dpi, label_px=LABEL_PX * scale)
        fig = Figure(figsize=(width_in, lay.height / dpi), dpi=dpi)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
    else:
        fig = ax.figure
        if fig.canvas is None or not hasattr(fig.canvas, "get_renderer"):
            FigureCanvasAgg(fig)
        dpi = fig.dpi
        lay = layout_timeline(events, start, end, categories, hindsight_date, highlight,
                              width=ax.get_position().width * fig.get_size_inches()[0] * dpi,
                              label_px=LABEL_PX * scale)
    pt = 72 / dpi  # points per pixel
    ax.set_xlim(0, lay.width)
    ax.set_ylim(lay.height, 0)
    ax.set_axis_off()
    left, top, right, bottom = lay.plot
    lp = lay.label_px

    for es, ee, alpha in lay.eras:
        ax.add_patch(Rectangle((es, top), ee - es, bottom - top, color="#000000", alpha=alpha,
                               lw=0, zorder=0))
    if lay.hindsight_x is not None:
        ax.add_patch(Rectangle((lay.hindsight_x, top), right - lay.hindsight_x, bottom - top,
                               color=GREY, alpha=0.12, lw=0, hatch="//", zorder=0.5))
    for y in lay.lane_lines:
        ax.plot([left, right], [y, y], color="#000000", lw=0.8 * pt, alpha=0.3, zorder=1)
    doc = CATEGORY_COLOURS["document"]
    for y0, y1 in lay.doc_segments:
        ax.plot([lay.doc_x, lay.doc_x], [y0, y1], color=doc, lw=0.18 * lp * pt, ls="--",
                zorder=2, gid="document-line")
    for mark in lay.events:
        if mark.xe > mark.x:
            h = 0.55 * lp
            ax.add_patch(Rectangle((mark.x, mark.y - h / 2), mark.xe - mark.x, h,
                                   facecolor=mark.colour, alpha=0.35, edgecolor=mark.colour,
                                   lw=pt, zorder=2, gid="event-period"))
        ax.plot([mark.x], [mark.y], marker=mark.marker, ms=mark.size * pt, color=mark.colour,
                mec="#000000" if mark.strong else mark.colour, mew=(1.5 if mark.strong else 0.6) * pt,
                ls="none", zorder=3, gid="event-marker")
    ax.plot([left, right], [bottom, bottom], color="#000000", lw=pt, zorder=1)
    for x in lay.ticks:
        ax.plot([x, x], [bottom, bottom + 0.3 * lp], color="#000000", lw=pt, zorder=1)
    gids = {"event": "event-label", "era": "era-label", "document": "document-label"}
    for lab in lay.all_labels():
        box = None
        if lab.kind == "document":
            box = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": doc, "lw": 1.2 * pt}
        t = ax.text(lab.left, lab.y, lab.text, fontsize=lab.size * pt, fontweight=lab.weight,
                    fontstyle=lab.style, color=lab.fill, ha="left", va="center", zorder=4, bbox=box)
        t.set_gid(f"lane-{lab.text}" if lab.kind == "lane" else gids.get(lab.kind, lab.kind))
    for _text, colour, kind, x, y in lay.legend:
        if kind == "--":
            ax.plot([x, x + 1.2 * lp], [y, y], color=colour, ls="--", lw=0.18 * lp * pt)
        else:
            ax.plot([x + 0.6 * lp], [y], marker=kind, ms=0.95 * lp * pt, color=colour,
                    ls="none", gid="legend-marker")
    return fig
