"""The timeline chart as SVG that fills its place, painted from the same layout as the figure.

The explorer redraws on every change of months, categories or hindsight; this painter writes
the chart as vector shapes and text in a few milliseconds and lets the browser draw the
letters, sharp at any zoom and on a projector. :func:`timeline_html` holds the chart laid out
for a narrow, a middle and a wide place; the page shows the one that fits its container, so
that labels keep at least their size when the page is zoomed, instead of shrinking with it.
"""

from __future__ import annotations

import html
import itertools
import math

from primary_source.palette import CATEGORY_COLOURS
from primary_source.svg import document, line, marker, rect, text
from primary_source.timeline.layout import LABEL_PX, layout_timeline, prepare_window
from primary_source.timeline.schema import GREY

__all__ = ["timeline_svg", "timeline_html", "PLACES"]

#: The places the chart is laid out for: (name, design width, label size as a multiple of
#: the normal one, the container width from which it is shown), in CSS pixels.
PLACES = (("narrow", 480, 1.0, 0), ("middle", 760, 1.0, 760), ("wide", 1400, 1.5, 1400))
_IDS = itertools.count(1)


def timeline_svg(lay, *, fluid: bool = True, css_class: str = "") -> str:
    """The laid-out timeline as a standalone SVG document (a string) filling its container's width.

    Same lanes, eras, bars, markers, labels, telegram line, hindsight shading, axis and legend
    as :func:`primary_source.timeline.plot_timeline`. Every label is a ``<text>`` whose
    ``textLength`` is its measured width (so its box is the same in any font) and whose class
    names its kind (``event-label``, ``era-label``, ``lane``, ...); marks carry the classes
    ``event-period``, ``event-marker`` and ``document-line``, so a test can measure them all.

    >>> from primary_source.timeline.layout import layout_timeline
    >>> timeline_svg(layout_timeline(start="1950-06", end="1950-10"))[:4]
    '<svg'
    """
    lp = lay.label_px
    left, top, right, bottom = lay.plot
    hatch_id = f"ps-hatch-{next(_IDS)}"
    hatch = (f'<pattern id="{hatch_id}" width="8" height="8" patternUnits="userSpaceOnUse" '
             f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="{GREY}" '
             'stroke-width="1.2" stroke-opacity="0.5"/></pattern>')
    out = []
    for es, ee, alpha in lay.eras:
        out.append(rect(es, top, ee - es, bottom - top, "#000000", opacity=alpha, css_class="era"))
    if lay.hindsight_x is not None:
        x = lay.hindsight_x
        out.append(rect(x, top, right - x, bottom - top, GREY, opacity=0.12))
        out.append(rect(x, top, right - x, bottom - top, f"url(#{hatch_id})"))
    for y in lay.lane_lines:
        out.append(line(left, y, right, y, "#000000", 0.8, opacity=0.3))
    colour = CATEGORY_COLOURS["document"]
    for y0, y1 in lay.doc_segments:
        out.append(line(lay.doc_x, y0, lay.doc_x, y1, colour, 0.18 * lp,
                        dash=f"{0.6 * lp:.1f} {0.3 * lp:.1f}").replace(
                            "<line ", '<line class="document-line" ', 1))
    for mark in lay.events:
        if mark.xe > mark.x:
            h = 0.55 * lp
            out.append(rect(mark.x, mark.y - h / 2, mark.xe - mark.x, h, mark.colour,
                            opacity=0.35, stroke=mark.colour, stroke_width=1,
                            css_class="event-period"))
        edge = "#000000" if mark.strong else mark.colour
        out.append('<g class="event-marker">' + marker(
            mark.marker, mark.x, mark.y, mark.size, mark.colour, edge,
            1.5 if mark.strong else 0.6) + "</g>")
    out.append(line(left, bottom, right, bottom, "#000000", 1))
    for x in lay.ticks:
        out.append(line(x, bottom, x, bottom + 0.3 * lp, "#000000", 1))
    for mark in lay.events:
        out.append(_label(mark.label))
    for lab in lay.labels:
        if lab.kind == "document":
            p = 0.2 * lp
            out.append(rect(lab.left - p, lab.y - 0.75 * lp, lab.width + 2 * p, 1.5 * lp,
                            "#ffffff", stroke=colour, stroke_width=1.2, rx=2 * p))
        out.append(_label(lab))
    for _text, fill, kind, x, y in lay.legend:
        if kind == "--":
            out.append(line(x, y, x + 1.2 * lp, y, fill, 0.18 * lp,
                            dash=f"{0.4 * lp:.1f} {0.2 * lp:.1f}"))
        else:
            out.append(marker(kind, x + 0.6 * lp, y, 0.95 * lp, fill, fill, 0.6))
    label = html.escape(f"Timeline chart, {lay.lo:%b %Y} to {lay.hi:%b %Y}", quote=True)
    attrs = f'role="img" aria-label="{label}"' + (f' class="{css_class}"' if css_class else "")
    return document(lay.width, math.ceil(lay.height), out, defs=hatch, fluid=fluid,
                    attrs=attrs)


_CLASSES = {"event": "event-label", "era": "era-label", "document": "document-label",
            "lane": "lane"}


def _label(lab) -> str:
    cls = _CLASSES.get(lab.kind, lab.kind)
    if lab.kind == "lane":
        cls += f" lane-{lab.text}"
    return text(lab.left, lab.y, lab.text, lab.size, weight=lab.weight, style=lab.style,
                fill=lab.fill, css_class=cls, length=lab.width)


def timeline_html(events=None, start=None, end=None, categories=None, hindsight_date=None,
                  highlight=None, *, scale: float = 1.0, alt: str = "Timeline chart",
                  window=None) -> str:
    """The chart laid out for each of :data:`PLACES`, with the style that shows the one that fits.

    Whichever the container's width in CSS pixels (a zoomed page has fewer of them), the
    chart shown fills it and draws its labels at ``scale`` times 13 pixels or more.
    ``alt`` names the chart for screen readers; ``window`` (from
    :func:`primary_source.timeline.layout.prepare_window`) saves choosing the events again.

    >>> page = timeline_html(start="1950-06", end="1950-10")
    >>> page.count("<svg"), "ps-timeline-narrow" in page
    (3, True)
    """
    window = window or prepare_window(events, start, end, categories, hindsight_date)

    style = [".ps-timeline{container-type:inline-size;width:100%}",
             ".ps-chart .widget-html-content{flex:1 1 auto;width:100%;min-width:0}",
             ".ps-timeline svg{display:none;height:auto}"]
    svgs = []
    for i, (name, width, size, shown_from) in enumerate(PLACES):
        lay = layout_timeline(highlight=highlight, width=width, window=window,
                              label_px=LABEL_PX * size * scale)
        svgs.append(timeline_svg(lay, css_class=f"ps-timeline-{name}").replace(
            ' role="img"', ' aria-hidden="true"', 1).replace(' aria-label="', ' data-label="', 1))
        until = PLACES[i + 1][3] if i + 1 < len(PLACES) else None
        query = " and ".join(q for q in (f"(min-width:{shown_from}px)" if shown_from else "",
                                         f"(max-width:{until - 0.02}px)" if until else "") if q)
        style.append(f"@container {query}{{.ps-timeline svg.ps-timeline-{name}{{display:block}}}}")
    style.append("@supports not (container-type:inline-size){"
                 ".ps-timeline svg.ps-timeline-middle{display:block}}")
    return (f'<div class="ps-timeline" role="img" aria-label="{html.escape(alt, quote=True)}">'
            f"<style>{''.join(style)}</style>{''.join(svgs)}</div>")
