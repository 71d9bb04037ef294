"""Plain helpers the tests share: running a lesson headless and reading what went wrong."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

__all__ = ["run_notebook", "problems"]


def run_notebook(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 180) -> None:
    """Run All in a fresh ``python3`` kernel started in ``cwd``; outputs land in ``nb``."""
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(cwd)}}).execute()


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """Every error and every stderr output of a run notebook, as one line each."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"{out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                found.append(f"stderr: {out.text[:300]}")
    return found
