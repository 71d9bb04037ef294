"""Where the right answer stands: chance, not the bank's order, decides it for every learner."""

from __future__ import annotations

import math

import pytest

from primary_source.cli import main
from primary_source.exercises import Exercise, load_bank, strip_answers
from primary_source.ui.exercises import ExerciseBox, exercise_section

LEARNERS = ["Ana", "Ben", "Chloe", "Dmitri", "Layla", "Sam", "Zoë", "Kwame"]


@pytest.fixture(scope="module")
def lessons():
    return sorted({e.notebook for e in load_bank()})


def test_the_keyed_answer_stands_where_chance_puts_it_for_every_lesson_and_learner(
        lessons, tmp_path, monkeypatch):
    monkeypatch.setenv("PRIMARY_SOURCE_RESPONSES", str(tmp_path))
    first, expected, variance, seen = 0, 0.0, 0.0, {}
    for notebook in lessons:
        for learner in LEARNERS:
            for box in exercise_section(notebook, learner=learner).exercises:
                ex = box.exercise
                if ex.type == "choice":
                    shown = list(box.choice.options)
                    place = shown.index(ex.answer)
                elif ex.type == "multi":
                    shown = [c.description for c in box.checkboxes]
                    place = tuple(sorted(shown.index(a) for a in ex.answers))
                else:
                    continue
                assert sorted(shown) == sorted(ex.options)
                seen.setdefault(ex.id, set()).add(place)
                k = 1 if ex.type == "choice" else len(ex.answers)
                p = 1 / math.comb(len(ex.options), k)
                first += place in (0, tuple(range(k)))
                expected += p
                variance += p * (1 - p)
    assert seen, "no choice exercises found"
    # the answer's place changes from learner to learner in every exercise
    assert all(len(places) > 1 for places in seen.values()), seen
    # and the answer is on top about as often as chance would put it there
    assert abs(first - expected) <= 3 * math.sqrt(variance), (first, expected)


def test_each_learner_keeps_their_own_order_and_the_student_copy_shows_the_same(answers):
    ex = [e for e in load_bank() if e.type == "choice" and len(e.options) >= 3][0]
    orders = {name: list(ExerciseBox(ex, learner=name).choice.options) for name in LEARNERS}
    assert orders["Ana"] == list(ExerciseBox(ex, learner="Ana").choice.options)  # stable
    assert len({tuple(o) for o in orders.values()}) > 1
    copy = strip_answers({"exercises": [{"id": ex.id, "type": "choice", "prompt": ex.prompt,
                                         "options": ex.options, "answer": ex.answer}]})
    student = Exercise(ex.id, "choice", ex.prompt, options=copy["exercises"][0]["options"],
                       assessed=True)
    assert list(ExerciseBox(student, learner="Ana").choice.options) == orders["Ana"]


def test_the_student_copy_order_says_nothing_about_the_key():
    for items in (["1945", "1948", "1950"], ["1950", "1948", "1945"], ["1948", "1950", "1945"]):
        copy = strip_answers({"exercises": [
            {"id": "o", "type": "order", "prompt": "?", "items": items},
            {"id": "m", "type": "match", "prompt": "?",
             "pairs": [["Kim", items[0]], ["Stalin", items[1]], ["Mao", items[2]]]},
            {"id": "c", "type": "choice", "prompt": "?", "options": items, "answer": items[0]}]})
        order, match, choice = copy["exercises"]
        assert order["items"] == ["1945", "1948", "1950"]
        assert match["right"] == ["1945", "1948", "1950"]
        assert choice["options"] == ["1945", "1948", "1950"]


def _bank_file(folder, answers_first: bool):
    lines = ["exercises:"]
    for i in range(6):
        options = [f"the long and detailed right answer {i}", f"no {i}", f"nope {i}"]
        if not answers_first:
            options = options[i % 3:] + options[:i % 3]
            options = [options[0], options[1], options[2]]
        lines += [f"  - id: q{i}", "    type: choice", f"    prompt: Question {i}?",
                  "    options:", *[f"      - {o}" for o in options],
                  f"    answer: the long and detailed right answer {i}"]
    path = folder / "01_test.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_check_warns_when_the_answers_are_mostly_first_or_longest(tmp_path, capsys):
    path = _bank_file(tmp_path, answers_first=True)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "first option" in out and "longest option" in out
    assert "q0" in out and "q5" in out and "01_test.yaml" in out


def test_check_is_quiet_when_answers_stand_anywhere(tmp_path, capsys):
    path = tmp_path / "01_test.yaml"
    path.write_text("exercises:\n" + "".join(
        f"  - id: q{i}\n    type: choice\n    prompt: Question {i}?\n    options: "
        f"[{', '.join(repr(f'option {j}') for j in range(3))}]\n    answer: option {i % 3}\n"
        for i in range(6)), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "warning" not in capsys.readouterr().out


@pytest.mark.parametrize("field, values", [
    ("options", ["Kim Il Sung", "kim  il sung"]),
    ("options", ["Ｓｔａｌｉｎ", "Stalin"]),
    ("items", ["Stalin ", "Stalin"]),
])
def test_check_refuses_items_that_marking_cannot_tell_apart(tmp_path, capsys, field, values):
    body = {"options": "type: choice\n    answer: x\n", "items": "type: order\n"}[field]
    extra = ["x"] if field == "options" else []
    path = tmp_path / "01_test.yaml"
    path.write_text(f"exercises:\n  - id: q\n    prompt: Which?\n    {body}    {field}: "
                    f"{[*values, *extra]!r}\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert "appears more than once" in capsys.readouterr().out


def test_check_refuses_ids_that_differ_only_in_case(tmp_path, capsys):
    (tmp_path / "01_a.yaml").write_text(
        "exercises:\n  - {id: Q1, type: order, prompt: '?', items: [a, b]}\n", encoding="utf-8")
    (tmp_path / "01_b.yaml").write_text(
        "exercises:\n  - {id: q1, type: order, prompt: '?', items: [a, b]}\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    assert "duplicate id" in capsys.readouterr().out


@pytest.mark.parametrize("points", [".inf", ".nan", "-1", "0"])
def test_points_must_be_a_finite_positive_number(tmp_path, capsys, points):
    path = tmp_path / "01_test.yaml"
    path.write_text(f"exercises:\n  - {{id: q, type: order, prompt: '?', items: [a, b], "
                    f"points: {points}}}\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert "finite positive number" in capsys.readouterr().out
