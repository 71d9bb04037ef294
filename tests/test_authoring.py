"""The exercise editor's logic: files keep their comments and layout, saves are checked and backed up."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from primary_source import paths
from primary_source.authoring import (
    BankFile,
    EditorError,
    check_text,
    form_fields,
    from_form,
    save_text,
    to_form,
)
from primary_source.exercises import ExerciseFormatError, load_with_problems

FILES = sorted(paths.exercises_dir().glob("*.yaml"))


@pytest.fixture
def bank_copy(tmp_path):
    folder = tmp_path / "exercises"
    shutil.copytree(paths.exercises_dir(), folder)
    return folder


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_a_file_opened_and_saved_unchanged_is_byte_for_byte_the_same(path):
    assert BankFile.read(path).text() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_editing_one_exercise_keeps_every_comment_and_the_others_exactly(path):
    original = path.read_text(encoding="utf-8")
    bank = BankFile.read(path)
    before = bank.exercises()
    bank.update(1, {"prompt": "A reworded question?", "hint": None})
    text = bank.text()
    assert comments(text) == comments(original)
    after = BankFile(text).exercises()
    assert after[1]["prompt"] == "A reworded question?" and "hint" not in after[1]
    assert after[:1] + after[2:] == before[:1] + before[2:]
    # the untouched exercises are the same lines of text, not only the same data
    first_edit = text.index("A reworded question?")
    assert text[:text.rindex("- id:", 0, first_edit)] == original[:original.index(
        f"- id: {before[1]['id']}")]


def test_a_comment_inside_an_edited_exercise_stays(tmp_path):
    path = tmp_path / "09_mine.yaml"
    path.write_text(
        "# My lesson's questions\ntitle: Mine\nexercises:\n"
        "  - id: one\n    type: choice\n    # ask this first\n    prompt: First?\n"
        "    options: [a, b]\n    answer: a  # the easy one\n\n"
        "  # ---- the second part\n"
        "  - id: two\n    type: text\n    prompt: Why?\n    model_answer: Because.\n",
        encoding="utf-8")
    bank = BankFile.read(path)
    bank.update(0, {"prompt": "The first question?"})
    bank.move(1, 0)
    text = bank.text()
    for comment in ("# My lesson's questions", "# ask this first", "# the easy one",
                    "# ---- the second part"):
        assert comment in text
    assert text.index("# ---- the second part") < text.index("id: two") < text.index("id: one")
    assert "prompt: The first question?" in text


def test_new_exercises_of_every_type_are_written_so_check_passes(bank_copy):
    path = bank_copy / "04_rhetoric.yaml"
    bank = BankFile.read(path)
    new = [
        {"id": "ed-choice", "type": "choice", "prompt": "Which?", "options": ["x", "y"],
         "answer": "y"},
        {"id": "ed-multi", "type": "multi", "prompt": "Which ones?", "options": ["x", "y", "z"],
         "answers": ["x", "z"]},
        {"id": "ed-text", "type": "text", "prompt": "Why?", "model_answer": "Because " * 20,
         "rubric": ["names a reason"]},
        {"id": "ed-order", "type": "order", "prompt": "Order them.", "items": ["1", "2", "3"]},
        {"id": "ed-match", "type": "match", "prompt": "Match.",
         "pairs": [["fond", "a collection, of papers"], ["delo", "a file: one"]]},
        {"id": "ed-tag", "type": "tag", "prompt": "Which device?",
         "quote": "the art of bringing decisive blows", "device": "historical analogy"},
    ]
    for fields in new:
        bank.add({"section": "tagging", **fields})
    text = bank.text()
    _, problems = check_text(path, text)
    assert problems == []
    save_text(path, text, bank_copy.parent / "backups")
    loaded, problems = load_with_problems([bank_copy])
    assert problems == [] and all(loaded.get(f["id"]) for f in new)
    assert loaded.get("ed-match").pairs == [("fond", "a collection, of papers"),
                                            ("delo", "a file: one")]
    assert "  - [fond, 'a collection, of papers']" in text  # a pair stays on one line
    assert loaded.get("ed-text").model_answer == ("Because " * 20).strip()


def test_saving_keeps_a_timestamped_backup_of_the_previous_file(bank_copy):
    path = bank_copy / "03_content.yaml"
    original = path.read_text(encoding="utf-8")
    bank = BankFile.read(path)
    bank.update(0, {"hint": "Read point 2 again."})
    backups = bank_copy.parent / "backups"
    saved = save_text(path, bank.text(), backups)
    assert saved.parent == backups and saved.read_text(encoding="utf-8") == original
    assert re.fullmatch(r"03_content\.\d{8}-\d{6}(-\d+)?\.yaml", saved.name)
    assert "Read point 2 again." in path.read_text(encoding="utf-8")
    again = save_text(path, path.read_text(encoding="utf-8"), backups)
    assert again != saved and len(list(backups.iterdir())) == 2


def test_a_backup_name_carries_the_time_it_was_made(tmp_path):
    from primary_source.authoring import backup

    path = tmp_path / "01_provenance.yaml"
    path.write_text("title: x\n", encoding="utf-8")
    made = backup(path, tmp_path / "b", now=dt.datetime(2026, 3, 4, 5, 6, 7))
    assert made.name == "01_provenance.20260304-050607.yaml"


def test_an_invalid_bank_is_refused_and_nothing_is_written(bank_copy):
    path = bank_copy / "03_content.yaml"
    original = path.read_text(encoding="utf-8")
    bank = BankFile.read(path)
    choice = next(i for i, ex in enumerate(bank.exercises()) if ex["type"] == "choice")
    bank.update(choice, {"answer": "Somewhere else entirely"})
    backups = bank_copy.parent / "backups"
    with pytest.raises(ExerciseFormatError) as caught:
        save_text(path, bank.text(), backups)
    [problem] = caught.value.problems
    assert problem.field == "answer" and "not one of the options" in problem.message
    assert problem.file.endswith("03_content.yaml") and problem.line > 1
    assert path.read_text(encoding="utf-8") == original and not backups.exists()


def test_an_id_used_in_another_lesson_is_a_problem_as_in_primary_source_check(bank_copy):
    path = bank_copy / "03_content.yaml"
    bank = BankFile.read(path)
    taken = BankFile.read(bank_copy / "01_provenance.yaml").exercise(0)["id"]
    bank.update(0, {"id": taken})
    _, problems = check_text(path, bank.text())
    assert any(p.field == "id" and "duplicate id" in p.message for p in problems)


def test_a_file_that_is_not_yaml_is_named_with_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("title: x\nexercises:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(EditorError) as caught:
        BankFile.read(path)
    assert str(caught.value).startswith(f"{path}:") and caught.value.line >= 3


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_the_form_shows_each_exercise_and_gives_back_the_same_fields(path):
    bank = BankFile.read(path)
    for index, exercise in enumerate(bank.exercises()):
        values = to_form(exercise)
        assert set(values) == set(form_fields(exercise["type"]))
        fields, drop = from_form(values)
        bank.update(index, fields, drop)
        assert bank.exercise(index) == exercise, exercise["id"]
    assert bank.text() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["choice", "multi", "order", "match", "tag"])
def test_a_text_exercise_changed_to_another_type_loses_every_text_only_field(kind):
    values = {**to_form({"id": "q", "type": "text", "prompt": "Why?"}), "type": kind}
    _fields, drop = from_form(values)
    for field in ("model_answer", "rubric", "keywords", "model_answer_after_words",
                  "show_model_answer"):
        assert field in drop, field
