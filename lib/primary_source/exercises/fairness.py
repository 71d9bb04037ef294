"""Warn when a lesson's keyed answers sit first, or are longest, far more often than chance."""

from __future__ import annotations

from collections.abc import Iterable
from math import comb

from primary_source.exercises.model import Exercise, canonical, same_key

__all__ = ["position_warnings", "chance_of_at_least"]

#: A lesson is flagged when chance alone would give its count this rarely (or more rarely).
RARE = 0.05


def chance_of_at_least(k: int, chances: list[float]) -> float:
    """The chance that at least ``k`` of independent events with these chances happen.

    >>> round(chance_of_at_least(2, [0.5, 0.5]), 2)
    0.25
    """
    dist = [1.0]
    for p in chances:
        nxt = [0.0] * (len(dist) + 1)
        for i, q in enumerate(dist):
            nxt[i] += q * (1 - p)
            nxt[i + 1] += q * p
        dist = nxt
    return sum(dist[k:])


def _first(ex: Exercise) -> tuple[bool, float] | None:
    """Whether the key is at the top of the options as written, and the chance of that."""
    keys = {same_key(a) for a in ([ex.answer] if ex.type == "choice" else ex.answers) if a}
    n, k = len(ex.options), len(keys)
    if not keys or k >= n:
        return None
    top = {same_key(o) for o in ex.options[:k]}
    return top == keys, 1 / comb(n, k)


def _longest(ex: Exercise) -> tuple[bool, float] | None:
    """Whether a choice's key is strictly the longest option, and the chance of that."""
    if ex.type != "choice" or not ex.answer or len(ex.options) < 2:
        return None
    others = [len(o) for o in ex.options if same_key(o) != same_key(ex.answer)]
    return len(ex.answer) > max(others), 1 / len(ex.options)


def position_warnings(exercises: Iterable[Exercise]) -> list[str]:
    """One warning per lesson whose keyed answers are first, or longest, far more often than
    chance would put them there; each names the exercises.

    >>> exs = [Exercise(f"q{i}", "choice", "?", notebook="01", file="01.yaml",
    ...                 options=["the long right answer", "no", "nope"],
    ...                 answer="the long right answer") for i in range(5)]
    >>> [w.split(":")[0] for w in position_warnings(exs)]
    ['01.yaml', '01.yaml']
    >>> len(position_warnings([Exercise("o", "order", "?", items=["a", "b", "c"])]))
    1
    """
    lessons: dict[str, list[Exercise]] = {}
    out = []
    for ex in exercises:
        if ex.type == "order" and len(ex.items) > 2 and ex.items == canonical(ex.items):
            out.append(f"{ex.file or ex.notebook}: warning: the items of {ex.id} are in the right "
                       "order when sorted alphabetically, as the student copy lists them; "
                       "reword one so that sorting does not give the answer")
        if ex.type in ("choice", "multi"):
            lessons.setdefault(ex.file or ex.notebook, []).append(ex)
    for where, group in lessons.items():
        for what, test in (("the first option (or options)", _first),
                           ("the longest option", _longest)):
            seen = [(ex, *r) for ex in group if (r := test(ex)) is not None]
            hits = [ex.id for ex, hit, _p in seen if hit]
            chances = [p for _ex, _hit, p in seen]
            if len(hits) < 3 or chance_of_at_least(len(hits), chances) >= RARE:
                continue
            out.append(f"{where}: warning: the keyed answer is {what} in {len(hits)} of "
                       f"{len(seen)} exercises, where chance would give about "
                       f"{sum(chances):.1f} ({', '.join(hits)}); a student can score without "
                       "reading: vary where the answer stands and how long it is")
    return out
