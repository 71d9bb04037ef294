"""A citable release: one version number everywhere, a CITATION.cff, and a wheel that works alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import yaml

import primary_source
from primary_source import paths

ROOT = paths.project_root()
sys.path.insert(0, str(ROOT / "tools"))
from check_release import (  # noqa: E402
    lesson_files,
    package_files,
    problems,
    pyproject_version,
)


def test_one_version_number_shown_everywhere():
    version = pyproject_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert primary_source.__version__ == version
    assert f"Version {version}" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"## {version}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == version


def test_primary_source_version_prints_the_number():
    run = subprocess.run([sys.executable, "-m", "primary_source.cli", "--version"],
                         capture_output=True, text=True)
    assert run.returncode == 0
    assert run.stdout.strip() == f"primary-source {pyproject_version()}"


def test_citation_names_the_contributors_the_licence_and_the_telegram():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["message"] and cff["title"]
    assert cff["authors"] == [{"name": "The project's contributors"}]
    licence = re.search(r'^license\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(),
                        re.MULTILINE).group(1)
    assert cff["license"] == licence
    record = cff["references"][0]
    assert record["url"] == "https://digitalarchive.wilsoncenter.org/document/110696"
    assert record["date-published"] == "1950-08-28" and record["authors"] and record["type"]


def test_the_changelog_names_each_landed_issue():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for issue in range(2, 9):
        assert f"(issue {issue})" in text


def test_make_release_builds_then_checks():
    run = subprocess.run(["make", "-n", "release"], cwd=ROOT, capture_output=True, text=True)
    assert "-m build" in run.stdout and "tools/check_release.py dist" in run.stdout


def test_the_release_check_names_a_missing_lesson_file(tmp_path):
    import tarfile
    import zipfile

    version = pyproject_version()
    wanted = lesson_files()
    with zipfile.ZipFile(tmp_path / f"primary_source-{version}-py3-none-any.whl", "w") as whl:
        for name in wanted[1:]:  # the first lesson file left out
            whl.writestr(f"primary_source/_project/{name}", "x")
        for name in package_files():
            whl.writestr(name, "x")
    with tarfile.open(tmp_path / f"primary_source-{version}.tar.gz", "w:gz") as sdist:
        for name in ["CITATION.cff", "CHANGELOG.md", "setup.py", "MANIFEST.in", *wanted]:
            sdist.add(ROOT / name, arcname=f"primary_source-{version}/{name}")
    assert "primary_source/handouts/templates/handout.html.j2" in package_files()
    found, _ = problems(tmp_path)
    assert found == [f"primary_source-{version}-py3-none-any.whl: missing "
                     f"primary_source/_project/{wanted[0]}"]


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_venv_checks_the_bank(tmp_path):
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRIMARY_SOURCE_")}
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
                           capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stderr[-3000:]
    missing, summary = problems(dist)
    assert missing == [] and "notebooks" in summary

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    wheel = next(dist.glob("*.whl"))
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                              str(wheel)], capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stderr[-3000:]
    elsewhere = tmp_path / "classroom"
    elsewhere.mkdir()
    check = subprocess.run([str(venv / "bin" / "primary-source"), "check"], cwd=elsewhere,
                           capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "all valid" in check.stdout
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "from primary_source import paths, load_document; "
                            "print(paths.project_root()); print(load_document().date)"],
                           cwd=elsewhere, capture_output=True, text=True, env=env, check=True)
    root, date = where.stdout.split()
    assert str(venv) in root and date == "1950-08-28"
    handouts = subprocess.run([str(venv / "bin" / "primary-source"), "handouts", "out",
                               "--no-pdf"], cwd=elsewhere, capture_output=True, text=True, env=env)
    assert handouts.returncode == 0, handouts.stderr
    assert (elsewhere / "out" / "03_content-key.html").exists()
    version = subprocess.run([str(venv / "bin" / "primary-source"), "--version"],
                             capture_output=True, text=True, env=env)
    assert version.stdout.strip() == f"primary-source {pyproject_version()}"
