"""The exercise widgets as a learner uses them: answer, submit, hint, come back later."""

from __future__ import annotations

import shutil

import pytest
import yaml

from primary_source import paths
from primary_source.exercises import ASSESSED_FEEDBACK, Exercise, exercises_for, strip_answers
from primary_source.responses import load_answers, responses_file, save_answer
from primary_source.ui.exercises import ExerciseBox, exercise_section
from primary_source.ui.learner import download_my_work, learner_banner, learner_box

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> مرحبا שלום 🤔"


@pytest.fixture
def section(answers):
    return exercise_section("00_start_here")


def box_of(section, exercise_type):
    return [b for b in section.exercises if b.exercise.type == exercise_type][0]


def test_a_section_shows_every_exercise_of_the_notebook_in_yaml_order(answers):
    whole = exercise_section("00_start_here")
    assert [b.exercise.id for b in whole.exercises] == [e.id for e in exercises_for("00_start_here")]
    observe = exercise_section("00_start_here", "observe")
    assert observe.exercises and all(b.exercise.section == "observe" for b in observe.exercises)
    for box in whole.exercises:
        assert box.submit.description == "Submit" and box.hint_button.description == "Hint"
        assert box.exercise.prompt.split()[0] in box.prompt.value


def test_a_wrong_choice_gets_feedback_and_a_hint_then_a_right_one_is_correct(section):
    box = section.exercises[0]
    ex = box.exercise
    wrong = [o for o in ex.options if o != ex.answer][0]
    box.choice.value = wrong
    box.submit.click()
    assert "Not yet" in box.feedback.value
    assert "Hint" in box.hint.value
    assert box.attempts_label.value == "Attempts: 1"
    box.choice.value = ex.answer
    box.submit.click()
    assert "Correct" in box.feedback.value
    assert box.attempts_label.value == "Attempts: 2"
    assert load_answers()[ex.id]["answer"] == ex.answer


def test_the_hint_button_shows_the_hint(section):
    box = section.exercises[0]
    assert box.hint.value == ""
    box.hint_button.click()
    assert "Hint" in box.hint.value and box.exercise.hint.split()[0] in box.hint.value


def test_submitting_without_an_answer_asks_for_one_and_saves_nothing(section):
    box = section.exercises[0]
    box.submit.click()
    assert "Choose an answer first" in box.feedback.value
    assert box.attempts_label.value == "Attempts: 0"
    assert load_answers() == {}


def test_multi_gives_partial_credit_in_words(section):
    box = box_of(section, "multi")
    [c for c in box.checkboxes if c.description == box.exercise.answers[0]][0].value = True
    box.submit.click()
    assert "Partly right" in box.feedback.value
    for c in box.checkboxes:
        c.value = c.description in box.exercise.answers
    box.submit.click()
    assert "Correct" in box.feedback.value


REAL_ANSWER = ("The signature surprised me: the author hides his name behind a Chinese-sounding "
               "pseudonym, so he did not want the telegram traced back to him.")


def test_free_text_shows_the_model_answer_and_a_self_check_after_a_real_attempt(section):
    box = box_of(section, "text")
    box.model_button.click()
    assert "Write your own answer first" in box.model.value
    box.textarea.value = REAL_ANSWER
    box.submit.click()
    assert "Check your own answer" in box.self_check_box.children[0].value
    assert [c.description for c in box.self_check] == box.exercise.rubric
    assert "Correct" not in box.feedback.value and "Model answer" not in box.feedback.value
    box.model_button.click()  # on request only
    assert "Model answer" in box.model.value
    assert box.exercise.model_answer.split()[0] in box.model.value


