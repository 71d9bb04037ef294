"""Import overhead: what importing the package costs beyond its dependencies, in fresh processes."""

from __future__ import annotations

import os
import subprocess
import sys

from tools.bench.stats import median

__all__ = ["DEPENDENCIES", "UI_MODULES", "import_overhead"]

#: Imported first in every measuring process, so that only our own modules are timed.
DEPENDENCIES = ("pandas", "matplotlib", "ipywidgets", "yaml")
#: The widget modules the lessons import.
UI_MODULES = (
    "primary_source.ui.learner",
    "primary_source.ui.first_reading",
    "primary_source.ui.exercises",
    "primary_source.ui.reader",
    "primary_source.ui.provenance",
    "primary_source.ui.timeline",
    "primary_source.ui.close_reading",
    "primary_source.ui.rhetoric",
)

_PROBE = (
    "import importlib, time\n"
    "import {deps}\n"
    "start = time.perf_counter()\n"
    "importlib.import_module({module!r})\n"
    "print(time.perf_counter() - start)\n"
)


def _once(module: str) -> float:
    code = _PROBE.format(deps=", ".join(DEPENDENCIES), module=module)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIMPORTTIME"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env, timeout=120)
    return float(done.stdout.strip().splitlines()[-1]) * 1000


def import_overhead(rounds: int = 5, modules=("primary_source", *UI_MODULES)) -> dict[str, dict]:
    """Milliseconds to import each module after pandas, matplotlib, ipywidgets and yaml.

    Each measurement is a fresh ``python`` process that imports the dependencies, then times
    ``import <module>`` alone (so it includes whatever else of ours that module pulls in).
    The modules take turns, round after round, so a busy moment spreads over all of them;
    the median of ``rounds`` runs is reported with every run listed.
    """

    runs: dict[str, list[float]] = {m: [] for m in modules}
    for _ in range(max(rounds, 1)):
        for module in modules:
            runs[module].append(_once(module))
    return {m: {"import_overhead_ms": round(median(v), 1), "runs_ms": [round(x, 1) for x in v]}
            for m, v in runs.items()}
