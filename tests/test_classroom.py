"""Grading a class as a teacher relies on it: only the bank counts, and nobody can forge a grade."""

from __future__ import annotations

import csv
import json

import pytest

from primary_source.classroom import NOT_IN_BANK, grade_class
from primary_source.cli import main
from primary_source.exercises import load_bank

EXAMPLES = __import__("primary_source").paths.examples_dir() / "responses"


@pytest.fixture
def collected(tmp_path):
    """A copy of the example class, as a teacher collects it."""
    folder = tmp_path / "collected"
    folder.mkdir()
    for f in EXAMPLES.glob("*.json"):
        (folder / f.name).write_bytes(f.read_bytes())
    return folder


def _data(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")


def _rows(csv_path):
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _total(table, learner):
    row = table[(table["learner"] == learner) & (table["exercise"] == "TOTAL")]
    return float(row["score"].iloc[0]), float(row["points"].iloc[0])


def test_an_invented_exercise_is_listed_as_not_in_the_bank_and_adds_nothing(collected):
    before = _total(grade_class([collected]).table, "Ana")
    ana = _data(collected / "Ana.json")
    ana["answers"]["bonus-points"] = {"answer": "", "correct": True, "score": 1000,
                                      "attempts": 1}
    _write(collected / "Ana.json", ana)
    report = grade_class([collected])
    assert _total(report.table, "Ana") == before
    bonus = report.table[report.table["exercise"] == "bonus-points"].iloc[0]
    assert bonus["note"] == NOT_IN_BANK and bonus["score"] != bonus["score"]  # empty (NaN)
    assert any("Ana.json" in n and "not in the bank" in n for n in report.notes)


def test_a_stored_score_or_correct_is_never_trusted(collected):
    bank = load_bank()
    ana = _data(collected / "Ana.json")
    for ex_id, entry in ana["answers"].items():
        ex = bank.get(ex_id)
        if ex.type == "choice":
            entry["answer"] = [o for o in ex.options if o != ex.answer][0]
            entry["correct"], entry["score"] = True, 50
            forged = ex_id
            break
    _write(collected / "Ana.json", ana)
    table = grade_class([collected]).table
    row = table[(table["learner"] == "Ana") & (table["exercise"] == forged)].iloc[0]
    assert row["correct"] is False or row["correct"] == False  # noqa: E712 - pandas cell
    assert row["score"] == 0
    score, points = _total(table, "Ana")
    assert score <= points


def test_a_file_claiming_another_learner_is_graded_as_its_own_file_and_reported(collected):
    ben = _data(collected / "Ben.json")
    ben["learner"] = "Ana"
    _write(collected / "Ben.json", ben)
    report = grade_class([collected])
    learners = set(report.table["learner"])
    assert {"Ana", "Ben"} <= learners
    assert _total(report.table, "Ana") == _total(grade_class([EXAMPLES]).table, "Ana")
    assert any("Ben.json" in n and "'Ana'" in n for n in report.notes)


def test_two_files_of_one_name_are_kept_apart(collected, tmp_path):
    other = tmp_path / "late"
    other.mkdir()
    (other / "Ana.json").write_bytes((collected / "Ben.json").read_bytes())
    report = grade_class([collected, other])
    totals = report.table[report.table["exercise"] == "TOTAL"]
    anas = [name for name in totals["learner"] if name.startswith("Ana")]
    assert len(anas) == 2
    assert any("kept apart" in n for n in report.notes)


@pytest.mark.parametrize("target", ["Ana.json", "../responses/Ben.json"])
def test_grade_will_not_write_over_an_answers_file(collected, tmp_path, capsys, target):
    (tmp_path / "responses").mkdir()
    (tmp_path / "responses" / "Ben.json").write_bytes((collected / "Ben.json").read_bytes())
    output = collected / target
    before = output.read_bytes()
    assert main(["grade", str(collected), "-o", str(output)]) == 2
    assert "will not write" in capsys.readouterr().err
    assert output.read_bytes() == before


@pytest.mark.parametrize("name, change, words", [
    ("attempts-text", lambda d: d["answers"][next(iter(d["answers"]))].update(attempts="three"),
     "attempts"),
    ("attempts-infinite",
     lambda d: d["answers"][next(iter(d["answers"]))].update(attempts=float("inf")), "attempts"),
    ("answers-text", lambda d: d.update(answers="all of them"), "answers"),
    ("learner-list", lambda d: d.update(learner=["Ana", "Ben"]), "learner"),
])
def test_a_file_in_the_wrong_shape_is_skipped_and_the_class_still_graded(
        collected, tmp_path, capsys, name, change, words):
    data = _data(collected / "Sam.json")
    change(data)
    (collected / "Sam.json").write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "grades.csv"
    assert main(["grade", str(collected), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Sam.json" in err and words in err
    learners = {r["learner"] for r in _rows(target)}
    assert "Ana" in learners and "Sam" not in learners


def test_deep_nesting_is_skipped_with_a_message(collected, tmp_path, capsys):
    (collected / "Zed.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    data = _data(collected / "Sam.json")
    data["answers"][next(iter(data["answers"]))]["answer"] = json.loads("[" * 50 + "]" * 50)
    _write(collected / "Sam.json", data)
    target = tmp_path / "grades.csv"
    assert main(["grade", str(collected), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Zed.json" in err and "Sam.json" in err and "nested" in err
    assert "Ana" in {r["learner"] for r in _rows(target)}


def test_a_file_with_a_byte_order_mark_is_graded(collected):
    text = (collected / "Sam.json").read_text(encoding="utf-8")
    (collected / "Sam.json").write_text("\ufeff" + text, encoding="utf-8")
    report = grade_class([collected])
    assert report.skipped == [] and "Sam" in set(report.table["learner"])


def test_summarize_charts_only_exercises_of_the_bank(collected, tmp_path, capsys):
    ana = _data(collected / "Ana.json")
    for i in range(300):
        ana["answers"][f"invented-{i}"] = {"answer": "x", "correct": False, "attempts": 1}
    _write(collected / "Ana.json", ana)
    out = tmp_path / "summary"
    assert main(["summarize", str(collected), "-o", str(out)]) == 0
    bank_ids = {e.id for e in load_bank()}
    charts = {p.stem for p in out.glob("*.png")}
    assert charts and charts <= bank_ids
    assert "not in the bank" in (out / "summary.md").read_text(encoding="utf-8")
