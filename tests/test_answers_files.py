"""A learner's answers file never stops a lesson: odd files are repaired or moved aside, names
never share a file, and every button that saves says so when it cannot."""

from __future__ import annotations

import json

import pytest

from primary_source import responses
from primary_source.exercises import Exercise, lesson_exercises
from primary_source.responses import (
    FORMAT,
    load_answers,
    read_answers,
    responses_file,
    save_answer,
)
from primary_source.ui.exercises import ExerciseBox, exercise_section, exercise_widget
from primary_source.ui.first_reading import prediction_board
from primary_source.ui.learner import download_my_work, learner_box
from primary_source.ui.rhetoric import tagging_exercise
from primary_source.ui.synthesis import cer_builder, portfolio_button


def answers_file(answers, entries, name="me", **top):
    answers.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "version": 1, "learner": name, "answers": entries, **top}
    path = responses_file(name)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def raw_file(entries: str) -> str:
    """An answers file's text around the JSON of its entries, written by hand."""
    return '{"format": "' + FORMAT + '", "answers": {' + entries + "}}"


# --------------------------------------------------------------------------- odd files


@pytest.mark.parametrize("attempts", ["many", 1e400, [3], {"n": 1}, -5],
                         ids=["text", "infinity", "list", "mapping", "negative"])
def test_an_attempts_count_of_the_wrong_kind_is_repaired_and_saving_goes_on(answers, attempts):
    answers_file(answers, {"q1": {"answer": "old", "attempts": attempts, "saved": 12}})
    assert load_answers()["q1"]["answer"] == "old"
    assert load_answers()["q1"]["attempts"] == 0
    assert save_answer("q1", "new").entry["attempts"] == 1
    assert load_answers()["q1"]["answer"] == "new"


@pytest.mark.parametrize("content", ["[]", '"text"', json.dumps({"format": FORMAT, "answers": []}),
                                     json.dumps({"format": FORMAT, "answers": {"q": 5}})],
                         ids=["list", "string", "answers-as-list", "entry-not-a-mapping"])
def test_valid_json_in_the_wrong_shape_is_moved_aside_with_a_warning(answers, content):
    answers.mkdir(parents=True, exist_ok=True)
    responses_file().write_text(content, encoding="utf-8")
    saved = save_answer("q1", "mine")
    assert saved.moved_aside is not None and "moved aside" in saved.notices[0]
    assert load_answers()["q1"]["answer"] == "mine"
    assert [p.read_text(encoding="utf-8") for p in answers.glob("me.damaged-*.json")] == [content]


def test_a_file_with_a_byte_order_mark_is_read_as_it_is(answers):
    path = answers_file(answers, {"q1": {"answer": "kept", "attempts": 2}})
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_answers().moved_aside is None
    assert load_answers()["q1"]["answer"] == "kept"
    saved = save_answer("q1", "again")
    assert saved.entry["attempts"] == 3 and saved.moved_aside is None


def test_a_lone_surrogate_is_saved_and_read_back(answers):
    answers.mkdir(parents=True, exist_ok=True)
    responses_file().write_text(raw_file('"q0": {"answer": "\\ud800"}'), encoding="utf-8")
    save_answer("q1", "half a pair: \udc00")
    saved = load_answers()
    assert saved["q0"]["answer"] == "\ud800"
    assert saved["q1"]["answer"] == "half a pair: \udc00"


def test_numbers_of_thousands_of_digits_do_not_stop_the_lesson(answers):
    answers.mkdir(parents=True, exist_ok=True)
    digits = "9" * 5000
    responses_file().write_text(raw_file(f'"q1": {{"answer": {digits}, "attempts": {digits}}}'),
                                encoding="utf-8")
    assert load_answers()["q1"]["attempts"] == 0
    assert save_answer("q2", "next").entry["attempts"] == 1
    assert set(load_answers()) == {"q1", "q2"}


def test_absurdly_deep_nesting_is_moved_aside(answers):
    answers.mkdir(parents=True, exist_ok=True)
    content = raw_file('"q1": {"answer": ' + "[" * 100_000 + "]" * 100_000 + "}")
    responses_file().write_text(content, encoding="utf-8")
    loaded = read_answers()
    assert loaded.answers == {} and loaded.moved_aside is not None
    assert save_answer("q1", "fresh").entry["attempts"] == 1


# --------------------------------------------------------------------------- names and files


@pytest.mark.parametrize("one, other", [("a" * 64, "a" * 65), ("a" * 70 + "x", "a" * 70 + "y"),
                                        ("$(id)", "id"), ("Ana María", "Ana_María"),
                                        ("con", "_con"), ("x-0123456789ab", "x")],
                         ids=["64-and-65", "long-same-start", "shell", "space", "reserved",
                              "looks-hashed"])
def test_learner_names_that_differ_never_share_a_file(answers, one, other):
    assert responses_file(one) != responses_file(other)
    save_answer("q1", "by one", learner=one)
    save_answer("q1", "by the other", learner=other)
    assert load_answers(one)["q1"]["answer"] == "by one"
    assert load_answers(other)["q1"]["answer"] == "by the other"
    assert len(list(answers.glob("*.json"))) == 2


def test_exports_of_different_learners_never_share_a_file(answers):
    save_answer("q1", "mine", learner="$(id)")
    save_answer("q1", "theirs", learner="id")
    for who in ("$(id)", "id"):
        download_my_work(who).button.click()
        portfolio_button(who).button.click()
    assert len(list(answers.glob("*-my-work.html"))) == 2
    assert len(list(answers.glob("*-portfolio.html"))) == 2


