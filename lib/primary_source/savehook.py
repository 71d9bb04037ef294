"""Store the lessons without outputs when JupyterLab saves them, so a checkout stays clean."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

__all__ = ["is_lesson", "strip_lesson_outputs", "stripped"]

_LESSON = re.compile(r"^\d\d_[^/\\]+\.ipynb$")
_CELL_KEYS = ("collapsed", "scrolled", "execution", "ExecuteTime")


def is_lesson(path: str | Path) -> bool:
    """Whether ``path`` is one of the tracked lessons: ``NN_name.ipynb`` in the project's
    ``notebooks/`` folder (the folder beside ``data/``).

    >>> from primary_source import paths
    >>> is_lesson(paths.notebooks_dir() / "00_start_here.ipynb"), is_lesson("my_notes.ipynb")
    (True, False)
    """
    path = Path(path)
    return (bool(_LESSON.match(path.name)) and path.parent.name == "notebooks"
            and (path.parent.parent / "data").is_dir())


def stripped(notebook: dict[str, Any]) -> dict[str, Any]:
    """The notebook (a JSON dict, changed in place) as the lessons are stored: no outputs, no
    execution counts, no widget state, no run-time cell metadata, ``language_info`` by name.

    >>> nb = {"metadata": {"language_info": {"name": "python", "version": "3.11"}},
    ...       "cells": [{"cell_type": "code", "outputs": [1], "execution_count": 3,
    ...                  "metadata": {"scrolled": True}}]}
    >>> stripped(nb)["cells"][0]
    {'cell_type': 'code', 'outputs': [], 'execution_count': None, 'metadata': {}}
    >>> nb["metadata"]
    {'language_info': {'name': 'python'}}
    """
    meta = notebook.setdefault("metadata", {})
    meta.pop("widgets", None)
    info = meta.get("language_info")
    if isinstance(info, dict) and "name" in info:
        meta["language_info"] = {"name": info["name"]}
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in _CELL_KEYS:
            cell.get("metadata", {}).pop(key, None)
    return notebook


def strip_lesson_outputs(model: dict[str, Any], path: str, contents_manager: Any = None,
                         **_kwargs: Any) -> None:
    """A Jupyter server pre-save hook: a lesson is saved as it is stored in git.

    ``make lab`` sets it (``--ContentsManager.pre_save_hook=...``). Other notebooks keep their
    outputs. Learners lose nothing: their answers live in ``responses/``, and Run All redraws
    every output.
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    root = getattr(contents_manager, "root_dir", None)
    where = Path(root) / path if root else Path(path)
    if is_lesson(where):
        stripped(model["content"])
