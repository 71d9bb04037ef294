"""A learner's claim-evidence-reasoning argument: building it and reading it back from an answer."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from primary_source.synthesis.evidence import Evidence, evidence_cards
from primary_source.synthesis.questions import DEFAULT_QUESTION, KINDS, Question, question_by_id

__all__ = [
    "Argument",
    "build_argument",
    "argument_from_answer",
]


@dataclass(frozen=True)
class Argument:
    """A learner's claim, the evidence chosen for it, and the reasoning that links them.

    ``unknown`` keeps the ids of evidence that is no longer in the list (so nothing a learner
    chose is dropped in silence).
    """

    claim: str
    evidence: tuple[Evidence, ...]
    reasoning: str
    question: Question = DEFAULT_QUESTION
    unknown: tuple[str, ...] = field(default_factory=tuple)

    @property
    def evidence_ids(self) -> list[str]:
        """The chosen evidence ids, known ones first, in the order chosen."""
        return [e.id for e in self.evidence] + list(self.unknown)

    def kinds(self) -> list[str]:
        """The kinds of evidence used, in the order of :data:`KINDS`."""
        used = {e.kind for e in self.evidence}
        return [k for k in KINDS if k in used]

    def as_answer(self) -> dict[str, Any]:
        """The argument as a JSON-able answer for ``responses.save_answer``."""
        return {"question": self.question.id, "question_text": self.question.text,
                "claim": self.claim, "evidence": self.evidence_ids,
                "reasoning": self.reasoning}


def build_argument(claim: str, evidence_ids: Iterable[str], reasoning: str,
                   question: Question | str | None = None,
                   cards: Sequence[Evidence] | None = None) -> Argument:
    """Put a claim, chosen evidence (by id) and reasoning together.

    ``question`` is a :class:`Question` or a question id (the default question otherwise).
    Ids not among ``cards`` are kept in ``Argument.unknown``; repeated ids count once.

    >>> arg = build_argument("Moscow advised.", ["doc-s12", "chain-reported"], "Point 3 ...")
    >>> arg.kinds()
    ['document', 'provenance']
    """
    cards = list(cards) if cards is not None else evidence_cards()
    by_id = {c.id: c for c in cards}
    chosen: list[Evidence] = []
    unknown: list[str] = []
    for raw in evidence_ids or ():
        ev_id = str(raw)
        if ev_id in by_id:
            if by_id[ev_id] not in chosen:
                chosen.append(by_id[ev_id])
        elif ev_id not in unknown:
            unknown.append(ev_id)
    if not isinstance(question, Question):
        question = question_by_id(question)
    return Argument(claim=str(claim or ""), evidence=tuple(chosen),
                    reasoning=str(reasoning or ""), question=question, unknown=tuple(unknown))


def argument_from_answer(answer: Any, cards: Sequence[Evidence] | None = None) -> Argument:
    """A saved answer (see :meth:`Argument.as_answer`) as an :class:`Argument`.

    Anything that is not a saved argument gives an empty argument, never an error.

    >>> argument_from_answer({"claim": "A claim", "evidence": []}, cards=[]).claim
    'A claim'
    """
    if not isinstance(answer, dict):
        answer = {}
    ids = answer.get("evidence")
    ids = [str(i) for i in ids] if isinstance(ids, list) else []
    text = lambda key: answer.get(key) if isinstance(answer.get(key), str) else ""  # noqa: E731
    return build_argument(text("claim"), ids, text("reasoning"), answer.get("question"), cards)