def test_written_text_reaches_the_kernel_whole_when_the_student_leaves_the_box(section, doc):
    """Every box a student writes in before pressing a button sends its text on leaving it.

    Sent at each key press, the last keys can wait in the browser behind an unanswered
    update while the click on Submit or Save (which the browser never holds back) overtakes
    them: the answer would be checked and saved without its last words.
    """
    from primary_source.ui.first_reading import prediction_board
    from primary_source.ui.synthesis import cer_builder

    written = [box_of(section, "text").textarea]
    written += [c for c in prediction_board(doc).children if c.description == "Your clues"]
    builder = cer_builder()
    written += [builder.claim, builder.reasoning]
    assert len(written) == 4
    assert [t.continuous_update for t in written] == [False] * 4


@pytest.mark.parametrize("attempt", ["idk", "no idea really"])
def test_a_short_free_text_answer_reveals_neither_the_model_answer_nor_the_keywords(section,
                                                                                   attempt):
    box = box_of(section, "text")
    box.textarea.value = attempt
    box.submit.click()
    box.model_button.click()
    shown = box.feedback.value + box.model.value + box.hint.value
    assert "Model answer" not in shown and "consider" not in shown
    assert box.exercise.model_answer[:30] not in shown
    assert not any(k in shown for k in box.exercise.keywords if len(k) > 3)
    assert box.self_check_box.children == ()
    assert "at least 15 words" in box.feedback.value
    assert load_answers()[box.exercise.id]["answer"] == attempt  # the attempt itself is kept


def test_the_self_check_ticks_are_saved_with_the_answer_and_come_back(section):
    box = box_of(section, "text")
    box.textarea.value = REAL_ANSWER
    box.submit.click()
    box.self_check[0].value = True
    saved = load_answers()[box.exercise.id]
    assert saved["self_check"] == [box.exercise.rubric[0]] and saved["attempts"] == 1
    again = box_of(exercise_section("00_start_here"), "text")
    assert [c.value for c in again.self_check] == [True] + [False] * (len(again.self_check) - 1)
    again.model_button.click()
    assert "Model answer" in again.model.value


def test_an_instructor_can_switch_the_model_answer_off(answers):
    ex = Exercise("own", "text", "Why?", model_answer="Secret model.", rubric=["A reason."],
                  show_model_answer=False, model_answer_after_words=2)
    box = ExerciseBox(ex)
    assert box.model_button not in box.children[-5].children
    box.textarea.value = "Because he hid his name."
    box.submit.click()
    assert "Secret model" not in box.feedback.value + box.model.value
    assert [c.description for c in box.self_check] == ["A reason."]


def test_order_is_checked_by_position(section):
    box = box_of(section, "order")
    assert box.value != box.exercise.items
    first, second = box.value[:2]
    box.positions[0].value = second  # choosing an item swaps it with the one it replaces
    assert box.value[:2] == [second, first]
    assert sorted(box.value) == sorted(box.exercise.items)
    for d, item in zip(box.positions, box.exercise.items, strict=True):
        d.value = item
    box.submit.click()
    assert "Correct" in box.feedback.value


def test_match_has_a_dropdown_per_left_item(section):
    box = box_of(section, "match")
    assert set(box.matches) == set(box.exercise.left)
    box.submit.click()
    assert "Choose a match for every item" in box.feedback.value
    for left, right in box.exercise.pairs:
        box.matches[left].value = right
    box.submit.click()
    assert "Correct" in box.feedback.value


