"""The timeline chart as an SVG picture, painted from the same layout as the matplotlib figure.

The explorer redraws on every change of months, categories or hindsight; matplotlib spends
most of a redraw rasterising the labels (a quarter of a second or more), while this painter
writes the same chart as vector shapes and text in a few milliseconds and lets the browser
draw the letters, sharp at any zoom and on a projector.
"""

from __future__ import annotations

import pandas as pd

from primary_source.palette import CATEGORY_COLOURS
from primary_source.svg import document, line, marker, rect, text, text_width
from primary_source.timeline.layout import FONT_SIZE, TimelineLayout
from primary_source.timeline.schema import GREY

__all__ = ["timeline_svg", "month_ticks"]


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


def timeline_svg(lay: TimelineLayout) -> str:
    """The laid-out timeline as a standalone SVG document (a string).

    Same lanes, eras, bars, markers, labels, telegram line, hindsight shading, axis and legend
    as :func:`primary_source.timeline.plot_timeline`; labels are ``<text>`` with the class
    ``event-label``, so a test or a browser can read them.

    >>> from primary_source.timeline.layout import layout_timeline
    >>> timeline_svg(layout_timeline(start="1950-06", end="1950-10"))[:4]
    '<svg'
    """
    import matplotlib.dates as mdates

    dpi = lay.dpi
    width, height = lay.width_in * dpi, lay.height_in * dpi
    left_f, bottom_f, w_f, h_f = lay.axes_rect()
    ax_left, ax_w = left_f * width, w_f * width
    ax_top, ax_h = (1 - bottom_f - h_f) * height, h_f * height
    span = lay.x1 - lay.x0

    def px(x: float) -> float:
        return ax_left + (x - lay.x0) / span * ax_w

    def py(y: float) -> float:
        return ax_top + y / lay.total * ax_h

    pt = dpi / 72  # pixels per point
    label_px = FONT_SIZE * pt
    right, bottom = ax_left + ax_w, ax_top + ax_h
    hatch = ('<pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
             f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="{GREY}" '
             'stroke-width="1.2" stroke-opacity="0.5"/></pattern>')
    out = []

    # ---- backgrounds: eras, hindsight, lanes, the telegram's line
    for es, ee, alpha in lay.eras:
        out.append(rect(px(es), ax_top, px(ee) - px(es), ax_h, "#000000", opacity=alpha))
    if lay.hindsight_x is not None:
        x = px(lay.hindsight_x)
        out.append(rect(x, ax_top, right - x, ax_h, GREY, opacity=0.12))
        out.append(rect(x, ax_top, right - x, ax_h, "url(#hatch)"))
    for y in lay.lane_lines:
        out.append(line(ax_left, py(y), right, py(y), "#000000", 0.5 * pt, opacity=0.25))
    if lay.doc_x is not None:
        x = px(lay.doc_x)
        out.append(line(x, ax_top, x, bottom, CATEGORY_COLOURS["document"], 1.8 * pt,
                        dash=f"{6 * pt:.1f} {3 * pt:.1f}"))

    # ---- the strip: era names and the telegram's label
    for item in lay.strip:
        x, y = px(item.left), py(item.y)
        if item.kind == "era":
            out.append(text(x, y, item.text, label_px, style="italic", css_class="era-label"))
        else:
            pad = 0.15 * label_px
            out.append(rect(x - pad, y - label_px * 0.65, item.width / span * ax_w + 2 * pad,
                            label_px * 1.3, "#ffffff", stroke=CATEGORY_COLOURS["document"],
                            stroke_width=pt, rx=2 * pad))
            out.append(text(x, y, item.text, label_px, weight="bold",
                            css_class="document-label"))

    # ---- events: bars for periods, markers, labels
    row_px = ax_h / lay.total
    for mark in lay.events:
        y = py(mark.y)
        if mark.xe > mark.xs:
            out.append(rect(px(mark.xs), y - 0.275 * row_px, px(mark.xe) - px(mark.xs),
                            0.55 * row_px, mark.colour, opacity=0.35, stroke=mark.colour,
                            stroke_width=pt, css_class="event-period"))
        edge = "#000000" if mark.strong else mark.colour
        out.append(marker(mark.marker, px(mark.xs), y, (11 if mark.is_document else 7) * pt,
                          mark.colour, edge, (1.2 if mark.strong else 0.5) * pt))
        out.append(text(px(mark.label_x), y, mark.title, label_px,
                        anchor="start" if mark.ha == "left" else "end",
                        weight="bold" if mark.bold else "normal",
                        style="italic" if mark.grey else "normal",
                        fill="#555555" if mark.grey else "#000000", css_class="event-label"))

    # ---- axes: lane names, the date axis, the title
    for cat in lay.categories:
        out.append(text(ax_left - 6, py(lay.lane_centres[cat]), cat, 9 * pt, anchor="end",
                        css_class=f"lane lane-{cat}"))
    out.append(line(ax_left, bottom, right, bottom, "#000000", 0.8 * pt))
    for when, label in month_ticks(lay.lo, lay.hi):
        x = px(mdates.date2num(when))
        out.append(line(x, bottom, x, bottom + 3.5 * pt, "#000000", 0.8 * pt))
        out.append(text(x, bottom + 12 * pt, label, 8 * pt, anchor="middle", css_class="tick"))
    out.append(text(ax_left, ax_top - 14 * pt, lay.title, 11 * pt, weight="bold",
                    css_class="title"))
    if lay.empty:
        out.append(text(ax_left + ax_w / 2, ax_top + ax_h / 2, "No events in this window",
                        10 * pt, anchor="middle"))

    # ---- the legend, centred under the chart
    entries = [(label, colour, kind, 22 * pt + text_width(label, 8, dpi))
               for label, colour, kind in lay.legend]
    x = (width - sum(e[3] for e in entries)) / 2
    y = height - 0.22 * dpi
    for label, colour, kind, entry_width in entries:
        if kind == "--":
            out.append(line(x, y, x + 14 * pt, y, colour, 1.8 * pt,
                            dash=f"{4 * pt:.1f} {2 * pt:.1f}"))
        else:
            out.append(marker(kind, x + 7 * pt, y, 7 * pt, colour, colour, 0.5 * pt))
        out.append(text(x + 18 * pt, y, label, 8 * pt, css_class="legend"))
        x += entry_width
    return document(width, height, out, defs=hatch)
