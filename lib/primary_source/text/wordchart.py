"""The word-use bar chart as SVG, for the widget that redraws it whenever its controls change."""

from __future__ import annotations

import math

import pandas as pd

from primary_source.palette import OKABE_ITO
from primary_source.svg import document, line, rect, text, text_width

__all__ = ["word_use_svg", "count_ticks"]


def count_ticks(largest: int, most: int = 8) -> list[int]:
    """Whole-number ticks from 0 past ``largest``, at a step of 1, 2 or 5 times a power of ten.

    >>> count_ticks(23)
    [0, 5, 10, 15, 20, 25]
    """
    largest = max(int(largest), 1)
    for power in range(0, 7):
        for base in (1, 2, 5):
            step = base * 10 ** power
            if math.ceil(largest / step) + 1 <= most:
                return list(range(0, math.ceil(largest / step) * step + 1, step))
    return [0, largest]


def word_use_svg(table: pd.DataFrame, title: str | None = None, dpi: float = 96) -> str:
    """A horizontal bar chart of a :func:`~primary_source.text.frequencies` table, as SVG.

    Most frequent at the top, each bar labelled with its count, one Okabe-Ito blue; the same
    chart as :func:`~primary_source.text.word_use_figure`. Bars are ``<rect class="bar">``.
    The table itself is the text alternative: show it next to the chart.

    >>> from primary_source.text import frequencies
    >>> word_use_svg(frequencies("war war peace", top=2)).count('class="bar"')
    2
    """
    n = len(table)
    words, counts = list(table["word"]), [int(c) for c in table["count"]]
    pt = dpi / 72
    size = 10 * pt
    width = 6.4 * dpi
    row = 0.32 * dpi
    top, bottom = 0.55 * dpi, 0.6 * dpi
    height = max(2.0 * dpi, top + bottom + row * max(n, 1))
    left = 12 + max((text_width(w, 10, dpi) for w in words), default=40)
    ticks = count_ticks(max(counts, default=1))
    scale = ticks[-1] * 1.08
    plot_w = width - left - 0.45 * dpi

    def px(value: float) -> float:
        return left + value / scale * plot_w

    out = [text(left, top / 2, title or f"The {n} most used words", 11 * pt, weight="bold",
                css_class="title")]
    axis_y = top + row * max(n, 1)
    for value in ticks:
        x = px(value)
        out.append(line(x, top, x, axis_y, "#000000", 0.5, opacity=0.15))
        out.append(line(x, axis_y, x, axis_y + 3.5 * pt, "#000000", 0.8 * pt))
        out.append(text(x, axis_y + 11 * pt, str(value), 9 * pt, anchor="middle",
                        css_class="tick"))
    out.append(line(left, top, left, axis_y, "#000000", 0.8 * pt))
    out.append(line(left, axis_y, left + plot_w, axis_y, "#000000", 0.8 * pt))
    out.append(text(left + plot_w / 2, axis_y + 24 * pt, "times used", 10 * pt,
                    anchor="middle"))
    for i, (word, count) in enumerate(zip(words, counts, strict=True)):
        y = top + row * (i + 0.5)
        out.append(rect(left, y - row * 0.4, px(count) - left, row * 0.8, OKABE_ITO["blue"],
                        css_class="bar"))
        out.append(text(left - 6, y, word, size, anchor="end", css_class="word"))
        out.append(text(px(count) + 4, y, str(count), 9 * pt, css_class="count"))
    if not n:
        out.append(text(left + plot_w / 2, top + row / 2, "no words to show", size,
                        anchor="middle"))
    return document(width, height, out)
