"""A learner's saved answers: never lost, never mangled, readable by the teacher."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from primary_source import paths
from primary_source.classroom import grade, summarize
from primary_source.exercises import check_answer, load_bank
from primary_source.export import export_csv, export_html
from primary_source.responses import (
    FORMAT,
    ResponsesFileError,
    current_learner,
    load_answers,
    read_answers,
    responses_file,
    safe_name,
    save_answer,
    set_current_learner,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "مرحبا، هذه إجابتي عن البرقية",
    "שלום, זו התשובה שלי",
    "🤔📜✅ Feng Xi 冯西",
    '" onmouseover="alert(1)" & \'quotes\'',
]
EXAMPLES = paths.examples_dir() / "responses"


# --------------------------------------------------------------------------- saving


def test_an_answer_is_saved_at_once_with_attempts_and_time(answers):
    entry = save_answer("start-kind-of-document", "A newspaper article",
                        {"correct": False, "score": 0.0}, notebook="00_start_here").entry
    assert entry["attempts"] == 1
    assert (answers / "me.json").exists()
    save_answer("start-kind-of-document", "A ciphered telegram", {"correct": True, "score": 1.0})
    saved = load_answers()["start-kind-of-document"]
    assert saved["answer"] == "A ciphered telegram"
    assert saved["attempts"] == 2 and saved["correct"] is True and saved["score"] == 1.0
    assert saved["notebook"] == "00_start_here"
    assert saved["saved"].startswith("20")
    data = json.loads((answers / "me.json").read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["learner"] == "me"


def test_answers_of_every_shape_come_back_as_they_were(answers):
    save_answer("a", ["second", "first"], learner="Ana")
    save_answer("b", {"APRF": "Presidential archive"}, learner="Ana")
    save_answer("c", "free text\nover two lines", learner="Ana")
    got = load_answers("Ana")
    assert got["a"]["answer"] == ["second", "first"]
    assert got["b"]["answer"] == {"APRF": "Presidential archive"}
    assert got["c"]["answer"] == "free text\nover two lines"


def test_a_result_object_from_check_answer_is_stored(answers):
    ex = load_bank().get("start-kind-of-document")
    save_answer(ex.id, ex.answer, check_answer(ex, ex.answer))
    assert load_answers()[ex.id]["correct"] is True


def test_learner_names_become_safe_file_names_inside_the_answers_folder(answers):
    for name in ["../../etc/passwd", "con", "a/b\\c", "  ", "Ana María", "ليلى", ".hidden"]:
        path = responses_file(name)
        assert path.parent == answers
        assert not path.name.startswith(".")
        save_answer("x", "y", learner=name)
        assert load_answers(name)["x"]["answer"] == "y"
    assert safe_name("") == "me" and safe_name(None) == "me"
    assert safe_name("Ana María") == "Ana_María"


def test_the_learner_name_is_remembered(answers):
    assert current_learner() == "me"
    set_current_learner("Chloé")
    assert current_learner() == "Chloé"


CONCURRENT = textwrap.dedent("""\
    import sys
    from primary_source.responses import save_answer
    who = sys.argv[1]
    for i in range(int(sys.argv[2])):
        save_answer(f"{who}-{i}", f"answer {i} from {who}", learner="shared")
        save_answer("both", who, learner="shared")