def test_tag_offers_the_devices_of_the_catalogue(tmp_path, monkeypatch, answers):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir() / "documents", data / "documents")
    (data / "rhetoric.yaml").write_text(
        "devices:\n  - {name: historical analogy, definition: A comparison with the past.}\n"
        "  - {name: flattery, definition: Praise to win someone over.}\n", encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    ex = Exercise("t1", "tag", "Which device is this?", quote="The Russians also did not have "
                  "continuous successes", device="historical analogy", hint="Think of 1919.")
    box = ExerciseBox(ex)
    assert [v for _label, v in box.device.options] == [None, "historical analogy", "flattery"]
    box.device.value = "flattery"
    assert "Praise to win someone over." in box.definition.value
    box.submit.click()
    assert "Not yet" in box.feedback.value and "Think of 1919." in box.hint.value
    box.device.value = "historical analogy"
    box.submit.click()
    assert "Correct" in box.feedback.value


def test_answers_are_shown_again_after_a_kernel_restart(answers):
    first = exercise_section("00_start_here")
    text = box_of(first, "text")
    text.textarea.value = "Why \"Feng Xi\"?"
    text.submit.click()
    order = box_of(first, "order")
    for d, item in zip(order.positions, order.exercise.items, strict=True):
        d.value = item
    order.submit.click()
    order.submit.click()
    match = box_of(first, "match")
    for left, right in match.exercise.pairs:
        match.matches[left].value = right
    match.submit.click()
    multi = box_of(first, "multi")
    multi.checkboxes[1].value = True
    multi.submit.click()

    again = exercise_section("00_start_here")  # a new widget, as after a restart
    assert box_of(again, "text").textarea.value == "Why \"Feng Xi\"?"
    assert box_of(again, "order").value == order.exercise.items
    assert box_of(again, "order").attempts_label.value == "Attempts: 2"
    assert box_of(again, "match").value == dict(match.exercise.pairs)
    assert [c.value for c in box_of(again, "multi").checkboxes] == \
        [c.value for c in multi.checkboxes]
    assert "saved answer" in box_of(again, "text").feedback.value


def test_hostile_text_is_saved_faithfully_and_escaped_in_the_widget(answers):
    first = exercise_section("00_start_here")
    box = box_of(first, "text")
    box.textarea.value = HOSTILE
    box.submit.click()
    assert load_answers()[box.exercise.id]["answer"] == HOSTILE
    again = box_of(exercise_section("00_start_here"), "text")
    assert again.textarea.value == HOSTILE
    for b in (box, again):
        for w in (b.feedback, b.hint, b.prompt):
            assert "<script" not in w.value and "<img" not in w.value


def test_hostile_prompts_and_options_are_escaped(answers):
    ex = Exercise("h", "choice", HOSTILE, options=[HOSTILE, "<b>bold</b>"], answer="<b>bold</b>",
                  hint="<img src=x onerror=alert(2)>", feedback={HOSTILE: "<script>x</script>"})
    box = ExerciseBox(ex)
    assert "&lt;script&gt;" in box.prompt.value and "<script" not in box.prompt.value
    box.choice.value = HOSTILE
    box.submit.click()
    for w in (box.feedback, box.hint, box.prompt):
        assert "<script" not in w.value and "<img" not in w.value and "<b>bold" not in w.value
    assert "&lt;img src=x onerror=alert(2)&gt;" in box.hint.value


def test_a_damaged_answers_file_is_reported_in_the_widget(answers):
    answers.mkdir()
    responses_file("me").write_text("{ damaged", encoding="utf-8")
    shown = exercise_section("00_start_here")
    assert "Warning" in shown.warning.value and "moved aside" in shown.warning.value
    assert list(answers.glob("me.damaged-*.json"))


def test_a_damaged_file_found_on_submit_is_reported_in_the_feedback(answers):
    shown = exercise_section("00_start_here")
    answers.mkdir(exist_ok=True)
    responses_file("me").write_text("[]", encoding="utf-8")
    box = shown.exercises[0]
    box.choice.value = box.exercise.answer
    box.submit.click()
    assert "moved aside" in box.feedback.value and "Correct" in box.feedback.value


def test_an_assessed_bank_says_the_teacher_will_give_feedback(tmp_path, monkeypatch, answers):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir() / "documents", data / "documents")
    (data / "exercises").mkdir()
    raw = yaml.safe_load(paths.exercise_path("00_start_here").read_text(encoding="utf-8"))
    (data / "exercises" / "00_start_here.yaml").write_text(
        yaml.safe_dump(strip_answers(raw), allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    shown = exercise_section("00_start_here")
    box = shown.exercises[0]
    box.choice.value = box.exercise.options[0]
    box.submit.click()
    assert ASSESSED_FEEDBACK in box.feedback.value
    assert "Correct" not in box.feedback.value and "Not yet" not in box.feedback.value
    text = box_of(shown, "text")
    assert text.model_button not in text.children[-5].children
    text.textarea.value = "My own words."
    text.submit.click()
    assert ASSESSED_FEEDBACK in text.feedback.value and "Model answer" not in text.feedback.value


def test_a_broken_exercise_file_is_shown_as_problems_not_a_crash(tmp_path, monkeypatch, answers):
    data = tmp_path / "data"
    (data / "exercises").mkdir(parents=True)
    (data / "exercises" / "09_broken.yaml").write_text(
        "exercises:\n  - id: x\n    type: choice\n    prompt: <b>?</b>\n    options: [a, b]\n"
        "    answer: c\n", encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    shown = exercise_section("09_broken")
    assert shown.exercises == []
    assert "09_broken.yaml:6: answer" in shown.warning.value


# --------------------------------------------------------------------------- the learner


def test_the_learner_is_asked_once_and_remembered(answers):
    box = learner_box()
    assert box.name.value == "me"
    box.name.value = "Ana <b>"
    assert "Ana &lt;b&gt;" in box.status.value and "<b>Ana" not in box.status.value
    again = learner_box()  # the next notebook, or after a restart
    assert again.name.value == "Ana <b>"
    shown = exercise_section("00_start_here")
    b = shown.exercises[0]
    b.choice.value = b.exercise.answer
    b.submit.click()
    assert load_answers("Ana <b>")[b.exercise.id]["answer"] == b.exercise.answer


def test_download_my_work_writes_html_and_csv_and_shows_where(answers):
    save_answer("start-what-surprised-you", HOSTILE, notebook="00_start_here")
    box = download_my_work()
    box.button.click()
    page = answers / "me-my-work.html"
    table = answers / "me-my-work.csv"
    assert page.exists() and table.exists()
    assert "me-my-work.html" in box.output.value and "me-my-work.csv" in box.output.value
    html = page.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "مرحبا" in html and "🤔" in html


def test_every_lesson_says_who_is_saving_and_lets_another_learner_change_it(answers):
    banner = learner_banner()
    assert "Saving as <b" in banner.line.value and ">me</b>" in banner.line.value
    assert banner.change.description == "not you? change it here"
    assert banner.names.layout.display == "none"
    banner.change.click()
    assert banner.names.layout.display != "none"
    banner.names.name.value = "Ana <b>"
    assert "Ana &lt;b&gt;" in banner.line.value and "<b>Ana" not in banner.line.value
    assert "Ana &lt;b&gt;" in learner_banner().line.value  # the next lesson


# --------------------------------------------------------------------------- presentation mode


def test_presentation_mode_starts_blank_checks_answers_and_writes_nothing(answers, monkeypatch):
    shown = exercise_section("00_start_here")
    box = shown.exercises[0]
    box.choice.value = box.exercise.answer
    box.submit.click()
    learner_box().name.value = "Zyxwq"
    before = {p: p.read_bytes() for p in answers.rglob("*") if p.is_file()}
    monkeypatch.setenv("PRIMARY_SOURCE_PRESENT", "1")
    assert learner_box().name.value == "me", "the last learner's name is not projected"
    banner = learner_banner()
    assert "Presentation mode" in banner.line.value and "saves nothing" in banner.line.value
    projected = exercise_section("00_start_here")
    first = projected.exercises[0]
    assert first.choice.value is None and "saved answer" not in first.feedback.value
    first.choice.value = first.exercise.answer
    first.submit.click()
    first.submit.click()
    assert "Correct" in first.feedback.value and first.attempts_label.value == "Attempts: 2"
    text = box_of(projected, "text")
    text.textarea.value = REAL_ANSWER
    text.submit.click()
    text.self_check[0].value = True
    learner_box().name.value = "Projected Teacher"
    work = download_my_work()
    work.button.click()
    assert "Presentation mode" in work.output.value
    after = {p: p.read_bytes() for p in answers.rglob("*") if p.is_file()}
    assert after == before
