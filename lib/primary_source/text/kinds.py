"""The kind of each sentence: directive, conditional or declarative, with the reason."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from primary_source.text.lexing import fold_word, tokens, words
from primary_source.text.paragraphs import paragraph_units
from primary_source.text.segmenting import sentences

__all__ = [
    "classify_sentence",
    "sentence_kinds",
]


_IMPERATIVES = frozenset(
    """advise transmit tell give inform report send pass hand deliver ensure do don't let take
    make keep concentrate explain communicate instruct propose suggest please telegraph confirm
    reply answer convey remember consider bear note read show avoid stop begin continue arrange
    prepare see""".split()
)
_OBLIGATION = (
    "should not", "must not", "should", "must", "ought to", "it is necessary", "is necessary",
    "it is essential", "it is important", "it is desirable", "it is advisable", "need to",
    "needs to", "have to", "has to",
)
_CONDITIONAL_OPENERS = ("if", "unless", "in case", "provided that", "should")


def classify_sentence(sentence: str) -> tuple[str, str]:
    """The kind of a sentence, ``directive``, ``conditional`` or ``declarative``, and why.

    >>> classify_sentence("Advise Comrade Kim not to scatter the air force.")
    ('directive', 'begins with the imperative "Advise"')
    >>> classify_sentence("If it is necessary, we can throw in aircraft.")
    ('conditional', 'begins with "If": an offer or order that holds only on a condition')
    """
    toks = [t.text for t in tokens(sentence)]
    lowered = [fold_word(t) for t in toks]
    plain = " ".join(lowered)
    if sentence.rstrip().endswith("?"):
        return "declarative", "a question: no instruction, no condition"
    for opener in _CONDITIONAL_OPENERS:
        n = len(opener.split())
        if lowered[:n] == opener.split() and not (opener == "should" and len(lowered) < 3):
            first = toks[0]
            main = re.split(r"[,\u2014\u2013]|\bthen\b", sentence, maxsplit=1)
            extra = ""
            if len(main) > 1:
                after = [fold_word(w) for w in words(main[1])]
                if after and after[0] in _IMPERATIVES:
                    extra = f'; the main clause is the order "{words(main[1])[0]}"'
            return ("conditional",
                    f'begins with "{first}": an offer or order that holds only on a condition'
                    + extra)
    if lowered:
        first = 1 if (lowered[0].endswith("ly") and len(lowered) > 1) else 0
        if lowered[first] in _IMPERATIVES:
            verb = " ".join(toks[: first + 1])
            return "directive", f'begins with the imperative "{verb}"'
    for cue in _OBLIGATION:
        if re.search(rf"(?<![\w']){re.escape(cue)}(?![\w'])", plain):
            return "directive", f'says what must or must not be done ("{cue}")'
    return "declarative", "a statement (or a heading): no imperative, no duty, no condition"


def sentence_kinds(doc: Any, editorial: bool = False):
    """Every sentence with its kind (directive, conditional, declarative) and the reason.

    Parameters
    ----------
    doc : Document or str
    editorial : bool
        Keep the translator's ``[brackets]`` in the sentences (default: leave them out).

    Returns
    -------
    pandas.DataFrame
        Columns ``paragraph`` (number of the point or ``None``), ``label``, ``sentence``,
        ``kind`` and ``reason``.

    >>> sentence_kinds("- 1. Tell him. It rains.")["kind"].tolist()
    ['directive', 'declarative']
    """
    rows = []
    for unit in paragraph_units(doc, editorial=editorial):
        for sentence in sentences(unit["text"]):
            kind, reason = classify_sentence(sentence)
            rows.append({"paragraph": unit["number"], "label": unit["label"],
                         "sentence": sentence, "kind": kind, "reason": reason})
    table = pd.DataFrame(rows, columns=["paragraph", "label", "sentence", "kind", "reason"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table
