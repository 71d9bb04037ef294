"""Run All time of each lesson against a bare notebook, measured alternately in fresh kernels."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tools.bench.stats import median

__all__ = ["BARE_SOURCE", "lesson_paths", "bare_notebook", "run_all", "notebook_timings"]

#: The whole of the bare notebook: what any lesson pays before it does anything of its own.
BARE_SOURCE = "import pandas\nimport matplotlib.pyplot as plt\nimport ipywidgets"


def lesson_paths() -> list[Path]:
    """The lessons, ``notebooks/NN_*.ipynb``, in order."""
    from primary_source.paths import notebooks_dir

    return sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb"))


def bare_notebook():
    """A one-cell notebook that imports pandas, matplotlib.pyplot and ipywidgets."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BARE_SOURCE)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    return nb


def _cell_seconds(cell) -> float | None:
    from datetime import datetime

    timing = cell.get("metadata", {}).get("execution", {})
    begin, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not begin or not end:
        return None
    return (datetime.fromisoformat(end.replace("Z", "+00:00"))
            - datetime.fromisoformat(begin.replace("Z", "+00:00"))).total_seconds()


def run_all(nb, folder: Path, timeout: int = 300) -> tuple[float, float, list[dict], list[str]]:
    """Execute ``nb`` in a fresh kernel started in ``folder``, as JupyterLab's Run All would.

    Returns the wall-clock seconds (kernel start to shutdown), the seconds spent inside
    cells, the slowest cells and any problems (errors, stderr) seen in the outputs. The
    kernel gets the current environment without ``MPLBACKEND``, so matplotlib uses its
    inline backend as in the lab.
    """
    from nbclient import NotebookClient

    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    client.execute(env=env, stderr=subprocess.DEVNULL)  # not the kernel's TCP warning
    seconds = time.perf_counter() - start
    cells, problems = [], []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        took = _cell_seconds(cell)
        if took is not None:
            cells.append({"source": cell.source.splitlines()[0][:70], "s": round(took, 3)})
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                problems.append(f"{out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(f"stderr: {out.text[:200]}")
    inside = sum(c["s"] for c in cells)
    cells.sort(key=lambda c: -c["s"])
    return seconds, inside, cells[:3], problems


def notebook_timings(rounds: int = 3, lessons=None) -> dict[str, dict]:
    """For each lesson: median Run All seconds, the bare notebook's, and their ``ratio``.

    Each round runs, for every lesson in turn, the bare notebook and then the lesson (a copy
    in a temporary folder, in a fresh kernel), so that both see the same load on the machine.
    """
    import nbformat


    lessons = list(lesson_paths() if lessons is None else lessons)
    runs = {p.stem: {"bare": [], "lesson": [], "cells": [], "slowest_cells": [], "problems": []}
            for p in lessons}
    with tempfile.TemporaryDirectory(prefix="ps-bench-nb-") as tmp:
        for _ in range(max(rounds, 1)):
            for path in lessons:
                folder = Path(tmp) / path.stem
                folder.mkdir(exist_ok=True)
                record = runs[path.stem]
                record["bare"].append(run_all(bare_notebook(), folder)[0])
                copy = folder / path.name
                shutil.copy(path, copy)
                seconds, inside, cells, problems = run_all(nbformat.read(copy, as_version=4),
                                                           folder)
                record["lesson"].append(seconds)
                record["cells"].append(inside)
                record["slowest_cells"], record["problems"] = cells, problems
    result = {}
    for name, record in runs.items():
        bare, lesson = median(record["bare"]), median(record["lesson"])
        result[name] = {"lesson_s": round(lesson, 2), "bare_s": round(bare, 2),
                        "ratio": round(lesson / bare, 2),
                        "in_cells_s": round(median(record["cells"]), 2),
                        "in_cells_runs_s": [round(s, 2) for s in record["cells"]],
                        "lesson_runs_s": [round(s, 2) for s in record["lesson"]],
                        "bare_runs_s": [round(s, 2) for s in record["bare"]],
                        "slowest_cells": record["slowest_cells"],
                        "problems": record["problems"]}
    return result
