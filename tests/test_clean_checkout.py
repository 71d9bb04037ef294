"""A teacher's checkout stays clean: running a lesson in place leaves `git status` empty."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess

import nbformat

from primary_source import paths
from tests.helpers import run_notebook

ROOT = paths.project_root()


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


def checkout(tmp_path):
    """A git checkout of the project (as committed from the files here) beside the shared .venv."""
    work = tmp_path / "checkout"
    shutil.copytree(ROOT, work, symlinks=True,
                    ignore=shutil.ignore_patterns(".venv", ".git", "build", "responses",
                                                  ".pytest_cache", ".ruff_cache", "__pycache__"))
    os.symlink(ROOT / ".venv", work / ".venv")
    git("init", "-q", cwd=work)
    git("add", "-A", cwd=work)
    git("-c", "user.name=Teacher", "-c", "user.email=teacher@example.org", "commit", "-q",
        "-m", "the lessons", cwd=work)
    return work


def run_in_place(lesson, tmp_path, monkeypatch):
    """Run All on a lesson in its own folder; the notebook (a dict) with its outputs."""
    monkeypatch.setenv("PRIMARY_SOURCE_RESPONSES", str(tmp_path / "responses"))
    nb = nbformat.read(lesson, as_version=4)
    run_notebook(nb, lesson.parent)
    assert any(cell.get("outputs") for cell in nb.cells)
    assert nb.metadata.language_info.get("version"), "a run records the kernel's version"
    return nb


def test_a_lesson_run_and_saved_in_jupyterlab_leaves_git_status_clean(tmp_path, monkeypatch):
    """`make lab` saves lessons through primary_source.savehook, as JupyterLab's server does."""
    from jupyter_server.services.contents.filemanager import FileContentsManager

    work = checkout(tmp_path)
    nb = run_in_place(work / "notebooks" / "01_provenance.ipynb", tmp_path, monkeypatch)
    plan = subprocess.run(["make", "-n", "lab"], cwd=work, capture_output=True, text=True)
    hook = "primary_source.savehook.strip_lesson_outputs"
    assert f"--ContentsManager.pre_save_hook={hook}" in plan.stdout
    manager = FileContentsManager(root_dir=str(work), pre_save_hook=hook)
    manager.save({"type": "notebook", "format": "json", "content": copy.deepcopy(nb)},
                 "notebooks/01_provenance.ipynb")
    manager.save({"type": "notebook", "format": "json", "content": nb}, "my_copy.ipynb")
    assert git("status", "--porcelain", cwd=work).stdout == "?? my_copy.ipynb\n"
    mine = nbformat.read(work / "my_copy.ipynb", as_version=4)
    assert any(cell.get("outputs") for cell in mine.cells), "a teacher's own notebook keeps them"


def test_the_git_filter_stores_a_run_lesson_without_outputs(tmp_path, monkeypatch):
    work = checkout(tmp_path)
    lesson = work / "notebooks" / "00_start_here.ipynb"
    nbformat.write(run_in_place(lesson, tmp_path, monkeypatch), lesson)  # saved by another tool
    assert git("diff", "--stat", cwd=work).stdout != "", "without the filter, outputs show"

    plan = subprocess.run(["make", "-n", ".venv/.runtime"], cwd=work, capture_output=True,
                          text=True)
    assert "pip install" not in plan.stdout, "run `make test` first: .venv is out of date"
    setup = subprocess.run(["make", "-s", "git-filter"], cwd=work, capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr
    assert git("diff", "--stat", cwd=work).stdout == ""
    git("add", "-A", cwd=work)
    assert git("status", "--porcelain", cwd=work).stdout == "", "nothing to commit"
