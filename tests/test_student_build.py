"""An assessed copy for students: no answer key anywhere, and every lesson still runs."""

from __future__ import annotations

import nbformat
import pytest
import yaml

from primary_source.cli import main
from tests.conftest import NOTEBOOK_NAMES
from tests.helpers import problems, run_notebook

ANSWER_FIELDS = {"answer", "answers", "model_answer", "rubric", "keywords", "feedback"}


@pytest.fixture(scope="module")
def student_copy(tmp_path_factory):
    out = tmp_path_factory.mktemp("student") / "class-copy"
    assert main(["student-build", str(out)]) == 0
    return out


def _keys(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


def test_the_student_copy_has_no_answer_key(student_copy):
    files = sorted((student_copy / "data" / "exercises").glob("*.yaml"))
    assert len(files) >= 1
    for path in files:
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert bank.get("assessed") is True
        assert not ANSWER_FIELDS & set(_keys(bank)), f"{path.name} still holds answers"


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_every_lesson_runs_headless_in_the_student_copy(student_copy, name, monkeypatch):
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(student_copy / "data"))
    nb = nbformat.read(student_copy / "notebooks" / name, as_version=4)
    run_notebook(nb, student_copy / "notebooks")
    errors = problems(nb)
    assert not errors, f"{name}: {errors[:1]}"