def test_a_simple_name_keeps_its_readable_file_name(answers):
    assert responses_file("Ana").name == "Ana.json"
    assert responses_file(None).name == "me.json"
    assert responses_file("Ana María").name.startswith("Ana_María-")


def old_scheme_file(answers, stem: str, learner: str, answer: str):
    """An answers file saved under the old name scheme (``<safe name>.json``)."""
    answers.mkdir(parents=True, exist_ok=True)
    old = answers / f"{stem}.json"
    old.write_text(json.dumps({"format": FORMAT, "learner": learner,
                               "answers": {"q1": {"answer": answer, "attempts": 1}}}),
                   encoding="utf-8")
    return old


def test_a_file_saved_under_the_old_name_is_found_and_moved_to_the_new_one(answers):
    old = old_scheme_file(answers, "Ana_María", "Ana María", "before")
    assert load_answers("Ana María")["q1"]["answer"] == "before"
    assert save_answer("q1", "after", learner="Ana María").entry["attempts"] == 2
    assert not old.exists() and responses_file("Ana María").exists()


def test_an_old_file_of_another_learner_is_left_where_it_is(answers):
    old_scheme_file(answers, "id", "id", "id's")
    assert load_answers("$(id)") == {}
    assert load_answers("id")["q1"]["answer"] == "id's"


# --------------------------------------------------------------------------- the widgets


@pytest.mark.parametrize("ex_type, stale", [("order", 5), ("order", "first"), ("match", "text"),
                                            ("match", [1, 2]), ("choice", ["a list"]),
                                            ("tag", {"a": 1})])
def test_a_saved_answer_that_no_longer_fits_shows_the_exercise_empty_with_a_notice(
        answers, ex_type, stale):
    found = [b for b in exercise_section("00_start_here").exercises if b.exercise.type == ex_type]
    ex = found[0].exercise if found else Exercise(
        "t1", "tag", "Which device?", quote="The Russians also did not have continuous "
        "successes", device="historical analogy")
    fresh = ExerciseBox(ex)
    box = ExerciseBox(ex, saved={"answer": stale, "attempts": 1, "saved": "yesterday"})
    assert "the question has changed" in box.feedback.value
    assert box.value == fresh.value


@pytest.fixture
def unwritable(tmp_path, monkeypatch):
    """An answers folder that cannot be created: its parent is a file (as a read-only disk)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_RESPONSES", str(blocker / "responses"))
    return blocker


def test_reveal_the_source_says_when_the_predictions_cannot_be_saved(doc, unwritable):
    board = prediction_board(doc)
    *_pickers, clues, reveal, result = board.children
    clues.value = "the word Comrade"
    reveal.click()
    assert "could not be saved" in result.value and "role='alert'" in result.value
    assert result.value.count("could not be saved") == 1
    assert "Your predictions are saved" not in result.value
    assert "Your predictions beside the source" in result.value  # the reveal still happens


def test_every_other_button_that_saves_says_when_it_cannot(answers, unwritable):
    section = exercise_section("00_start_here")
    box = section.exercises[0]
    box.choice.value = box.exercise.options[0]
    box.submit.click()
    assert "could not be saved" in box.feedback.value

    name = learner_box()
    name.name.value = "Ana"
    assert "could not be saved" in name.status.value

    work = download_my_work("Ana")
    work.button.click()
    assert "could not be written" in work.output.value

    portfolio = portfolio_button("Ana")
    portfolio.button.click()
    assert "could not be written" in portfolio.output.value

    tagging = tagging_exercise(learner="Ana")
    tagging.sentence.value = tagging.sentence.options[1][1]
    tagging.device.value = tagging.device.options[1][1]
    tagging.compare_button.click()
    assert "could not be saved" in "".join(
        c.value for c in tagging.children if hasattr(c, "value") and isinstance(c.value, str))
    argument = cer_builder(learner="Ana")
    argument.claim.value = "Moscow advised Kim closely."
    argument.save_button.click()
    assert "could not be saved" in argument.status.value
    assert responses.current_learner() == "me"


def _shown(box) -> str:
    """Every piece of HTML text a box shows, its children's included."""
    out = [box.value] if isinstance(getattr(box, "value", None), str) else []
    for child in getattr(box, "children", ()):
        out.append(_shown(child))
    return " ".join(out)


def _damage(answers) -> None:
    answers.mkdir(parents=True, exist_ok=True)
    responses_file().write_text("{ half a file", encoding="utf-8")


@pytest.mark.parametrize("screen", ["one exercise", "a section", "the predictions",
                                    "the tagging", "the argument"])
def test_every_screen_that_opens_a_damaged_answers_file_says_it_was_moved_aside(
        answers, doc, screen):
    first = lesson_exercises("00_start_here")[0][0]
    _damage(answers)
    opened = {"one exercise": lambda: exercise_widget(first),
              "a section": lambda: exercise_section("00_start_here"),
              "the predictions": lambda: prediction_board(doc),
              "the tagging": lambda: tagging_exercise(learner="me"),
              "the argument": lambda: cer_builder(learner="me")}[screen]()
    text = _shown(opened)
    assert "moved aside" in text and "nothing is lost" in text
    assert len(list(answers.glob("me.damaged-*.json"))) == 1


@pytest.mark.parametrize("button", ["Download my work", "Download my portfolio"])
def test_an_export_from_a_damaged_answers_file_says_it_was_moved_aside(answers, button):
    _damage(answers)
    box = download_my_work("me") if button == "Download my work" else portfolio_button("me")
    box.button.click()
    assert "moved aside" in box.output.value and "saved" in box.output.value.lower()
    assert len(list(answers.glob("me.damaged-*.json"))) == 1
