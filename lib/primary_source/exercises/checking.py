"""Check a learner's answer and say what to tell them; an answer as one line of text."""

from __future__ import annotations

from typing import Any

from primary_source.exercises.model import ASSESSED_FEEDBACK, Exercise, Result, same_key

__all__ = ["answer_text", "check_answer", "real_attempt"]


def answer_text(answer: Any) -> str:
    """A learner's answer as one line of text, for tables and exports.

    >>> answer_text(["b", "a"])
    'b; a'
    >>> answer_text({"APRF": "Presidential archive"})
    'APRF → Presidential archive'
    """
    if answer is None:
        return ""
    if isinstance(answer, dict):
        return "; ".join(f"{k} → {v}" for k, v in answer.items())
    if isinstance(answer, (list, tuple)):
        return "; ".join(answer_text(a) for a in answer)
    return str(answer)


def check_answer(exercise: Exercise, answer: Any) -> Result:
    """Check a learner's answer and say what to tell them.

    ``choice`` and ``tag`` take one string, ``multi`` and ``order`` a list of strings,
    ``match`` a dict from left item to right item, ``text`` a string (never auto-graded).

    >>> ex = Exercise("e", "choice", "Who signed?", options=["Stalin", "Kim"], answer="Stalin")
    >>> check_answer(ex, "Stalin").correct
    True
    """
    ex = exercise
    if ex.type == "text":
        return _check_text(ex, answer)
    if ex.assessed:
        return Result(None, 0.0, ASSESSED_FEEDBACK, hint=ex.hint)
    if answer is None or answer == "" or answer == [] or answer == {}:
        return Result(False, 0.0, "Choose an answer first, then press Submit.", hint=ex.hint,
                      verdict="empty", detail="Choose an answer first, then press Submit.")
    checker = {"choice": _check_choice, "multi": _check_multi, "order": _check_order,
               "match": _check_match, "tag": _check_tag}.get(ex.type)
    if checker is None:
        raise ValueError(f"unknown exercise type {ex.type!r}")
    fraction, head, detail = checker(ex, answer)
    fraction = max(0.0, min(1.0, fraction))
    correct = fraction >= 1.0
    verdict = "correct" if correct else ("partly right" if fraction > 0 else "not yet")
    return Result(correct, round(fraction * ex.points, 4), " ".join(filter(None, [head, detail])),
                  hint=None if correct else ex.hint, verdict=verdict, detail=detail)


# Each checker returns (fraction right, the verdict's words, the detail without them).


def _check_choice(ex: Exercise, answer: Any) -> tuple[float, str, str]:
    chosen = str(answer)
    right = ex.answer is not None and same_key(chosen) == same_key(ex.answer)
    own = ex.feedback.get(chosen) or ""
    if right:
        return 1.0, "Correct.", own
    return 0.0, "Not quite.", own or "Read the passage again and try once more."


def _check_multi(ex: Exercise, answer: Any) -> tuple[float, str, str]:
    chosen = [answer] if isinstance(answer, str) else list(answer)
    key = {same_key(a) for a in ex.answers}
    picked = {same_key(c) for c in chosen}
    hits = len(key & picked)
    wrong = len(picked - key)
    fraction = (hits - wrong) / len(key) if key else 0.0
    notes = [ex.feedback[c] for c in chosen if c in ex.feedback]
    if picked == key:
        head, said = "Correct:", "you chose all the right options and no others."
    else:
        parts = [f"You found {hits} of {len(key)} right option{'s' if len(key) != 1 else ''}"]
        if wrong:
            parts.append(f"{wrong} of your choices {'is' if wrong == 1 else 'are'} not right")
        head, said = "Partly right.", "; ".join(parts) + "."
        if hits == 0 and not wrong:
            head, said = "Not quite.", ""
    return fraction, head, " ".join(filter(None, [said, *notes]))


def _check_order(ex: Exercise, answer: Any) -> tuple[float, str, str]:
    given = list(answer)
    n = len(ex.items)
    right = sum(1 for i, item in enumerate(ex.items)
                if i < len(given) and same_key(given[i]) == same_key(item))
    if right == n:
        return 1.0, "Correct:", "everything is in the right order."
    return right / n, "", f"{right} of {n} items are in the right place. Move the others and try again."


def _check_match(ex: Exercise, answer: Any) -> tuple[float, str, str]:
    given = {same_key(k): same_key(v) for k, v in dict(answer).items() if v is not None}
    n = len(ex.pairs)
    right = sum(1 for a, b in ex.pairs if given.get(same_key(a)) == same_key(b))
    if right == n:
        return 1.0, "Correct:", "every pair matches."
    return right / n, "", f"{right} of {n} pairs match. Look again at the others."


def _check_tag(ex: Exercise, answer: Any) -> tuple[float, str, str]:
    chosen = str(answer)
    if ex.device is not None and same_key(chosen) == same_key(ex.device):
        return 1.0, "Correct:", f"this passage is an example of {ex.device}."
    return 0.0, "Not quite:", (f"{chosen} is not the best name for this passage. "
                               "Read the definitions of the devices again.")


def real_attempt(exercise: Exercise, answer: Any) -> bool:
    """Whether a free-text answer is long enough to be compared with the model answer.

    It needs the exercise's ``model_answer_after_words`` words (15 unless the bank says otherwise).

    >>> ex = Exercise("t", "text", "Why?", model_answer="Because.")
    >>> real_attempt(ex, "idk"), real_attempt(ex, "word " * 15)
    (False, True)
    """
    words = len(str(answer or "").split())
    return bool(words) and words >= exercise.model_answer_after_words


def _check_text(ex: Exercise, answer: Any) -> Result:
    text = "" if answer is None else str(answer)
    if ex.assessed:
        return Result(None, 0.0, ASSESSED_FEEDBACK, hint=ex.hint)
    if not text.strip():
        return Result(None, 0.0, "Write your answer in the box first, then press Submit.",
                      hint=ex.hint, model_answer=None, self_check=[], verdict="empty")
    if not real_attempt(ex, text):
        need = ex.model_answer_after_words
        words = len(text.split())
        return Result(None, 0.0, f"Your answer is saved. It has {words} word"
                      f"{'s' if words != 1 else ''}: write at least {need} words of your own "
                      "and press Submit again; then you can check it against the self-check "
                      + ("list and the model answer." if ex.show_model_answer and ex.model_answer
                         else "list."),
                      hint=ex.hint, model_answer=None, self_check=[])
    parts = ["Your answer is saved. Free text is not marked automatically: tick off the "
             "self-check list below"]
    parts[0] += (", then compare your answer with the model answer."
                 if ex.show_model_answer and ex.model_answer else ".")
    missing = [k for k in ex.keywords if same_key(k) not in same_key(text)]
    if missing:
        parts.append("You might also consider: " + ", ".join(missing) + ".")
    return Result(None, 0.0, " ".join(parts), hint=ex.hint,
                  model_answer=ex.model_answer if ex.show_model_answer else None,
                  self_check=list(ex.rubric))
