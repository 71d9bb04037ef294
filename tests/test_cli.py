"""The instructor's commands, as a teacher types them."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys

import yaml

from primary_source import paths
from primary_source.cli import main
from primary_source.exercises import ANSWER_FIELDS, load_bank

EXAMPLES = paths.examples_dir() / "responses"


# --------------------------------------------------------------------------- check


def test_check_on_the_shipped_bank_says_all_valid(capsys):
    assert main(["check"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert re.fullmatch(r"\d+ exercises in \d+ files and the rhetoric key: all valid",
                        lines[-1]), lines
    # anything before it is only a warning (answers placed first or longest too often)
    assert all(": warning: " in line for line in lines[:-1]), lines


def test_check_also_names_a_broken_rhetoric_key(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    key = data / "rhetoric.yaml"
    key.write_text(key.read_text(encoding="utf-8").replace("device: praise", "device: flatery", 1),
                   encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"rhetoric\.yaml:\d+: device: .*flatery", out), out


def test_check_names_file_line_and_field_of_every_problem(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("exercises:\n"
                   "  - id: q1\n"
                   "    type: choice\n"
                   "    prompt: Who signed?\n"
                   "    options: [Stalin, Kim]\n"
                   "    answer: Lenin\n"
                   "  - id: q2\n"
                   "    type: quiz\n"
                   "    prompt: What?\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert any(re.fullmatch(r".*bad\.yaml:6: answer: .*Lenin.*", line) for line in lines), lines
    assert any(re.fullmatch(r".*bad\.yaml:8: type: .*quiz.*", line) for line in lines), lines


def test_check_reports_a_yaml_syntax_error_with_its_line(tmp_path, capsys):
    bad = tmp_path / "syntax.yaml"
    bad.write_text("exercises:\n  - id: q1\n    prompt: [unclosed\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"syntax\.yaml:\d+: yaml: YAML syntax error", out), out


def test_python_dash_m_works():
    done = subprocess.run([sys.executable, "-m", "primary_source.cli", "check"],
                          capture_output=True, text=True, cwd=paths.project_root())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all valid" in done.stdout


# --------------------------------------------------------------------------- student build


def test_student_build_holds_no_answer_key_and_its_bank_still_loads(tmp_path, capsys):
    out = tmp_path / "student"
    assert main(["student-build", str(out)]) == 0
    for name in ("notebooks", "data", "lib", "pyproject.toml", "requirements.txt"):
        assert (out / name).exists(), name
    assert (out / "lib" / "primary_source" / "exercises" / "__init__.py").exists()
    assert not (out / "data" / "examples" / "responses").exists()
    full = load_bank()
    files = sorted((out / "data" / "exercises").glob("*.yaml"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        assert data["assessed"] is True
        for ex in data["exercises"]:
            assert not set(ex) & set(ANSWER_FIELDS), (f.name, ex["id"])
        for field in ANSWER_FIELDS:
            assert not re.search(rf"^\s*-?\s*{field}:", text, re.M), (f.name, field)
        for ex in full.for_notebook(f.stem):
            if ex.model_answer:
                assert ex.model_answer not in text
            if ex.type == "order":
                shown = [e for e in data["exercises"] if e["id"] == ex.id][0]["items"]
                assert shown != ex.items
    student = load_bank([out / "data" / "exercises"])
    assert len(student) == len([e for e in full if e.notebook in {f.stem for f in files}])
    assert all(e.assessed for e in student)


def test_student_build_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "something.txt").write_text("keep me", encoding="utf-8")
    assert main(["student-build", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "something.txt").read_text(encoding="utf-8") == "keep me"


# --------------------------------------------------------------------------- grade, summarize


def test_grade_writes_a_gradebook_for_the_example_class(tmp_path, capsys):
    target = tmp_path / "grades.csv"
    assert main(["grade", str(EXAMPLES), "-o", str(target)]) == 0
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    learners = {r["learner"] for r in rows}
    assert len(learners) >= 5
    assert sum(r["exercise"] == "TOTAL" for r in rows) == len(learners)
    assert "learner" in capsys.readouterr().out


def test_grade_names_a_damaged_file_and_grades_the_rest(tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "Ana.json").write_bytes((EXAMPLES / "Ana.json").read_bytes())
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    assert main(["grade", str(folder), "-o", str(tmp_path / "g.csv")]) == 1
    assert "broken.json" in capsys.readouterr().err
    with open(tmp_path / "g.csv", encoding="utf-8-sig", newline="") as fh:
        assert {r["learner"] for r in csv.DictReader(fh)} == {"Ana"}


def test_summarize_works_at_once_on_the_example_class(tmp_path, capsys):
    out = tmp_path / "build" / "summary"
    assert main(["summarize", str(EXAMPLES), "-o", str(out)]) == 0
    assert (out / "class.csv").exists() and (out / "summary.md").exists()
    pngs = sorted(out.glob("*.png"))
    assert len(pngs) >= 4
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert all(p.name in summary for p in pngs)


def test_summarize_names_a_foreign_file(tmp_path, capsys):
    foreign = tmp_path / "notes.json"
    foreign.write_text('{"shopping": ["milk"]}', encoding="utf-8")
    assert main(["summarize", str(foreign), "-o", str(tmp_path / "s")]) == 1
    assert "notes.json" in capsys.readouterr().err
