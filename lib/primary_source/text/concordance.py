"""Keyword in context: every occurrence of a word or phrase with the words around it."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from primary_source.text.lexing import fold_word, tokens, words
from primary_source.text.paragraphs import paragraph_units
from primary_source.text.people import NAME_VARIANTS, canonical_person

__all__ = [
    "kwic",
]


def _keyword_forms(keyword: str, variants: bool) -> list[list[str]]:
    forms = [keyword]
    if variants:
        person = canonical_person(keyword)
        if person:
            forms += list(NAME_VARIANTS.get(person, ()))
    result = []
    for form in forms:
        folded = [fold_word(w) for w in words(form)]
        if folded and folded not in result:
            result.append(folded)
    return sorted(result, key=len, reverse=True)


def _chunk_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _chunk_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def kwic(text_or_doc: Any, keyword: str, window: int = 5, variants: bool = False,
         editorial: bool = True):
    """Keyword in context: every occurrence of a word or phrase with the words around it.

    Parameters
    ----------
    text_or_doc : Document or str
    keyword : str
        A word or a phrase ("Korean people"); matched case-insensitively, as whole words.
    window : int
        How many words to show on each side.
    variants : bool
        Also find the other spellings of a person ("Kim Il Sung" finds "Kim II Sung";
        "Stalin" finds "Feng Xi").
    editorial : bool
        Search the translator's ``[bracketed]`` insertions too (default, the text as published).

    Returns
    -------
    pandas.DataFrame
        Columns ``left``, ``keyword`` (as written in the text), ``right`` and ``paragraph``
        (the number of the numbered point, or ``None`` outside the points), plus ``label``
        (e.g. "Point 2" or "Instruction to the ambassador").

    >>> table = kwic("We saw Korea. Then Korea again.", "korea", window=2)
    >>> table[["left", "keyword"]].values.tolist()
    [['We saw', 'Korea'], ['Korea. Then', 'Korea']]
    """
    forms = _keyword_forms(keyword or "", variants)
    window = max(int(window), 0)
    rows = []
    for unit in paragraph_units(text_or_doc, editorial=editorial):
        text = unit["text"]
        toks = tokens(text)
        folded = [fold_word(t.text) for t in toks]
        i = 0
        while i < len(toks):
            hit = next((f for f in forms if folded[i: i + len(f)] == f), None)
            if hit is None:
                i += 1
                continue
            j = i + len(hit)
            lo, hi = max(0, i - window), min(len(toks), j + window)
            # widen each side to whole chunks between spaces, so "[Stalin]" keeps its brackets
            left_from = _chunk_start(text, toks[lo].start) if window and i > lo else toks[i].start
            right_to = _chunk_end(text, toks[hi - 1].end) if window and hi > j else toks[j - 1].end
            if right_to == toks[j - 1].end:
                right_to = _chunk_end(text, right_to)
            left = text[left_from: toks[i].start]
            right = text[toks[j - 1].end: right_to]
            rows.append({
                "left": re.sub(r"\s+", " ", left).strip(),
                "keyword": text[toks[i].start: toks[j - 1].end],
                "right": re.sub(r"\s+", " ", right).strip(),
                "paragraph": unit["number"],
                "label": unit["label"],
            })
            i = j
    table = pd.DataFrame(rows, columns=["left", "keyword", "right", "paragraph", "label"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table
