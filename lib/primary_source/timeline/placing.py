"""Where a label goes beside its mark, and which row of its lane takes it, so that nothing overlaps.

Pure geometry in pixels: a label goes after the end of its bar or marker, else before its
start, else in the row just below its mark; rows are filled first-fit, and what does not fit
in the rows allowed is left out (and counted), never drawn smaller.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

__all__ = ["Piece", "Rows", "fit_label", "pack", "wrap_words"]


@dataclass
class Piece:
    """One event to place: its spans (row offset, left, right) and what to draw."""

    spans: list[tuple[int, float, float]]  # the deepest row offset last
    payload: object = None


class Rows:
    """Rows of non-overlapping horizontal spans, each kept sorted for a quick look-up.

    >>> rows = Rows(gap=2)
    >>> rows.free(0, 0, 10), rows.add(0, 0, 10), rows.free(0, 11, 20), rows.free(0, 13, 20)
    (True, None, False, True)
    """

    def __init__(self, gap: float):
        self.gap = gap
        self.lefts: list[list[float]] = []
        self.rights: list[list[float]] = []

    def free(self, row: int, left: float, right: float) -> bool:
        """Whether ``[left, right]`` keeps ``gap`` away from every span of ``row``."""
        if row >= len(self.lefts):
            return True
        lefts, rights = self.lefts[row], self.rights[row]
        i = bisect_left(lefts, left)
        if i > 0 and rights[i - 1] + self.gap > left:
            return False
        return not (i < len(lefts) and lefts[i] < right + self.gap)

    def add(self, row: int, left: float, right: float) -> None:
        """Put ``[left, right]`` in ``row`` (which must be free there)."""
        while row >= len(self.lefts):
            self.lefts.append([])
            self.rights.append([])
        i = bisect_left(self.lefts[row], left)
        self.lefts[row].insert(i, left)
        self.rights[row].insert(i, right)


def pack(pieces: list[Piece], gap: float, max_rows: int) -> tuple[list[tuple[Piece, int]], list[Piece]]:
    """Give each piece the first row (of ``max_rows``) where all its spans are free.

    Returns the placed ``(piece, row)`` pairs and the pieces left out for lack of rows.

    >>> a, b, c = Piece([(0, 0, 10)], "a"), Piece([(0, 5, 15)], "b"), Piece([(0, 8, 9)], "c")
    >>> placed, out = pack([a, b, c], gap=1, max_rows=2)
    >>> [(p.payload, r) for p, r in placed], [p.payload for p in out]
    ([('a', 0), ('b', 1)], ['c'])
    """
    rows = Rows(gap)
    placed, left_out = [], []
    for piece in pieces:
        depth = max(dr for dr, _, _ in piece.spans)
        for r in range(max_rows - depth):
            if all(rows.free(r + dr, a, b) for dr, a, b in piece.spans):
                for dr, a, b in piece.spans:
                    rows.add(r + dr, a, b)
                placed.append((piece, r))
                break
        else:
            left_out.append(piece)
    return placed, left_out


def fit_label(xs: float, bar_end: float, half: float, width: float, lo: float, hi: float,
              pad: float, line_x: float | None) -> tuple[float, int]:
    """The left edge of a label and its row (0 beside the mark, 1 below it).

    After the bar's end (or the marker), else before the marker, else in the row below,
    starting under the marker; a place that keeps clear of the vertical line at ``line_x``
    is preferred to one that crosses it.

    >>> fit_label(50, 50, 5, 30, 0, 200, 2, None)
    (57, 0)
    >>> fit_label(190, 190, 5, 30, 0, 200, 2, None)
    (153, 0)
    """
    def crosses(left: float) -> bool:
        return line_x is not None and left - pad < line_x < left + width + pad

    after, before = max(bar_end, xs + half) + pad, xs - half - pad - width
    beside = [left for left in (after, before) if lo <= left and left + width <= hi]
    for left in beside:
        if not crosses(left):
            return left, 0
    if beside:
        return beside[0], 0
    left = min(max(xs - half, lo), hi - width)
    if crosses(left):
        for moved in (line_x + pad, line_x - pad - width):
            if lo <= moved and moved + width <= hi:
                return moved, 1
    return max(left, lo), 1


def wrap_words(text: str, width_of, most: float) -> list[str]:
    """Split ``text`` into lines no wider than ``most`` (by ``width_of``), at spaces.

    >>> wrap_words("one two three", len, 8)
    ['one two', 'three']
    """
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and width_of(trial) > most:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines
