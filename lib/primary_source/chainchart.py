"""The diagram of the telegram's journey as SVG, for the widget that steps through it."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from primary_source.journey import MEANS_STYLES, chain_frame, resolve_highlight
from primary_source.palette import OKABE_ITO
from primary_source.svg import document, line, marker, text, text_width

__all__ = ["chain_svg"]


def chain_svg(meta=None, highlight: Any = None, frame: pd.DataFrame | None = None,
              dpi: float = 96) -> str:
    """A left-to-right diagram of the journey: who did what, when, by which means, as SVG.

    The same diagram as :func:`primary_source.journey.plot_chain`: each step a marker
    whose colour *and* shape show the means, the date above, the step and the actor below,
    "N years later" between distant steps, and ``highlight`` (a step number from 1, or a step
    id) drawn larger with a thick outline and bold labels. Pass ``frame`` (from
    :func:`~primary_source.journey.chain_frame`) to skip reading the metadata again.
    :func:`~primary_source.journey.describe_chain` is the text alternative.

    >>> chain_svg(highlight=3).count('class="step"')
    9
    """
    frame = chain_frame(meta) if frame is None else frame
    pt = dpi / 72
    if frame.empty:
        notice = frame.attrs.get("notice", "No journey to show.")
        lines = textwrap.wrap(notice, 90)
        body = [text(8 * dpi / 2, 0.8 * dpi + (i - len(lines) / 2) * 14 * pt, part, 9.5 * pt,
                     anchor="middle") for i, part in enumerate(lines)]
        return document(8 * dpi, 1.6 * dpi, body)
    chosen = resolve_highlight(frame, highlight)
    n = len(frame)
    width, height = max(8.0, 1.02 * n) * dpi, 3.9 * dpi
    step_w = (width - 0.3 * dpi) / n
    axis_y = 1.55 * dpi

    def cx(i: int) -> float:
        return 0.15 * dpi + step_w * (i + 0.5)

    title = frame.attrs.get("title") or "The journey of the record"
    if chosen is not None:
        title += f": step {chosen + 1} of {n}, {frame.loc[chosen, 'step']}"
    out = [text(width / 2, 0.25 * dpi, title, 11.5 * pt, anchor="middle", css_class="title"),
           line(cx(0), axis_y, cx(n - 1), axis_y, "#999999", 1.5 * pt)]
    for i, row in enumerate(frame.to_dict("records")):
        colour_name, kind, _label = MEANS_STYLES[row["kind"]]
        is_chosen = i == chosen
        weight = "bold" if is_chosen else "normal"
        out.append(f'<g class="step" id="step-{i + 1}">')
        size = (21 if is_chosen else 13) * pt
        out.append(marker(kind, cx(i), axis_y, size, OKABE_ITO[colour_name], "#000000",
                          (3 if is_chosen else 0.8) * pt))
        above = textwrap.wrap(row["date_label"], 12)
        for k, part in enumerate(reversed(above)):
            out.append(text(cx(i), axis_y - 16 * pt - (k + 0.5) * 11 * pt, part, 8.5 * pt,
                            anchor="middle", weight=weight, css_class="date"))
        below = textwrap.wrap(f"{row['step_no']}. {row['step']}", 13)
        below += ("(" + "\n".join(textwrap.wrap(row["actor"], 13)) + ")").split("\n")
        for k, part in enumerate(below):
            out.append(text(cx(i), axis_y + 18 * pt + (k + 0.5) * 10.5 * pt, part, 8 * pt,
                            anchor="middle", weight=weight, css_class="below"))
        if i > 0:
            years = row["earliest"].year - frame.loc[i - 1, "date"].year
            if years >= 2:
                for k, part in enumerate((f"{years} years", "later")):
                    out.append(text(cx(i) - step_w / 2, axis_y - 5 * pt - (1.5 - k) * 9 * pt,
                                    part, 7 * pt, anchor="middle", fill="#444444"))
        if row["date_puzzle"]:
            out.append(text(cx(i), axis_y - 52 * pt - 6 * pt, "date puzzle", 7 * pt,
                            anchor="middle", style="italic", css_class="puzzle",
                            fill=OKABE_ITO["vermillion"] if is_chosen else "#555555"))
        out.append("</g>")

    # ---- the legend: one entry per kind of means shown
    kinds = [k for k in MEANS_STYLES if k in set(frame["kind"])]
    entries = [(MEANS_STYLES[k], 24 * pt + text_width(MEANS_STYLES[k][2], 8.5, dpi))
               for k in kinds]
    legend_y = height - 0.25 * dpi
    out.append(text(width / 2, legend_y - 15 * pt, "by which means", 8 * pt, anchor="middle"))
    x = (width - sum(w for _, w in entries)) / 2
    for (colour_name, kind, label), entry_width in entries:
        out.append(marker(kind, x + 7 * pt, legend_y, 9 * pt, OKABE_ITO[colour_name],
                          "#000000", 0.8 * pt))
        out.append(text(x + 16 * pt, legend_y, label, 8.5 * pt, css_class="legend"))
        x += entry_width
    return document(width, height, out)
