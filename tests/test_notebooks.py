"""Every lesson runs top to bottom with Run All, from any folder, and is stored clean in git."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from tests.conftest import NOTEBOOK_IDS, NOTEBOOKS
from tests.helpers import problems, run_notebook

SKELETON = ("What you will learn", "Time needed", "How to use this notebook", "Summary",
            "Going further")


def test_the_lesson_sequence_starts_here():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_notebook_is_stored_without_outputs_and_with_a_python3_kernel(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        assert "sys.path" not in source, "import the installed package; never edit sys.path"
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"stored outputs in: {source[:60]!r}"
            assert cell["execution_count"] is None, f"stored execution count: {source[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_notebook_follows_the_lesson_skeleton(path):
    nb = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    number = path.name[:2]
    assert nb.cells[0].source.startswith(f"# {number} · "), f"{path.name}'s title starts with its number"
    for heading in SKELETON:
        assert heading in markdown, f"{path.name} lacks the section {heading!r}"
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = [line for line in cell.source.splitlines() if line.strip()]
            assert 1 <= len(lines) <= 3, f"code cells call the library in 1-3 lines: {cell.source!r}"
    for word in ("TODO", "TBD", "FIXME", "Lorem ipsum"):
        assert word not in json.dumps(nb), f"placeholder {word!r} in {path.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_notebook_runs_headless_from_another_folder(path, tmp_path):
    """Run All in a fresh kernel started in a folder that is not notebooks/: no error, no stderr."""
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    run_notebook(nb, tmp_path)
    found = problems(nb)
    widgets = sum("application/vnd.jupyter.widget-view+json" in out.get("data", {})
                  for cell in nb.cells for out in cell.get("outputs", []))
    assert not found, f"{path.name}: " + "\n".join(found)
    assert widgets >= 1, f"{path.name} shows no interactive widget"
    cut = [f"cell {i}: {text[max(0, text.index('...') - 80):text.index('...') + 20]!r}"
           for i, text in _shown_texts(nb) if "..." in text]
    assert not cut, f"{path.name}: a table or list is cut with '...':\n" + "\n".join(cut)
    tables = [text for _i, text in _shown_texts(nb) if "<table" in text]
    for table in tables:
        assert "<th></th>" not in table and "text-align:left" in table, \
            f"{path.name}: a table with row numbers or not left-aligned: {table[:200]!r}"


def _shown_texts(nb):
    """(cell number, text) of every output a student reads that is not a widget."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                yield i, out.text
            if "application/vnd.jupyter.widget-view+json" in out.get("data", {}):
                continue
            for mime in ("text/html", "text/plain", "text/markdown"):
                if mime in out.get("data", {}):
                    yield i, out["data"][mime]
