"""The student build's copy of an exercise file: every answer stripped, marked assessed."""

from __future__ import annotations

import copy
from typing import Any

from primary_source.exercises.model import ANSWER_FIELDS, canonical

__all__ = ["strip_answers"]


def strip_answers(bank_dict: dict[str, Any]) -> dict[str, Any]:
    """A copy of one exercise file's data with every answer removed, marked ``assessed: true``.

    Removes ``answer``, ``answers``, ``model_answer``, ``rubric``, ``keywords``, per-option
    ``feedback``, the ``device`` of a tag; splits ``match`` pairs into ``left`` and ``right``
    (each right-hand item once). Options, ``order`` items and ``right`` are written in their
    canonical (sorted) order, so the copy's order tells nothing about the key; the lessons
    shuffle them per learner when they show them.

    >>> strip_answers({"exercises": [{"id": "a", "type": "choice", "prompt": "?",
    ...                                "options": ["x", "y"], "answer": "x"}]})
    {'assessed': True, 'exercises': [{'id': 'a', 'type': 'choice', 'prompt': '?', \
'options': ['x', 'y']}]}
    >>> strip_answers({"exercises": [{"id": "o", "type": "order", "prompt": "?",
    ...                                "items": ["c", "a", "b"]}]})["exercises"][0]["items"]
    ['a', 'b', 'c']
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
        for name in ("items", "options"):
            if isinstance(ex.get(name), list):
                ex[name] = canonical([str(i) for i in ex[name]])
        if ex.get("type") == "match" and isinstance(ex.get("pairs"), list):
            pairs = [p for p in ex["pairs"] if isinstance(p, (list, tuple)) and len(p) == 2]
            ex["left"] = [str(p[0]) for p in pairs]
            ex["right"] = canonical(list(dict.fromkeys(str(p[1]) for p in pairs)))
        for name in ANSWER_FIELDS:
            ex.pop(name, None)
        cleaned.append(ex)
    out["exercises"] = cleaned
    return out
