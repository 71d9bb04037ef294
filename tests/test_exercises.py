"""The exercise bank as an instructor edits it and a learner is marked by it."""

from __future__ import annotations

import shutil
import textwrap

import pytest
import yaml

from primary_source import paths
from primary_source.exercises import (
    ANSWER_FIELDS,
    ASSESSED_FEEDBACK,
    Exercise,
    ExerciseFormatError,
    Problem,
    check_answer,
    exercises_for,
    load_bank,
    strip_answers,
    validate,
)

CATALOGUE = """\
devices:
  - name: historical analogy
    definition: Comparing the present with a past event to make a point.
  - name: flattery
    definition: Praise meant to win the reader over.
"""

BROKEN = """\
title: Broken on purpose
exercises:
  - id: b-unknown-type
    type: essay
    prompt: Write an essay.
  - id: b-no-prompt
    type: choice
    options: [a, b]
    answer: a
  - id: ""
    type: choice
    prompt: Empty id.
    options: [a, b]
    answer: a
  - id: b-answer-not-option
    type: choice
    prompt: Who signed?
    options: [Stalin, Kim Il Sung]
    answer: Lenin
  - id: b-multi-bad
    type: multi
    prompt: Choose.
    options: [a, b, c]
    answers: [a, z]
  - id: b-order-repeat
    type: order
    prompt: Order these.
    items: [first, second, first]
  - id: b-match-repeat
    type: match
    prompt: Match.
    pairs:
      - [APRF, Presidential archive]
      - [APRF, Foreign-policy archive]
  - id: b-duplicate-key
    type: choice
    prompt: Twice.
    prompt: Twice again.
    options: [a, b]
    answer: a
  - id: b-tag-quote
    type: tag
    prompt: Which device?
    quote: words that never appear in the telegram
    device: historical analogy
  - id: b-tag-device
    type: tag
    prompt: Which device?
    quote: In such a war continuous successes do not occur.
    device: sarcasm
  - id: b-options-string
    type: choice
    prompt: Options given as one string.
    options: just one string
    answer: a
  - id: b-options-nested
    type: choice
    prompt: Options with a list inside.
    options: [a, [b, c]]
    answer: a
  - id: b-points
    type: choice
    prompt: Points below zero.
    options: [a, b]
    answer: a
    points: -2
  - id: b-typo
    type: choice
    prompt: A typo in a field name.
    options: [a, b]
    anwser: a
  - id: shared-id
    type: text
    prompt: The same id as in the other file.
    model_answer: Anything.
"""

