"""A teacher on a fresh machine: the two commands, a clear message for an old Python, CI entry."""

from __future__ import annotations

import subprocess
import sys

from primary_source import paths

ROOT = paths.project_root()
sys.path.insert(0, str(ROOT / "tools"))
from check_python import problem  # noqa: E402


def test_an_old_python_is_named_with_what_to_do():
    message = problem((3, 9, 18), "python3")
    assert "needs Python 3.10 or newer" in message and "python3 is Python 3.9" in message
    assert "make lab PYTHON=" in message
    assert problem((3, 10, 0)) is None and problem(sys.version_info) is None


def test_the_make_check_runs_the_version_check_first():
    run = subprocess.run(["make", "-s", "python-ok", f"PYTHON={sys.executable}"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    missing = subprocess.run(["make", "-s", "python-ok", "PYTHON=no-such-python3"], cwd=ROOT,
                             capture_output=True, text=True)
    assert missing.returncode != 0 and "install Python 3.10 or newer" in missing.stderr


def test_requirements_install_the_library_last_and_gitignore_keeps_lib():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[-1] == "-e ."
    for needed in ("jupyterlab", "ipywidgets", "matplotlib", "pandas", "pyyaml", "voila"):
        assert any(line.lower().startswith(needed) for line in lines), needed
    ignored = subprocess.run(["git", "check-ignore", "-q", "lib/primary_source/record.py"],
                             cwd=ROOT)
    assert ignored.returncode == 1, "lib/ must never be ignored"
    for path in (".venv/x", "build/x", "responses/me.json"):
        assert subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0


def test_ci_installs_chromium_when_missing_then_runs_make_test():
    script = (ROOT / ".ci" / "run").read_text()
    assert "/usr/bin/chromium" in script and "apt-get install" in script
    assert script.strip().endswith("make test")


def test_the_library_is_installed_not_path_hacked():
    import primary_source

    assert "site-packages" not in primary_source.__file__
    assert paths.project_root().joinpath("lib", "primary_source").is_dir()
    assert primary_source.load_document().date.year == 1950
