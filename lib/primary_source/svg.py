"""Small SVG pieces (text, markers, lines) for the charts that widgets redraw on every change.

Matplotlib spends most of a redraw rasterising text: a quarter of a second for a chart with
a few dozen labels. The widgets' charts are therefore written as SVG with these helpers, in a
few milliseconds, and the browser draws the letters (sharp at any zoom, and on a projector);
the matplotlib functions stay for figures a teacher saves or prints.
"""

from __future__ import annotations

import html
import math

__all__ = ["FONT_FAMILY", "advance_width", "document", "line", "marker", "rect", "text",
           "text_height", "text_width"]

#: Fonts with the widths the charts are measured in (DejaVu Sans, matplotlib's default),
#: then close relatives.
FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"

_WIDTHS: dict[tuple, float] = {}
_RENDERERS: dict[float, object] = {}


def text_width(text: str, size: float, dpi: float = 100, *, weight: str = "normal",
               style: str = "normal") -> float:
    """The width in pixels of one line of ``text`` at ``size`` points, as matplotlib draws it.

    Measured with matplotlib's font metrics (DejaVu Sans) once per text and style.

    >>> text_width("Inchon landing", 7.5) > text_width("Inchon", 7.5)
    True
    """
    key = (text, size, dpi, weight, style)
    width = _WIDTHS.get(key)
    if width is None:
        width = _metrics(text, size, dpi, weight, style)[0]
        if len(_WIDTHS) >= 8192:
            _WIDTHS.clear()
        _WIDTHS[key] = width
    return width


_ADVANCES: dict[tuple, dict] = {}
_ADVANCE_WIDTHS: dict[tuple, float] = {}


def advance_width(text: str, size_px: float, *, weight: str = "normal",
                  style: str = "normal") -> float:
    """The width in pixels of ``text`` at ``size_px``: the fonts' glyph advances and kerning.

    The same font and, within a pixel or two, the same width as :func:`text_width`, but each
    letter and pair is measured once, so thousands of new labels (a chart's whole data) are
    measured in milliseconds, not seconds.

    >>> abs(advance_width("Inchon landing", 100) - text_width("Inchon landing", 100, 72)) < 2
    True
    """
    # lazy: matplotlib's fonts cost ~50 ms at import (its Agg renderer ~100 ms); the text and
    # timeline rooms load this module and measure text only when they draw
    from matplotlib.font_manager import FontProperties, findfont, get_font
    try:  # matplotlib 3.10 and later name the flags in enums
        from matplotlib.ft2font import Kerning, LoadFlags
    except ImportError:  # pragma: no cover - matplotlib before 3.10
        from matplotlib.ft2font import KERNING_UNFITTED as unfitted
        from matplotlib.ft2font import LOAD_NO_HINTING as no_hinting
    else:
        no_hinting, unfitted = LoadFlags.NO_HINTING, Kerning.UNFITTED

    known = _ADVANCE_WIDTHS.get((text, weight, style))
    if known is not None:
        return known * size_px / 100
    key = (weight, style)
    table = _ADVANCES.get(key)
    if table is None:
        font = get_font(findfont(FontProperties(weight=weight, style=style)))
        table = _ADVANCES[key] = {"font": font, "chars": {}, "pairs": {}}
    font, chars, pairs = table["font"], table["chars"], table["pairs"]
    ready = False
    total, previous = 0.0, None
    for char in text:
        advance = chars.get(char)
        if advance is None or (previous is not None and (previous, char) not in pairs):
            if not ready:
                font.set_size(100, 72)
                ready = True
            if advance is None:
                advance = chars[char] = font.load_char(
                    ord(char), flags=no_hinting).linearHoriAdvance / 65536
            if previous is not None:
                pairs[(previous, char)] = font.get_kerning(
                    font.get_char_index(ord(previous)), font.get_char_index(ord(char)),
                    unfitted) / 64
        total += advance + (pairs[(previous, char)] if previous is not None else 0)
        previous = char
    if len(_ADVANCE_WIDTHS) >= 16384:
        _ADVANCE_WIDTHS.clear()
    _ADVANCE_WIDTHS[(text, weight, style)] = total
    return total * size_px / 100


def text_height(size: float, dpi: float = 100) -> float:
    """The height in pixels of a line of text at ``size`` points (from "Xg" and "lp")."""
    return max(_metrics(probe, size, dpi, "normal", "normal")[1] for probe in ("Xg", "lp"))


def _metrics(text: str, size: float, dpi: float, weight: str, style: str):
    # lazy: matplotlib's fonts cost ~50 ms at import (its Agg renderer ~100 ms); the text and
    # timeline rooms load this module and measure text only when they draw
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = _RENDERERS.get(dpi)
    if renderer is None:
        renderer = _RENDERERS[dpi] = RendererAgg(1, 1, dpi)
    prop = FontProperties(size=size, weight=weight, style=style)
    return renderer.get_text_width_height_descent(text, prop, ismath=False)


