"""Gentle feedback on what an argument still needs (never a grade)."""

from __future__ import annotations

import re

from primary_source.synthesis.argument import Argument
from primary_source.synthesis.questions import KIND_LABELS, KINDS

__all__ = [
    "argument_problems",
]


_GENERIC = frozenset(
    """telegram document evidence source sources shows show shown because therefore think
    thought believe claim reason reasoning point points also would could which there their
    about this that these those from with into what when where while were have been being
    much many more most very really just like""".split()
)
_NUMBERED = re.compile(r"\b(?:e|evidence|card|piece|source)\s*(?:no\.?\s*)?#?\d{1,2}\b", re.I)


def _content_words(text: str) -> set[str]:
    # lazy: primary_source.text loads pandas (~200 ms at import); ui.synthesis loads this module
    # for lesson 05's argument builder, which needs only the stop words
    from primary_source.text import DEFAULT_STOPWORDS

    words = set(re.findall(r"[^\W\d_]{4,}", str(text).casefold()))
    return {w for w in words if w not in DEFAULT_STOPWORDS and w not in _GENERIC}


def _refers_to_evidence(argument: Argument) -> bool:
    reasoning = argument.reasoning
    if _NUMBERED.search(reasoning):
        return True
    if any(e.id.casefold() in reasoning.casefold() for e in argument.evidence):
        return True
    mine = _content_words(reasoning) - _content_words(argument.question.text)
    for ev in argument.evidence:
        if mine & _content_words(f"{ev.title} {ev.text}"):
            return True
    return False


def argument_problems(argument: Argument) -> list[str]:
    """Gentle feedback on what the argument still needs, in plain words (never a grade).

    An empty list means every part is there (show :data:`ALL_PARTS_PRESENT`).

    >>> from primary_source.synthesis import build_argument
    >>> argument_problems(build_argument("", [], "", cards=[]))[0]
    'Write your claim first: one or two sentences that answer the question in your own words.'
    """
    problems: list[str] = []
    if not argument.claim.strip():
        problems.append("Write your claim first: one or two sentences that answer the question "
                        "in your own words.")
    n = len(argument.evidence)
    if n == 0:
        problems.append("Choose some evidence: at least two pieces that support your claim.")
    elif n == 1:
        problems.append("You have chosen one piece of evidence. Add at least one more: a claim "
                        "that rests on a single piece is easy to knock down.")
    if n >= 1 and len(argument.kinds()) == 1:
        only = argument.kinds()[0]
        others = " or ".join(KIND_LABELS[k] for k in KINDS if k != only)
        problems.append(f"All your evidence comes from {KIND_LABELS[only]}. Try adding a piece "
                        f"from {others}: evidence of different kinds makes a claim stronger.")
    if argument.unknown:
        problems.append(f"{len(argument.unknown)} piece(s) of evidence you chose before are no "
                        "longer in the list, so they are left out. Choose again if you need them.")
    if not argument.reasoning.strip():
        problems.append("Write your reasoning: explain how each piece of evidence supports your "
                        "claim.")
    elif argument.evidence and not _refers_to_evidence(argument):
        problems.append("Your reasoning does not seem to mention your evidence yet. Quote a few "
                        "of its words, or refer to it by number (E1, E2 ...), and say how it "
                        "supports the claim.")
    return problems
