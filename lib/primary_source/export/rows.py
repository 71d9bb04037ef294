"""The one row builder behind every export: a learner's saved answers as rows, in lesson order."""

from __future__ import annotations

from typing import Any

from primary_source.reading import PREDICTIONS

__all__ = ["bank_or_none", "result_words", "special_prompt", "answer_rows", "by_notebook"]


def bank_or_none():
    """Every valid exercise of the bank, or ``None`` (a mistake in one exercise hides only it).

    >>> bank_or_none().get("no-such-exercise") is None
    True
    """
    # lazy: primary_source.exercises costs ~20 ms at import (yaml ~8 ms more); ui.learner
    # loads this module in every lesson's first cell, and only Download my work reads the bank
    from primary_source.exercises import load_with_problems

    try:
        return load_with_problems(None)[0]
    except Exception:  # noqa: BLE001 - exports work without prompts
        return None


def result_words(row: dict[str, Any]) -> str:
    """How a saved result reads to the learner.

    >>> result_words({"correct": True}), result_words({"correct": False, "score": 0.5})
    ('correct', 'partly right (0.5 points)')
    >>> result_words({"correct": None})
    'for your teacher to read'
    """
    if row.get("correct") is True:
        return "correct"
    if row.get("correct") is False:
        score = row.get("score")
        return f"partly right ({score:g} points)" if score else "not yet right"
    return "for your teacher to read"


def special_prompt(ex_id: str) -> str | None:
    """The question behind an answer saved by a lesson widget rather than by the bank.

    >>> special_prompt("rhetoric-tag-3")
    'The device you tagged in sentence 3'
    >>> special_prompt("start-kind-of-document") is None
    True
    """
    # lazy: primary_source.synthesis costs ~17 ms at import; ui.learner loads this module in
    # every lesson's first cell, and only Download my work needs the lesson 05 prompts
    from primary_source import synthesis

    if ex_id == synthesis.ANSWER_ID:
        return "Your claim, evidence and reasoning"
    if ex_id == "00-predict-clues":
        return "The clues you used for your predictions"
    if ex_id.startswith("00-predict-"):
        for p in PREDICTIONS:
            if p.id == ex_id:
                return f"Your prediction before the source was revealed: {p.label}"
        return "Your prediction before the source was revealed"
    if ex_id.startswith("rhetoric-tag-"):
        return f"The device you tagged in sentence {ex_id[len('rhetoric-tag-'):]}"
    return None


def answer_rows(learner: str, answers: dict[str, Any], bank: Any = None,
                special: bool = False) -> list[dict[str, Any]]:
    """One row per saved answer, sorted by notebook, then as the lesson asks them.

    Each row has ``learner``, ``notebook``, ``exercise``, ``type``, ``prompt``, ``answer``
    (as saved), ``text`` (one line), ``correct``, ``score``, ``points``, ``attempts``,
    ``saved`` and ``result`` (in words). With ``special``, answers saved by lesson widgets get
    the question they answer as their prompt.

    >>> rows = answer_rows("me", {"x": {"answer": ["a", "b"], "correct": True}})
    >>> rows[0]["text"], rows[0]["result"], rows[0]["prompt"]
    ('a; b', 'correct', '')
    """
    # lazy: primary_source.exercises costs ~20 ms at import (yaml ~8 ms more); ui.learner
    # loads this module in every lesson's first cell, and only Download my work reads the bank
    from primary_source.exercises import answer_text

    rows = []
    for ex_id, entry in answers.items():
        entry = entry if isinstance(entry, dict) else {"answer": entry}
        ex = bank.get(ex_id) if bank is not None else None
        prompt = ex.prompt if ex is not None else ((special and special_prompt(ex_id)) or "")
        row = {
            "learner": learner,
            "notebook": str(entry.get("notebook") or (ex.notebook if ex else "") or ""),
            "exercise": ex_id,
            "type": ex.type if ex else "",
            "prompt": prompt,
            "answer": entry.get("answer"),
            "text": answer_text(entry.get("answer")),
            "correct": entry.get("correct"),
            "score": entry.get("score"),
            "points": ex.points if ex else None,
            "attempts": entry.get("attempts"),
            "saved": entry.get("saved") or "",
        }
        row["result"] = result_words(row)
        rows.append(row)
    position = {e.id: i for i, e in enumerate(bank)} if bank is not None else {}
    rows.sort(key=lambda r: (r["notebook"], position.get(r["exercise"], 10**9), r["exercise"]))
    return rows


def by_notebook(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The rows grouped by notebook, keeping their order.

    >>> list(by_notebook([{"notebook": "01"}, {"notebook": "00"}, {"notebook": "01"}]))
    ['01', '00']
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["notebook"], []).append(row)
    return groups
