"""Small statistics for the benchmark: median, 95th percentile and a stopwatch."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

__all__ = ["median", "p95", "summary_ms"]


def median(values: Sequence[float]) -> float:
    """The median, or ``nan`` for no values.

    >>> median([3.0, 1.0, 2.0])
    2.0
    """
    return statistics.median(values) if values else math.nan


def p95(values: Sequence[float]) -> float:
    """The 95th percentile by the nearest-rank method (a value that was actually seen).

    >>> p95(list(range(1, 101)))
    95
    """
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def summary_ms(seconds: Sequence[float]) -> dict:
    """``n``, ``median_ms``, ``p95_ms`` and ``max_ms`` of durations given in seconds.

    >>> summary_ms([0.001, 0.002, 0.003])["median_ms"]
    2.0
    """
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "median_ms": round(median(ms), 2), "p95_ms": round(p95(ms), 2),
            "max_ms": round(max(ms), 2) if ms else math.nan}
