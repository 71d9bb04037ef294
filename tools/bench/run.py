"""``make bench``: how fast the lessons, widgets, imports, parser and chart are, into build/bench.json."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["TARGETS", "RECORDS", "EVENTS", "KEYS", "run", "check_targets", "format_table", "main"]

#: What counts as fast enough.
TARGETS = {"lesson_ratio_max": 1.5, "widget_p95_ms_max": 100.0, "import_overhead_ms_max": 150.0,
           # issue 16: the timeline explorer redraws within 50 ms, the big chart within 1 s
           "timeline_redraw_p95_ms_max": 50.0, "timeline_draw_ms_max": 1000.0}
#: How many generated records the parser reads, and how many events the big chart draws.
RECORDS = 1000
EVENTS = 2000
#: Every key of the result.
KEYS = ("when", "quick", "machine", "notebooks", "widgets", "import_overhead_ms",
        "ui_import_overhead_ms", "imports", "parse_records_per_s", "parse", "timeline_draw_ms",
        "timeline_draw", "targets", "met", "all_met", "seconds")


@contextlib.contextmanager
def _bench_environment():
    """Answers saved to a temporary folder, matplotlib on Agg; the old settings come back."""
    saved = {k: os.environ.get(k) for k in ("PRIMARY_SOURCE_RESPONSES", "MPLBACKEND")}
    with tempfile.TemporaryDirectory(prefix="ps-bench-answers-") as answers:
        os.environ["PRIMARY_SOURCE_RESPONSES"] = answers
        os.environ["MPLBACKEND"] = "Agg"
        import matplotlib

        matplotlib.use("Agg")
        try:
            yield Path(answers)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def check_targets(result: dict) -> dict:
    """``met`` flags: one per lesson, per widget, for the package and each UI module's import."""
    met = {}
    for name, nb in result["notebooks"].items():
        met[f"notebook {name}"] = nb["ratio"] <= TARGETS["lesson_ratio_max"]
    for name, widget in result["widgets"].items():
        most = TARGETS["timeline_redraw_p95_ms_max" if name.startswith("timeline")
                       else "widget_p95_ms_max"]
        met[f"widget {name}"] = widget["p95_ms"] <= most
    met["import primary_source"] = result["import_overhead_ms"] <= TARGETS[
        "import_overhead_ms_max"]
    for name, ms in result["ui_import_overhead_ms"].items():
        met[f"import {name}"] = ms <= TARGETS["import_overhead_ms_max"]
    met["timeline chart"] = result["timeline_draw_ms"] <= TARGETS["timeline_draw_ms_max"]
    return met


def run(quick: bool = False, notebooks: bool = True, log=None) -> dict:
    """Measure everything and return the result (see ``KEYS``); nothing is written.

    ``quick`` uses one round of lessons, 10 interactions per widget and fewer repeats;
    ``notebooks=False`` leaves the lessons out (their entry is then an empty mapping).
    """
    from tools.bench import drawing, imports, records, widgets
    from tools.bench import notebooks as lessons

    say = log or (lambda text: None)
    began = time.perf_counter()
    result: dict = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "quick": quick,
                    "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                "platform": platform.platform()}}
    with _bench_environment():
        if notebooks:
            say("lessons: bare notebook and lesson, alternately, in fresh kernels ...")
            result["notebooks"] = lessons.notebook_timings(rounds=1 if quick else 3)
        else:
            result["notebooks"] = {}
        say("widgets: interactions in this process ...")
        result["widgets"] = widgets.widget_timings(interactions=10 if quick else 60)
        say("imports: fresh processes ...")
        found = imports.import_overhead(rounds=1 if quick else 5)
        result["imports"] = found
        result["import_overhead_ms"] = found["primary_source"]["import_overhead_ms"]
        result["ui_import_overhead_ms"] = {m: v["import_overhead_ms"] for m, v in found.items()
                                           if m != "primary_source"}
        say(f"parser: {RECORDS:,} generated records ...")
        result["parse"] = records.parse_rate(records.generate_records(RECORDS),
                                             rounds=1 if quick else 3)
        result["parse_records_per_s"] = result["parse"]["per_s"]
        say(f"timeline chart: {EVENTS:,} generated events ...")
        result["timeline_draw"] = drawing.timeline_draw(EVENTS, rounds=1 if quick else 3)
        result["timeline_draw_ms"] = result["timeline_draw"]["median_ms"]
    result["targets"] = dict(TARGETS)
    result["met"] = check_targets(result)
    result["all_met"] = all(result["met"].values())
    result["seconds"] = round(time.perf_counter() - began, 1)
    return result


def _row(*cells, widths=(34, 12, 12, 12, 6)) -> str:
    return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                     for i, (c, w) in enumerate(zip(cells, widths, strict=False)))


def format_table(result: dict) -> str:
    """The result as a plain-text table, one line per measurement, with ``ok``/``SLOW``."""
    met, t = result["met"], result["targets"]

    def flag(key):
        return "ok" if met[key] else "SLOW"
    lines = []
    if result["notebooks"]:
        lines += ["", f"Lessons: Run All in a fresh kernel (target: ratio <= "
                      f"{t['lesson_ratio_max']})",
                  _row("lesson", "lesson s", "bare s", "ratio", "")]
        for name, nb in result["notebooks"].items():
            lines.append(_row(name, nb["lesson_s"], nb["bare_s"], nb["ratio"],
                              flag(f"notebook {name}")))
            for problem in nb["problems"]:
                lines.append(f"    problem: {problem}")
    lines += ["", f"Widgets: one interaction (target: p95 <= {t['widget_p95_ms_max']:g} ms; "
                  f"timeline <= {t.get('timeline_redraw_p95_ms_max', 50):g} ms)",
              _row("widget", "median ms", "p95 ms", "build ms", "")]
    for name, w in result["widgets"].items():
        lines.append(_row(name, w["median_ms"], w["p95_ms"], w["build_ms"],
                          flag(f"widget {name}")))
    lines += ["", f"Imports beyond pandas, matplotlib, ipywidgets, yaml (target: <= "
                  f"{t['import_overhead_ms_max']:g} ms)", _row("module", "ms", "", "", "")]
    lines.append(_row("primary_source", result["import_overhead_ms"], "", "",
                      flag("import primary_source")))
    for name, ms in result["ui_import_overhead_ms"].items():
        lines.append(_row(name, ms, "", "", flag(f"import {name}")))
    lines += ["", f"Throughput (timeline target: <= {t.get('timeline_draw_ms_max', 1000):g} ms)",
              _row("records parsed per second", result["parse_records_per_s"], "", "", ""),
              _row(f"timeline of {result['timeline_draw']['events']} events, ms",
                   result["timeline_draw_ms"], "", "", flag("timeline chart")),
              "", "All targets met." if result["all_met"] else
              "Some targets missed: " + ", ".join(k for k, v in met.items() if not v) + ".",
              f"({result['seconds']} s{', quick run' if result['quick'] else ''})"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and write ``build/bench.json``; 0 even if slow."""
    from primary_source.paths import project_root

    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="fewer rounds and interactions (about a minute)")
    parser.add_argument("--no-notebooks", action="store_true", help="leave the lessons out")
    parser.add_argument("--out", type=Path, default=project_root() / "build" / "bench.json",
                        help="where to write the JSON (default build/bench.json)")
    args = parser.parse_args(argv)
    result = run(quick=args.quick, notebooks=not args.no_notebooks,
                 log=lambda text: print(text, file=sys.stderr, flush=True))
    print(format_table(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Written to {args.out}")
    return 0