def document(width: float, height: float, body: list[str], defs: str = "", *,
             fluid: bool = False, attrs: str = "") -> str:
    """A standalone SVG document of ``width`` x ``height`` pixels on a white ground.

    ``fluid`` makes it fill the width of its container (``width="100%"``, the height following
    the view box); ``attrs`` are further attributes of the ``<svg>`` tag, already escaped.
    """
    size = 'width="100%"' if fluid else f'width="{width:.0f}" height="{height:.0f}"'
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" {size}{" " + attrs if attrs else ""} '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{html.escape(FONT_FAMILY)}">',
        f"<defs>{defs}</defs>" if defs else "",
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        *body, "</svg>"])


def text(x: float, y: float, content: str, size_px: float, *, anchor: str = "start",
         weight: str = "normal", style: str = "normal", fill: str = "#000000",
         css_class: str = "", baseline: str = "central", length: float = 0) -> str:
    """A ``<text>`` element, its content escaped; ``y`` is its middle unless ``baseline``.

    ``length`` (pixels) fixes the drawn width (SVG ``textLength``): the text keeps the width it
    was measured at whatever font the browser finds.
    """
    cls = f' class="{css_class}"' if css_class else ""
    if length:
        cls += f' textLength="{length:.1f}" lengthAdjust="spacingAndGlyphs"'
    return (f'<text{cls} x="{x:.1f}" y="{y:.1f}" font-size="{size_px:.2f}" '
            f'text-anchor="{anchor}" dominant-baseline="{baseline}" font-weight="{weight}" '
            f'font-style="{style}" fill="{fill}">{html.escape(content)}</text>')


def rect(x: float, y: float, width: float, height: float, fill: str, *, opacity: float = 1,
         stroke: str = "none", stroke_width: float = 0, css_class: str = "",
         rx: float = 0) -> str:
    """A ``<rect>``; ``opacity`` applies to the fill only."""
    cls = f' class="{css_class}"' if css_class else ""
    rounded = f' rx="{rx:.1f}"' if rx else ""
    return (f'<rect{cls} x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
            f'height="{max(height, 0):.1f}"{rounded} fill="{fill}" fill-opacity="{opacity}" '
            f'stroke="{stroke}" stroke-width="{stroke_width:.2f}"/>')


def line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float, *,
         opacity: float = 1, dash: str = "") -> str:
    """A ``<line>``, dashed when ``dash`` gives the SVG dash pattern."""
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
            f'stroke-width="{width:.2f}" stroke-opacity="{opacity}"{dashed}/>')


_SHAPES = {
    "s": [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
    "D": [(0, -1), (0.75, 0), (0, 1), (-0.75, 0)],
    "^": [(0, -1), (0.9, 0.75), (-0.9, 0.75)],
    "v": [(0, 1), (0.9, -0.75), (-0.9, -0.75)],
    "*": [((1.0 if i % 2 == 0 else 0.42) * math.cos(math.pi / 2 + i * math.pi / 5),
           -(1.0 if i % 2 == 0 else 0.42) * math.sin(math.pi / 2 + i * math.pi / 5))
          for i in range(10)],
    "P": [(-0.33, -1), (0.33, -1), (0.33, -0.33), (1, -0.33), (1, 0.33), (0.33, 0.33),
          (0.33, 1), (-0.33, 1), (-0.33, 0.33), (-1, 0.33), (-1, -0.33), (-0.33, -0.33)],
    "p": [(math.cos(math.pi / 2 + i * 2 * math.pi / 5), -math.sin(math.pi / 2 + i * 2 * math.pi / 5))
          for i in range(5)],
    "h": [(math.cos(math.pi / 2 + i * math.pi / 3), -math.sin(math.pi / 2 + i * math.pi / 3))
          for i in range(6)],
}


def marker(kind: str, cx: float, cy: float, size: float, fill: str, edge: str,
           edge_width: float) -> str:
    """A matplotlib-style marker (o, s, D, ^, v, *, P, p, h) ``size`` pixels across.

    >>> marker("o", 10, 10, 8, "#0072B2", "#000000", 1)[:7]
    '<circle'
    """
    r = size / 2
    points = _SHAPES.get(kind)
    if points is None:  # "o" and anything unknown: a circle
        return (f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{fill}" '
                f'stroke="{edge}" stroke-width="{edge_width:.1f}"/>')
    path = " ".join(f"{cx + x * r:.1f},{cy + y * r:.1f}" for x, y in points)
    return (f'<polygon points="{path}" fill="{fill}" stroke="{edge}" '
            f'stroke-width="{edge_width:.1f}"/>')
