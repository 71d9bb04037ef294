"""Timing the timeline chart on many generated events (draw and save as PNG in memory)."""

from __future__ import annotations

import io
import random
import time

from tools.bench.stats import median

__all__ = ["generate_events", "timeline_draw"]


def generate_events(n: int = 2000, seed: int = 1950):
    """A DataFrame shaped like ``load_events()`` with ``n`` invented events from 1945 to 1953.

    About a fifth are periods with an end date; precision, category and title length vary.

    >>> generate_events(5).columns.tolist()[:4]
    ['start', 'end', 'precision', 'category']
    """
    import pandas as pd

    from primary_source.timeline import CATEGORIES, COLUMNS

    rng = random.Random(seed)
    first = pd.Timestamp("1945-08-01")
    rows = []
    for i in range(n):
        start = first + pd.Timedelta(days=rng.randrange(3000))
        precision = rng.choice(("day", "day", "day", "month", "year"))
        if precision == "month":
            start = start.replace(day=1)
        elif precision == "year":
            start = start.replace(month=1, day=1)
        end = start + pd.Timedelta(days=rng.randint(20, 200)) if rng.random() < 0.2 else pd.NaT
        title = " ".join(rng.choice(("Offensive", "Talks", "Note", "Crossing", "Meeting",
                                     "Telegram", "Decision", "Battle"))
                         for _ in range(rng.randint(1, 4))) + f" {i}"
        rows.append({"start": start, "end": end, "precision": precision,
                     "category": rng.choice(CATEGORIES), "title": title,
                     "description": "Invented for the benchmark.",
                     "source": "Generated", "note": "", "line": i + 2})
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "line"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame.sort_values(["start", "line"], kind="stable").reset_index(drop=True)


def timeline_draw(n: int = 2000, rounds: int = 3) -> dict:
    """Milliseconds to draw ``n`` events over 1945-1953 and save the chart as a PNG in memory.

    The median of ``rounds`` draws is reported, with every draw listed.
    """
    from primary_source.timeline import plot_timeline

    events = generate_events(n)
    times = []
    for _ in range(max(rounds, 1)):
        start = time.perf_counter()
        fig = plot_timeline(events, "1945-08", "1953-12")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90)
        times.append((time.perf_counter() - start) * 1000)
        fig.clear()
    return {"events": n, "median_ms": round(median(times), 1),
            "runs_ms": [round(t, 1) for t in times], "png_bytes": len(buffer.getvalue())}
