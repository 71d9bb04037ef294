"""The people a record names, with every spelling mapped to one canonical person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["VARIANTS", "Mention", "canonical", "variants", "find_mentions"]

#: Canonical person -> the spellings found in records and translations.
#: "Kim II Sung" (two capital i's) is how the Wilson Center record misrenders "Kim Il Sung".
VARIANTS: dict[str, tuple[str, ...]] = {
    "Kim Il Sung": ("Kim Il Sung", "Kim II Sung", "Kim Il-sung", "Kim Il-Sung", "Kim Ir Sen",
                    "Kim Il Song", "Ким Ир Сен"),
    "Stalin": ("Stalin", "Feng Xi", "Fyn Si", "Fin Si", "Filippov", "Fillipov", "Joseph Stalin",
               "Iosif Stalin", "I. V. Stalin", "J. V. Stalin", "Сталин", "Фын Си", "Филиппов"),
    "Terentii Shtykov": ("Terentii Shtykov", "Terenty Shtykov", "Terentiy Shtykov",
                         "T. F. Shtykov", "Shtykov", "Штыков"),
    "Mao Zedong": ("Mao Zedong", "Mao Tse-tung", "Mao Tsetung", "Mao"),
    "Zhou Enlai": ("Zhou Enlai", "Chou En-lai", "Zhou"),
    "Pak Hon-yong": ("Pak Hon-yong", "Pak Hon Yong", "Pak Hen En"),
}

_LOOKUP = {re.sub(r"\s+", " ", v).casefold(): person for person, vs in VARIANTS.items() for v in vs}


@dataclass(frozen=True)
class Mention:
    """A person named in a text: who, the spelling used, and where."""

    person: str
    variant: str
    start: int
    end: int


def canonical(name: str) -> str | None:
    """The canonical person for a spelling, or ``None`` if the name is unknown.

    >>> canonical("Kim II Sung"), canonical("Feng Xi"), canonical("Truman")
    ('Kim Il Sung', 'Stalin', None)
    """
    return _LOOKUP.get(re.sub(r"\s+", " ", name.strip()).casefold())


def variants(person: str) -> tuple[str, ...]:
    """Every spelling of a canonical person (or of any of its spellings)."""
    return VARIANTS.get(canonical(person) or person, ())


@lru_cache(maxsize=1)
def _pattern():
    spellings = sorted(_LOOKUP, key=len, reverse=True)  # longest first: "Kim Il-sung" before "Kim"
    body = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in spellings)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a known person in ``text``, spelling kept as published.

    >>> [(m.person, m.variant) for m in find_mentions("Feng Xi [Stalin] to Kim II Sung")]
    [('Stalin', 'Feng Xi'), ('Stalin', 'Stalin'), ('Kim Il Sung', 'Kim II Sung')]
    """
    return [Mention(canonical(m.group(0)), m.group(0), m.start(), m.end())
            for m in _pattern().finditer(text)]
