"""The student build's copy of an exercise file: every answer stripped, marked assessed."""

from __future__ import annotations

import copy
from typing import Any

from primary_source.exercise_bank.model import ANSWER_FIELDS, seeded_shuffle

__all__ = ["strip_answers"]


def strip_answers(bank_dict: dict[str, Any]) -> dict[str, Any]:
    """A copy of one exercise file's data with every answer removed, marked ``assessed: true``.

    Removes ``answer``, ``answers``, ``model_answer``, ``rubric``, ``keywords``, per-option
    ``feedback``, the ``device`` of a tag; shuffles ``order`` items; splits ``match`` pairs into
    ``left`` and a shuffled ``right`` (each right-hand item once).

    >>> strip_answers({"exercises": [{"id": "a", "type": "choice", "prompt": "?",
    ...                                "options": ["x", "y"], "answer": "x"}]})
    {'assessed': True, 'exercises': [{'id': 'a', 'type': 'choice', 'prompt': '?', \
'options': ['x', 'y']}]}
    """
    data = copy.deepcopy(bank_dict) if isinstance(bank_dict, dict) else {}
    out: dict[str, Any] = {"assessed": True}
    out.update({k: v for k, v in data.items() if k != "assessed"})
    exercises = out.get("exercises")
    if not isinstance(exercises, list):
        return out
    cleaned = []
    for ex in exercises:
        if not isinstance(ex, dict):
            cleaned.append(ex)
            continue
        ex = dict(ex)
        if ex.get("type") == "order" and isinstance(ex.get("items"), list):
            ex["items"] = seeded_shuffle([str(i) for i in ex["items"]], str(ex.get("id", "")))
        if ex.get("type") == "match" and isinstance(ex.get("pairs"), list):
            pairs = [p for p in ex["pairs"] if isinstance(p, (list, tuple)) and len(p) == 2]
            ex["left"] = [str(p[0]) for p in pairs]
            right = list(dict.fromkeys(str(p[1]) for p in pairs))
            ex["right"] = seeded_shuffle(right, str(ex.get("id", "")) + "/right")
        for name in ANSWER_FIELDS:
            ex.pop(name, None)
        cleaned.append(ex)
    out["exercises"] = cleaned
    return out