OTHER = """\
exercises:
  - id: shared-id
    type: choice
    prompt: A second exercise with the same id.
    options: [yes, no]
    answer: "yes"
"""


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing ``needle``."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A private data folder with the real telegram and a small rhetoric catalogue."""
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir() / "documents", data / "documents")
    (data / "exercises").mkdir()
    (data / "rhetoric.yaml").write_text(CATALOGUE, encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    return data


@pytest.fixture
def broken_bank(data_dir):
    folder = data_dir / "exercises"
    (folder / "10_broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "11_other.yaml").write_text(OTHER, encoding="utf-8")
    (folder / "12_syntax.yaml").write_text('exercises:\n  - id: x\n    prompt: "never closed\n'
                                           "    type: text\n", encoding="utf-8")
    (folder / "13_list.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (folder / "14_no_exercises.yaml").write_text("title: Nothing here\n", encoding="utf-8")
    return folder


def find(problems, file_end, field, line=None):
    found = [p for p in problems if p.file.endswith(file_end) and p.field == field
             and (line is None or p.line == line)]
    assert found, f"no problem for {file_end}:{line}: {field} in:\n" + "\n".join(map(str, problems))
    return found[0]


# --------------------------------------------------------------------------- the shipped bank


def test_the_shipped_bank_is_valid():
    assert validate() == []
    bank = load_bank()
    assert len(bank) >= 4


def test_start_here_has_exercises_in_both_sections_in_yaml_order():
    everything = exercises_for("00_start_here")
    assert len(everything) >= 4
    assert {e.section for e in everything} == {"first-reading", "observe"}
    raw = yaml.safe_load(paths.exercise_path("00_start_here").read_text(encoding="utf-8"))
    assert [e.id for e in everything] == [e["id"] for e in raw["exercises"]]
    observe = exercises_for("00_start_here", "observe")
    assert observe and all(e.section == "observe" for e in observe)
    assert exercises_for("00_start_here.ipynb", "first-reading")[0].section == "first-reading"


# --------------------------------------------------------------------------- validation


def test_a_broken_bank_reports_every_problem_at_once_with_file_line_and_field(broken_bank):
    problems = validate([broken_bank])
    text = BROKEN

    p = find(problems, "10_broken.yaml", "type", line_of(text, "type: essay"))
    assert "essay" in p.message
    find(problems, "10_broken.yaml", "prompt", line_of(text, "id: b-no-prompt"))
    find(problems, "10_broken.yaml", "id", line_of(text, 'id: ""'))
    p = find(problems, "10_broken.yaml", "answer", line_of(text, "answer: Lenin"))
    assert "Lenin" in p.message and "options" in p.message
    p = find(problems, "10_broken.yaml", "answers", line_of(text, "answers: [a, z]"))
    assert "'z'" in p.message
    p = find(problems, "10_broken.yaml", "items", line_of(text, "items: [first, second, first]"))
    assert "more than once" in p.message
    p = find(problems, "10_broken.yaml", "pairs", line_of(text, "[APRF, Foreign-policy"))
    assert "APRF" in p.message
    p = find(problems, "10_broken.yaml", "prompt", line_of(text, "prompt: Twice again."))
    assert "duplicate key" in p.message
    p = find(problems, "10_broken.yaml", "quote", line_of(text, "quote: words that never"))
    assert "not found" in p.message
    p = find(problems, "10_broken.yaml", "device", line_of(text, "device: sarcasm"))
    assert "catalogue" in p.message
    p = find(problems, "10_broken.yaml", "options", line_of(text, "options: just one string"))
    assert "list" in p.message
    find(problems, "10_broken.yaml", "options[1]", line_of(text, "options: [a, [b, c]]"))
    p = find(problems, "10_broken.yaml", "points", line_of(text, "points: -2"))
    assert "positive number" in p.message
    p = find(problems, "10_broken.yaml", "anwser", line_of(text, "anwser: a"))
    assert "did you mean 'answer'" in p.message
    p = find(problems, "11_other.yaml", "id", line_of(OTHER, "id: shared-id"))
    assert "duplicate id" in p.message and "10_broken.yaml" in p.message

    p = find(problems, "12_syntax.yaml", "yaml")
    assert p.line in (3, 4, 5) and "syntax" in p.message
    p = find(problems, "13_list.yaml", "exercises", 1)
    assert "mapping" in p.message
    p = find(problems, "14_no_exercises.yaml", "exercises", 1)
    assert "exercises" in p.message


def test_the_valid_exercises_of_a_broken_file_are_not_reported(broken_bank):
    problems = validate([broken_bank / "10_broken.yaml"])
    assert not [p for p in problems if p.line == line_of(BROKEN, "id: shared-id")]


def test_a_problem_reads_as_path_line_field_message():
    p = Problem("data/exercises/01_provenance.yaml", 12, "answer", "'Lenin' is not one of the options")
    assert str(p) == "data/exercises/01_provenance.yaml:12: answer: 'Lenin' is not one of the options"


def test_load_bank_raises_with_the_whole_problem_list(broken_bank):
    with pytest.raises(ExerciseFormatError) as info:
        load_bank([broken_bank])
    assert len(info.value.problems) >= 15
    assert "10_broken.yaml" in str(info.value)


def test_tag_exercises_without_a_catalogue_say_the_catalogue_is_missing(data_dir):
    (data_dir / "rhetoric.yaml").unlink()
    f = data_dir / "exercises" / "20_tag.yaml"
    f.write_text(textwrap.dedent("""\
        exercises:
          - id: t1
            type: tag
            prompt: Which device?
            quote: In such a war continuous successes do not occur.
            device: historical analogy
        """), encoding="utf-8")
    problems = validate([f])
    assert len(problems) == 1
    assert problems[0].field == "device" and "missing" in problems[0].message
    assert "rhetoric" in problems[0].message


def test_a_tag_quote_found_in_the_document_and_a_catalogue_device_are_valid(data_dir):
    f = data_dir / "exercises" / "20_tag.yaml"
    f.write_text(textwrap.dedent("""\
        exercises:
          - id: t1
            type: tag
            prompt: Which device?
            quote: "The position of the Russians during the Anglo-French-American intervention"
            device: Historical analogy
        """), encoding="utf-8")
    assert validate([f]) == []


def test_yes_no_and_numbers_stay_text_as_written(data_dir):
    f = data_dir / "exercises" / "30_plain.yaml"
    f.write_text(textwrap.dedent("""\
        exercises:
          - id: p1
            type: choice
            prompt: Was it sent in 1950?
            options: [Yes, No, 1950]
            answer: Yes
        """), encoding="utf-8")
    bank = load_bank([f])
    assert bank.get("p1").options == ["Yes", "No", "1950"]
    assert check_answer(bank.get("p1"), "Yes").correct is True


def test_a_match_may_sort_several_items_into_the_same_group(data_dir):
    f = data_dir / "exercises" / "31_sort.yaml"
    f.write_text(textwrap.dedent("""\
        exercises:
          - id: s1
            type: match
            prompt: Before or after the telegram?
            pairs:
              - [Inchon landing, after]
              - [Outbreak of the war, before]
              - [Chinese entry into the war, after]
        """), encoding="utf-8")
    ex = load_bank([f]).get("s1")
    assert ex.right_choices() == ["after", "before"]
    stripped = strip_answers(yaml.safe_load(f.read_text(encoding="utf-8")))
    assert sorted(stripped["exercises"][0]["right"]) == ["after", "before"]


# --------------------------------------------------------------------------- answers


def choice():
    return Exercise("c", "choice", "Who signed the telegram?", options=["Feng Xi", "Kim Il Sung"],
                    answer="Feng Xi", hint="Look at the end.",
                    feedback={"Kim Il Sung": "He is the one who receives it."})


def test_a_right_choice_is_correct_and_a_wrong_one_gets_its_feedback_and_the_hint():
    right = check_answer(choice(), "Feng Xi")
    assert right.correct is True and right.score == 1 and right.hint is None
    wrong = check_answer(choice(), "Kim Il Sung")
    assert wrong.correct is False and wrong.score == 0
    assert "He is the one who receives it." in wrong.feedback
    assert wrong.hint == "Look at the end."


def test_multi_gives_partial_credit():
    ex = Exercise("m", "multi", "?", options=["a", "b", "c", "d"], answers=["a", "b"], points=2)
    assert check_answer(ex, ["a", "b"]).correct is True
    half = check_answer(ex, ["a"])
    assert half.correct is False and half.score == pytest.approx(1.0)
    assert "1 of 2" in half.feedback
    assert check_answer(ex, ["a", "c"]).score == 0
    assert check_answer(ex, ["c", "d"]).score == 0


def test_the_checker_gives_its_verdict_apart_from_the_detail_a_widget_shows():
    right, wrong = check_answer(choice(), "Feng Xi"), check_answer(choice(), "Kim Il Sung")
    assert (right.verdict, right.feedback, right.detail) == ("correct", "Correct.", "")
    assert wrong.verdict == "not yet" and wrong.detail == "He is the one who receives it."
    assert wrong.feedback == "Not quite. He is the one who receives it."
    ex = Exercise("m", "multi", "?", options=["a", "b", "c"], answers=["a", "b"])
    half = check_answer(ex, ["a"])
    assert half.verdict == "partly right" and half.detail == "You found 1 of 2 right options."
    assert half.feedback == "Partly right. You found 1 of 2 right options."
    tag = Exercise("t", "tag", "?", quote="q", device="flattery")
    assert check_answer(tag, "flattery").detail == "this passage is an example of flattery."
    assert check_answer(choice(), "").verdict == "empty"
    text = Exercise("x", "text", "Why?", model_answer="Because.")
    assert check_answer(text, "").verdict == "empty"
    assert check_answer(text, "word " * 20).verdict == "not marked"


def test_order_gives_credit_by_position():
    ex = Exercise("o", "order", "?", items=["one", "two", "three", "four"])
    assert check_answer(ex, ["one", "two", "three", "four"]).correct is True
    partial = check_answer(ex, ["one", "two", "four", "three"])
    assert partial.correct is False and partial.score == pytest.approx(0.5)
    assert "2 of 4" in partial.feedback
    assert ex.shuffled_items() != ex.items and sorted(ex.shuffled_items()) == sorted(ex.items)


def test_match_gives_credit_by_pair():
    ex = Exercise("x", "match", "?", pairs=[("APRF", "Presidential"), ("AVPRF", "Foreign policy"),
                                            ("RGASPI", "Party")])
    ex.left, ex.right = [a for a, _ in ex.pairs], [b for _, b in ex.pairs]
    full = {"APRF": "Presidential", "AVPRF": "Foreign policy", "RGASPI": "Party"}
    assert check_answer(ex, full).correct is True
    one = check_answer(ex, {"APRF": "Presidential", "AVPRF": "Party", "RGASPI": "Foreign policy"})
    assert one.score == pytest.approx(1 / 3, abs=1e-3)


def test_tag_compares_the_chosen_device_with_the_key():
    ex = Exercise("t", "tag", "?", quote="q", device="historical analogy")
    assert check_answer(ex, "Historical analogy").correct is True
    assert check_answer(ex, "flattery").correct is False


LONG_ANSWER = ("The pseudonym Feng Xi surprised me, because the author hides his own name "
               "from the very man he is helping in the war.")


def test_free_text_is_never_marked_but_shows_the_model_answer_and_a_self_check():
    ex = Exercise("t", "text", "What surprised you?", model_answer="The pseudonym.",
                  rubric=["I named a detail.", "I asked a question."],
                  keywords=["pseudonym", "air force"])
    result = check_answer(ex, LONG_ANSWER)
    assert result.correct is None and result.score == 0
    assert result.model_answer == "The pseudonym."
    assert result.self_check == ["I named a detail.", "I asked a question."]
    assert "You might also consider: air force." in result.feedback
    assert "pseudonym," not in result.feedback


@pytest.mark.parametrize("answer", ["idk", "The pseudonym surprised me.", "air force " * 7])
def test_a_short_free_text_answer_gives_away_neither_the_model_answer_nor_the_keywords(answer):
    ex = Exercise("t", "text", "What surprised you?", model_answer="The pseudonym.",
                  rubric=["I named a detail."], keywords=["pseudonym", "air force"])
    result = check_answer(ex, answer)
    assert result.model_answer is None and result.self_check == []
    assert "consider" not in result.feedback and "air force," not in result.feedback
    assert "at least 15 words" in result.feedback


def test_the_instructor_sets_the_length_and_can_switch_the_model_answer_off():
    ex = Exercise("t", "text", "Why?", model_answer="Because.", rubric=["A reason."],
                  model_answer_after_words=3)
    assert check_answer(ex, "Because he hid.").model_answer == "Because."
    ex.show_model_answer = False
    result = check_answer(ex, LONG_ANSWER)
    assert result.model_answer is None and result.self_check == ["A reason."]
    assert "model answer" not in result.feedback


def test_the_length_and_the_switch_are_read_from_the_bank_and_checked(data_dir):
    text = textwrap.dedent("""\
        model_answer_after_words: 5
        exercises:
          - id: t-default
            type: text
            prompt: Why?
            model_answer: Because.
          - id: t-own
            type: text
            prompt: Why?
            model_answer: Because.
            model_answer_after_words: 30
            show_model_answer: false
          - id: t-bad
            type: text
            prompt: Why?
            model_answer: Because.
            model_answer_after_words: many
            show_model_answer: maybe
        """)
    path = data_dir / "exercises" / "20_text.yaml"
    path.write_text(text, encoding="utf-8")
    problems = validate(path)
    assert {(p.line, p.field) for p in problems} == {
        (line_of(text, "words: many"), "model_answer_after_words"),
        (line_of(text, "maybe"), "show_model_answer")}
    good = text[:text.index("  - id: t-bad")]
    path.write_text(good, encoding="utf-8")
    first, own = load_bank(path).exercises
    assert (first.model_answer_after_words, first.show_model_answer) == (5, True)
    assert (own.model_answer_after_words, own.show_model_answer) == (30, False)


def test_an_assessed_exercise_is_left_for_the_teacher():
    ex = choice()
    ex.assessed = True
    result = check_answer(ex, "Feng Xi")
    assert result.correct is None and result.feedback == ASSESSED_FEEDBACK


# --------------------------------------------------------------------------- student build


def test_strip_answers_leaves_no_answer_and_a_bank_that_still_loads(tmp_path):
    raw = yaml.safe_load(paths.exercise_path("00_start_here").read_text(encoding="utf-8"))
    stripped = strip_answers(raw)
    assert stripped["assessed"] is True
    for ex in stripped["exercises"]:
        assert not set(ex) & set(ANSWER_FIELDS), ex["id"]
    order = [e for e in stripped["exercises"] if e["type"] == "order"]
    original = [e for e in raw["exercises"] if e["type"] == "order"]
    assert order[0]["items"] != original[0]["items"]
    f = tmp_path / "00_start_here.yaml"
    f.write_text(yaml.safe_dump(stripped, allow_unicode=True), encoding="utf-8")
    bank = load_bank([f])
    assert len(bank) == len(raw["exercises"]) and all(e.assessed for e in bank)
    match = [e for e in bank if e.type == "match"][0]
    pairs = [e for e in raw["exercises"] if e["type"] == "match"][0]["pairs"]
    assert match.left == [p[0] for p in pairs]
    assert set(match.right) == {p[1] for p in pairs}
