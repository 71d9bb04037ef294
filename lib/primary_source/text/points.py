"""Figures for each numbered point: words, sentences, directives, conditionals, who is named."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from primary_source.text.kinds import classify_sentence
from primary_source.text.lexing import fold_word, words
from primary_source.text.paragraphs import paragraph_units
from primary_source.text.people import mention_spans, phrase_pattern
from primary_source.text.segmenting import sentences

__all__ = [
    "GROUPS",
    "point_figures",
]


#: Groups and bodies a text names: label -> phrases (longest phrase wins where they overlap).
GROUPS: dict[str, tuple[str, ...]] = {
    "CC VKP(b)": ("CC VKP(b)", "VKP(b)", "Central Committee"),
    "the Korean people": ("Korean people",),
    "Korean comrades": ("Korean comrades",),
    "Korean People's Army": ("Korean People's Army", "People's Army", "Peoples Army"),
    "Korean air force": ("Korean air force", "air force"),
    "the Russians": ("Russians",),
    "the Americans": ("Americans",),
    "interventionists": ("interventionists",),
    "imperialists": ("imperialists",),
    "enslaved peoples": ("enslaved peoples",),
    "allies": ("allies",),
    "the enemy": ("enemy",),
    "Germany": ("Germany",),
}


def _groups_named(text: str, groups: dict[str, tuple[str, ...]]) -> list[str]:
    lookup = {fold_word(re.sub(r"\s+", " ", p)): label for label, ps in groups.items() for p in ps}
    pattern = phrase_pattern(lookup)
    found = []
    for match in pattern.finditer(text):
        label = lookup.get(fold_word(re.sub(r"\s+", " ", match.group(0))))
        if label and label not in found:
            found.append(label)
    return found


def point_figures(doc: Any, groups: dict[str, tuple[str, ...]] | None = None,
                  editorial: bool = False):
    """Figures for each numbered point: words, sentences, directives, conditionals, who is named.

    Parameters
    ----------
    doc : Document or str
    groups : dict, optional
        Label -> phrases for the groups and bodies to look for; defaults to :data:`GROUPS`.
    editorial : bool
        Count the translator's ``[bracketed]`` words too (default: no, only the telegram's own).

    Returns
    -------
    pandas.DataFrame
        One row per numbered point: ``point``, ``words``, ``sentences``, ``directives``,
        ``conditionals``, ``people`` (canonical names) and ``groups`` (labels), comma-separated.
        A text without numbered points gives an empty table with these columns.

    >>> table = point_figures("- 1. Tell Kim II Sung. If needed, we help.")
    >>> table[["words", "directives", "conditionals", "people"]].to_dict("records")
    [{'words': 8, 'directives': 1, 'conditionals': 1, 'people': 'Kim Il Sung'}]
    """
    groups = GROUPS if groups is None else groups
    rows = []
    for unit in paragraph_units(doc, editorial=editorial):
        if unit["number"] is None:
            continue
        text = unit["text"]
        kinds = [classify_sentence(s)[0] for s in sentences(text)]
        people = []
        for person, _, _, _ in mention_spans(text):
            if person not in people:
                people.append(person)
        rows.append({
            "point": unit["number"],
            "words": len(words(text)),
            "sentences": len(kinds),
            "directives": kinds.count("directive"),
            "conditionals": kinds.count("conditional"),
            "people": ", ".join(people),
            "groups": ", ".join(_groups_named(text, groups)),
        })
    columns = ["point", "words", "sentences", "directives", "conditionals", "people", "groups"]
    return pd.DataFrame(rows, columns=columns)
