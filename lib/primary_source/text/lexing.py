"""Words of a text: tokens with their offsets, words as written, and folding for comparison."""

from __future__ import annotations

import re
from dataclasses import dataclass

from primary_source.segments import ABBREVIATIONS, FINAL_ABBREVIATIONS, NUMBER_ABBREVIATIONS

__all__ = [
    "Token",
    "fold_word",
    "tokens",
    "words",
]


#: Apostrophes and hyphens that may join the parts of one word ("People's", "set-backs").
_APOSTROPHES = "'\u2019\u02bc"
_JOINERS = "'\u2019\u02bc\\-\u2010\u2011/"  # inside a character class

_WORD_CORE = rf"[^\W_](?:[^\W_]|[{_JOINERS}](?=[^\W_])|\([^\W_]{{1,3}}\))*"
_DOTTED = r"(?:[^\W\d_]\.){2,}"  # U.S.  U.S.S.R.  e.g.  i.e.
_TOKEN_RE = re.compile(rf"{_DOTTED}|{_WORD_CORE}\.?")


@dataclass(frozen=True)
class Token:
    """One word of a text: as written, with its character offsets."""

    text: str
    start: int
    end: int


def _keeps_stop(word: str, text: str, end: int) -> bool:
    """Whether the full stop after ``word`` is part of the word (an abbreviation or initial)."""
    bare = word.casefold()
    if bare in NUMBER_ABBREVIATIONS:
        return text[end:].lstrip()[:1].isdigit()
    if bare in ABBREVIATIONS or bare in FINAL_ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and word.isupper()  # an initial: "J. V. Stalin"


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (see :func:`words` for what counts as a word).

    >>> [(t.text, t.start) for t in tokens("No. 483/sh")]
    [('No.', 0), ('483/sh', 4)]
    """
    result = []
    for match in _TOKEN_RE.finditer(text):
        word, start, end = match.group(0), match.start(), match.end()
        if word.endswith(".") and not re.fullmatch(_DOTTED, word):
            bare = word[:-1]
            if not _keeps_stop(bare, text, end):
                word, end = bare, end - 1
        result.append(Token(word, start, end))
    return result


def words(text: str) -> list[str]:
    """The words of ``text``, in order, as written.

    A word is a run of letters and digits. Apostrophes, hyphens and slashes inside a word keep it
    whole ("People's", "set-backs", "483/sh"), as does a short bracketed part ("VKP(b)").
    Abbreviations keep their full stop ("No.", "U.S.", "etc."). Dashes between words
    ("form—give") and all other punctuation separate words. Curly apostrophes are kept as written;
    :func:`frequencies` and :func:`kwic` treat them as straight ones.

    >>> words("The CC VKP(b) salutes the People's Army; set-backs—No. 483/sh.")
    ['The', 'CC', 'VKP(b)', 'salutes', 'the', "People's", 'Army', 'set-backs', 'No.', '483/sh']
    """
    return [t.text for t in tokens(text)]


def fold_word(word: str) -> str:
    """A word folded for comparison: case-folded, curly apostrophes made straight.

    >>> fold_word("People’s")
    "people's"
    """
    for mark in _APOSTROPHES[1:]:
        word = word.replace(mark, "'")
    return word.casefold()