""")


def test_two_processes_saving_hundreds_of_answers_into_one_file_lose_nothing(answers):
    n = 200
    env = {**os.environ, "PRIMARY_SOURCE_RESPONSES": str(answers)}
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT, who, str(n)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for who in ("first", "second")]
    for p in procs:
        _out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()
    got = load_answers("shared")
    for who in ("first", "second"):
        for i in range(n):
            assert got[f"{who}-{i}"]["answer"] == f"answer {i} from {who}"
    assert got["both"]["attempts"] == 2 * n
    assert len(got) == 2 * n + 1
    assert not list(answers.glob("*.tmp")) and not list(answers.glob(".*.tmp"))


# --------------------------------------------------------------------------- damage


@pytest.mark.parametrize("content", ["{ this is not json", "[1, 2, 3]",
                                     '{"format": "primary-source-responses", "answers": [1]}'])
def test_a_damaged_file_is_moved_aside_and_said_so_never_overwritten(answers, content):
    answers.mkdir()
    (answers / "me.json").write_text(content, encoding="utf-8")
    loaded = read_answers()
    assert loaded.answers == {}
    moved = list(answers.glob("me.damaged-*.json"))
    assert len(moved) == 1
    assert moved[0].read_text(encoding="utf-8") == content
    assert loaded.moved_aside.moved_to == moved[0]
    assert loaded.notices == [loaded.moved_aside.message]
    assert str(moved[0]) in loaded.notices[0] and "nothing is lost" in loaded.notices[0]
    assert not (answers / "me.json").exists()
    save_answer("x", "a new start")
    assert load_answers()["x"]["answer"] == "a new start"
    assert moved[0].read_text(encoding="utf-8") == content


def test_saving_over_a_damaged_file_keeps_the_old_one(answers):
    answers.mkdir()
    (answers / "me.json").write_text("\x00\x01 garbage", encoding="utf-8")
    saved = save_answer("x", "y")
    assert saved.entry["answer"] == "y"
    assert len(list(answers.glob("me.damaged-*.json"))) == 1
    assert saved.moved_aside.moved_to == next(answers.glob("me.damaged-*.json"))
    assert load_answers()["x"]["answer"] == "y"
    assert save_answer("x", "again").notices == []  # told once, when it happened


# --------------------------------------------------------------------------- hostile text


def test_hostile_and_huge_text_is_stored_faithfully(answers):
    huge = ("Korea 1950 — كوريا — קוריאה 🤝 " * 40000)[: 1024 * 1024]
    for i, text in enumerate([*HOSTILE, huge]):
        save_answer(f"h{i}", text, learner="<b>Mallory</b>")
    got = load_answers("<b>Mallory</b>")
    for i, text in enumerate([*HOSTILE, huge]):
        assert got[f"h{i}"]["answer"] == text
    raw = responses_file("<b>Mallory</b>").read_text(encoding="utf-8")
    assert "مرحبا" in raw and "🤔" in raw  # stored as characters, not \\u escapes


def test_every_string_is_escaped_in_the_html_export(answers, tmp_path):
    for i, text in enumerate(HOSTILE):
        save_answer(f"h{i}", text, learner="<script>alert('me')</script>", notebook="<i>nb</i>")
    page = export_html("<script>alert('me')</script>", tmp_path / "work.html")
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<i>nb" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&quot; onmouseover=&quot;alert(1)&quot;" in html
    assert "مرحبا، هذه إجابتي عن البرقية" in html and "🤔📜✅" in html
    assert 'dir="auto"' in html and '<meta charset="utf-8">' in html


def test_the_html_export_is_sorted_by_notebook_and_exercise_with_the_prompts(answers, tmp_path):
    bank = load_bank()
    start = bank.for_notebook("00_start_here")
    save_answer(start[2].id, "third first", notebook="00_start_here")
    save_answer(start[0].id, start[0].answer, notebook="00_start_here")
    html = export_html("me", tmp_path / "w.html").read_text(encoding="utf-8")
    assert html.index(start[0].id) < html.index(start[2].id)
    import html as html_lib
    assert html_lib.escape(start[0].prompt) in html


def test_the_csv_export_round_trips_every_character(answers, tmp_path):
    for i, text in enumerate(HOSTILE):
        save_answer(f"h{i}", text)
    path = export_csv("me", tmp_path / "work.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["answer"] for r in rows] == HOSTILE


def test_a_formula_in_an_answer_is_not_run_by_a_spreadsheet(answers, tmp_path):
    save_answer("f", "=HYPERLINK(\"http://example.invalid\")")
    with open(export_csv("me", tmp_path / "f.csv"), encoding="utf-8-sig") as fh:
        row = next(csv.DictReader(fh))
    assert row["answer"].startswith("'=")


# --------------------------------------------------------------------------- the class


def test_grade_gives_a_row_per_learner_and_exercise_and_a_total(answers):
    table = grade([EXAMPLES])
    learners = set(table["learner"])
    assert len(learners) >= 5
    totals = table[table["exercise"] == "TOTAL"]
    assert len(totals) == len(learners)
    rows = table[table["exercise"] != "TOTAL"]
    for learner in learners:
        mine = rows[rows["learner"] == learner]
        auto = mine[mine["correct"].notna()]
        total = totals[totals["learner"] == learner]["score"].iloc[0]
        assert total == pytest.approx(auto["score"].sum())
    free = rows[rows["type"] == "text"]
    assert free["score"].isna().all()
    assert free["answer"].str.contains("🤔").any()
    assert free["answer"].str.contains("فاجأني").any()


def test_the_example_class_files_are_in_the_format_save_answer_writes():
    files = sorted(EXAMPLES.glob("*.json"))
    assert 5 <= len(files) <= 6
    bank = load_bank()
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        assert data["format"] == FORMAT
        for ex_id, entry in data["answers"].items():
            assert bank.get(ex_id) is not None, ex_id
            assert {"answer", "attempts", "saved", "correct", "score"} <= set(entry)


@pytest.mark.parametrize("content, words", [("{ broken", "not valid JSON"),
                                            ('{"hello": "world"}', "not an answers file")])
def test_grade_names_a_damaged_or_foreign_file(tmp_path, content, words):
    folder = tmp_path / "class"
    folder.mkdir()
    for f in EXAMPLES.glob("*.json"):
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "zed.json").write_text(content, encoding="utf-8")
    with pytest.raises(ResponsesFileError) as info:
        grade([folder])
    assert "zed.json" in str(info.value) and words in str(info.value)
    assert (folder / "zed.json").read_text(encoding="utf-8") == content  # left alone


def test_summarize_writes_a_table_a_chart_per_exercise_and_their_text(tmp_path):
    written = summarize([EXAMPLES], tmp_path / "summary")
    assert written["table"].exists()
    exercises = {p.stem for p in written["charts"]}
    assert "start-kind-of-document" in exercises
    for png in written["charts"]:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = written["summary"].read_text(encoding="utf-8")
    for png in written["charts"]:
        assert f"]({png.name})" in summary
    assert "answered correctly" in summary and "Most common wrong answers" in summary


def test_summarize_escapes_learner_text_in_its_summary(tmp_path, answers):
    for text in HOSTILE[:2]:
        save_answer("start-kind-of-document", text, learner=f"L{len(text)}")
    written = summarize([answers], tmp_path / "s")
    summary = written["summary"].read_text(encoding="utf-8")
    assert "<script>" not in summary and "<img" not in summary
    assert "&lt;script&gt;" in summary


def test_the_answers_folder_ignores_settings_and_moved_aside_files(answers, tmp_path):
    save_answer("start-kind-of-document", "A ciphered telegram", learner="Ana")
    set_current_learner("Ana")
    Path(answers / "Ana.damaged-20240101T000000Z.json").write_text("junk", encoding="utf-8")
    table = grade([answers])
    assert set(table["learner"]) == {"Ana"}
