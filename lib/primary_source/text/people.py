"""The people a text names, every spelling of one person counted together."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pandas as pd

from primary_source.names import VARIANTS as _SHARED_VARIANTS
from primary_source.names import canonical as _shared_canonical
from primary_source.text.paragraphs import paragraph_units

__all__ = [
    "NAME_VARIANTS",
    "canonical_person",
    "mention_spans",
    "person_mentions",
    "phrase_pattern",
]


#: Canonical person -> the spellings that name them (the list of :mod:`primary_source.names`).
NAME_VARIANTS: dict[str, tuple[str, ...]] = dict(_SHARED_VARIANTS)


def canonical_person(name: str) -> str | None:
    """The one person a spelling names, or ``None`` if it is not a known person.

    >>> canonical_person("Kim II Sung"), canonical_person("Feng Xi"), canonical_person("Korea")
    ('Kim Il Sung', 'Stalin', None)
    """
    cleaned = re.sub(r"\s+", " ", re.sub(r"^comrade\s+", "", name.strip(), flags=re.I))
    return _shared_canonical(cleaned)


def phrase_pattern(phrases) -> re.Pattern:
    """One pattern for whole-word phrases, longest first, any spacing, either apostrophe.

    >>> phrase_pattern(["air force", "force"]).findall("Korean  air force")
    ['air force']
    """
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
                    for p in ordered)
    return re.compile(rf"(?<![\w'\u2019])(?:{body})(?!\w)", re.IGNORECASE)


def mention_spans(text: str) -> list[tuple[str, str, int, int]]:
    """``(person, spelling, start, end)`` for every name of a known person in ``text``.

    >>> mention_spans("Feng Xi to Kim II Sung")
    [('Stalin', 'Feng Xi', 0, 7), ('Kim Il Sung', 'Kim II Sung', 11, 22)]
    """
    pattern = phrase_pattern(s for spellings in NAME_VARIANTS.values() for s in spellings)
    found = []
    for match in pattern.finditer(text):
        person = canonical_person(match.group(0))
        if person:
            found.append((person, match.group(0), match.start(), match.end()))
    return found


def person_mentions(doc: Any, editorial: bool = False):
    """Who is named, with every spelling of one person counted together.

    "Kim II Sung", "Kim Il Sung" and "Comrade Kim II Sung" are all Kim Il Sung; "Feng Xi" and
    "Stalin" are both Stalin.

    Parameters
    ----------
    doc : Document or str
    editorial : bool
        Count names inside the translator's ``[brackets]`` too (default: no, only the telegram's
        own words, so the editor's "[Stalin]" after the signature "Feng Xi" is not a mention).

    Returns
    -------
    pandas.DataFrame
        One row per person, most mentioned first: ``person``, ``mentions``, ``spellings``
        (each spelling used and how often, e.g. ``"Kim II Sung ×6"``) and ``paragraphs``
        (the labels of the paragraphs that name them).

    >>> table = person_mentions("Feng Xi greets Kim II Sung. Stalin.")
    >>> table[["person", "mentions"]].values.tolist()
    [['Stalin', 2], ['Kim Il Sung', 1]]
    """
    tally: dict[str, Counter] = {}
    where: dict[str, list[str]] = {}
    order: list[str] = []
    for unit in paragraph_units(doc, editorial=editorial):
        for person, spelling, _, _ in mention_spans(unit["text"]):
            if person not in tally:
                tally[person], where[person] = Counter(), []
                order.append(person)
            tally[person][spelling] += 1
            if unit["label"] not in where[person]:
                where[person].append(unit["label"])
    rows = [{
        "person": person,
        "mentions": sum(tally[person].values()),
        "spellings": ", ".join(f"{s} ×{n}" for s, n in tally[person].most_common()),
        "paragraphs": ", ".join(where[person]),
    } for person in order]
    table = pd.DataFrame(rows, columns=["person", "mentions", "spellings", "paragraphs"])
    return table.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)
