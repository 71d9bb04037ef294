"""Shared fixtures: the shipped record, record texts to mangle, and a private answers folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from primary_source import load_document, paths

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
#: File names and test ids of the lessons, for ``parametrize``.
NOTEBOOK_NAMES = [nb.name for nb in NOTEBOOKS]
NOTEBOOK_IDS = [nb.stem for nb in NOTEBOOKS]


@pytest.fixture(scope="session", autouse=True)
def private_answers(tmp_path_factory):
    """Every test, kernel and server saves answers into a temp folder, never into the repo."""
    folder = tmp_path_factory.mktemp("responses")
    old = os.environ.get("PRIMARY_SOURCE_RESPONSES")
    os.environ["PRIMARY_SOURCE_RESPONSES"] = str(folder)
    os.environ.setdefault("MPLBACKEND", "Agg")
    yield folder
    if old is None:
        os.environ.pop("PRIMARY_SOURCE_RESPONSES", None)
    else:
        os.environ["PRIMARY_SOURCE_RESPONSES"] = old


@pytest.fixture
def answers(tmp_path, monkeypatch):
    """A private answers folder for one test (PRIMARY_SOURCE_RESPONSES points at it)."""
    folder = tmp_path / "responses"
    monkeypatch.setenv("PRIMARY_SOURCE_RESPONSES", str(folder))
    return folder


@pytest.fixture(scope="session")
def doc():
    """The telegram as the lessons load it."""
    return load_document()


@pytest.fixture(scope="session")
def record_text():
    """The shipped record file, exactly as published."""
    return paths.document_path().read_text(encoding="utf-8")
