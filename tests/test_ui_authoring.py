"""The exercise editor's page, driven as an instructor would, without a browser."""

from __future__ import annotations

import shutil

import pytest

from primary_source import paths
from primary_source.exercises import load_with_problems
from primary_source.ui.authoring import ExerciseEditor
from primary_source.ui.exercises import ExerciseBox

#: What an instructor types into the form for a new exercise of each type.
NEW = {
    "choice": {"prompt": "Who signed the telegram?", "options": "Feng Xi\nShtykov",
               "answer": "Feng Xi"},
    "multi": {"prompt": "Which are archives?", "options": "APRF\nAVPRF\nTASS",
              "answers": "APRF\nAVPRF"},
    "text": {"prompt": "Why no signature?", "model_answer": "To keep Moscow's part hidden.",
             "rubric": "names secrecy\nquotes the text"},
    "order": {"prompt": "Order the steps.", "items": "drafted\nenciphered\nsent"},
    "match": {"prompt": "Match the terms.", "pairs": "fond = a collection\ndelo = a file"},
    "tag": {"prompt": "Which device?", "quote": "the art of bringing decisive blows",
            "device": "historical analogy"},
}


@pytest.fixture
def editor(tmp_path):
    folder = tmp_path / "exercises"
    shutil.copytree(paths.exercises_dir(), folder)
    ed = ExerciseEditor(folder, backups=tmp_path / "backups")
    ed.lesson.value = "04_rhetoric"
    return ed


def test_the_editor_lists_a_lessons_exercises_in_order_with_a_form_and_a_preview(editor):
    ids = [ex.id for ex in load_with_problems([editor.path])[0]]
    assert [label.split(". ", 1)[1].split(" (")[0] for label, _ in editor.exercises.options] == ids
    assert editor.fields["prompt"].value and isinstance(editor.preview.children[-1], ExerciseBox)
    assert "No problems" in editor.problems.value


@pytest.mark.parametrize("kind", list(NEW))
def test_an_exercise_of_each_type_made_in_the_form_is_saved_and_valid(editor, kind):
    editor.new_type.value = kind
    editor.add_button.click()
    assert "problem(s) to fix" in editor.problems.value  # an empty prompt, to begin with
    editor.fields["id"].value = f"made-{kind}"
    for name, value in NEW[kind].items():
        box = editor.fields[name]
        box.value = tuple(value.splitlines()) if name == "answers" else value
    assert "No problems" in editor.problems.value, editor.problems.value
    shown = editor.preview.children[-1]
    assert isinstance(shown, ExerciseBox) and shown.exercise.id == f"made-{kind}"
    editor.save.click()
    assert "Saved" in editor.status.value
    bank, problems = load_with_problems([editor.folder])
    assert problems == [] and bank.get(f"made-{kind}").type == kind


def test_the_editor_says_when_changes_are_not_saved_yet_even_just_after_saving(editor):
    assert "not saved" not in editor.status.value  # a file just opened
    editor.fields["prompt"].value += " Give one reason."
    assert "Changes not saved yet" in editor.status.value
    editor.save.click()
    assert "Saved" in editor.status.value and "not saved yet" not in editor.status.value
    # A last key press that reaches the kernel after the click on Save is not silently lost.
    editor.fields["prompt"].value += " Or two."
    assert "Changes not saved yet" in editor.status.value
    editor.save.click()
    assert editor.path.read_text(encoding="utf-8").count("Give one reason. Or two.") == 1


def test_problems_show_as_the_instructor_types_and_a_bad_file_is_not_saved(editor):
    before = editor.path.read_text(encoding="utf-8")
    editor.fields["prompt"].value = ""
    assert "prompt: missing" in editor.problems.value
    editor.save.click()
    assert "Not saved" in editor.status.value
    assert editor.path.read_text(encoding="utf-8") == before


def test_the_right_answer_is_picked_from_the_options_as_they_are_typed(editor):
    editor.new_type.value = "multi"
    editor.add_button.click()
    editor.fields["options"].value = "APRF\nAVPRF"
    assert editor.fields["answers"].options == ("APRF", "AVPRF")
    editor.fields["answers"].value = ("AVPRF",)
    editor.fields["options"].value = "APRF\nAVPRF\nTASS"
    assert editor.fields["answers"].value == ("AVPRF",)
    editor.fields["options"].value = "APRF\nTASS"  # the chosen option is gone, and so is the choice
    assert editor.fields["answers"].value == ()
    assert "answers" in editor.problems.value


def test_remove_and_reorder_change_the_list(editor):
    first, second = (label for label, _ in editor.exercises.options[:2])
    editor.down_button.click()
    labels = [label.split(". ", 1)[1] for label, _ in editor.exercises.options]
    assert labels[:2] == [second.split(". ", 1)[1], first.split(". ", 1)[1]]
    count = len(editor.exercises.options)
    editor.remove_button.click()
    assert len(editor.exercises.options) == count - 1


def test_make_author_serves_the_editor_page_with_a_token_and_no_code_shown():
    import json
    import subprocess

    plan = subprocess.run(["make", "-n", "author"], cwd=paths.project_root(),
                          capture_output=True, text=True).stdout
    assert "voila" in plan and "--Voila.ip=127.0.0.1" in plan and "--token=" in plan
    assert "tools/author.ipynb" in plan
    notebook = json.loads((paths.project_root() / "tools" / "author.ipynb").read_text())
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    assert "exercise_editor()" in "".join(code[-1]["source"])


def test_answers_tried_in_the_preview_stay_out_of_the_class_answers(monkeypatch):
    from primary_source.ui.authoring import exercise_editor

    monkeypatch.delenv("PRIMARY_SOURCE_RESPONSES")
    exercise_editor(paths.exercises_dir())
    assert paths.responses_dir() != paths.project_root() / "responses"
    assert "editor-preview-" in str(paths.responses_dir())
