"""The Okabe-Ito colour-blind-safe palette, used by every chart and highlight."""

from __future__ import annotations

__all__ = ["OKABE_ITO", "CATEGORY_COLOURS", "colour_for"]

#: Okabe, M. and Ito, K. (2008), "Color Universal Design", the eight colours by name.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Fixed colours for the timeline categories, so a category looks the same in every chart.
CATEGORY_COLOURS: dict[str, str] = {
    "military": OKABE_ITO["vermillion"],
    "diplomatic": OKABE_ITO["blue"],
    "political": OKABE_ITO["bluish green"],
    "document": OKABE_ITO["orange"],
    "archival": OKABE_ITO["reddish purple"],
}

_CYCLE = [c for name, c in OKABE_ITO.items() if name != "black"]


def colour_for(key: str | int) -> str:
    """A palette colour for a category name or an index, stable across calls.

    >>> colour_for("military")
    '#D55E00'
    >>> colour_for(0)
    '#E69F00'
    """
    if isinstance(key, str) and key in CATEGORY_COLOURS:
        return CATEGORY_COLOURS[key]
    if isinstance(key, int):
        return _CYCLE[key % len(_CYCLE)]
    return _CYCLE[sum(map(ord, str(key))) % len(_CYCLE)]
