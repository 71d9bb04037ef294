"""Paragraph blocks and sentences of a plain text."""

from __future__ import annotations

import re

from primary_source.text.lexing import _ABBREVIATIONS, _NUMBER_ABBREVIATIONS

__all__ = [
    "sentences",
]


_MARKER_RE = re.compile(r"^[ \t]*(?:[-\u2013\u2014\u2022*][ \t]*)?\d{1,3}[.)][ \t]+", re.MULTILINE)
_END_RE = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s|$)")
_OPENERS = "\"'\u2018\u201c([-\u2013\u2014"


def _blocks(text: str) -> list[str]:
    """Paragraph blocks: split at blank lines and before numbered markers such as ``- 2.``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text):
        parts = re.split(r"\n(?=[ \t]*(?:[-\u2013\u2014\u2022*][ \t]*)?\d{1,3}[.)][ \t]+)", block)
        blocks.extend(p for p in parts if p.strip())
    return blocks


def _strip_marker(block: str) -> tuple[int | None, str]:
    match = _MARKER_RE.match(block)
    if not match:
        return None, block.strip()
    number = int(re.search(r"\d+", match.group(0)).group(0))
    return number, block[match.end():].strip()


def _ends_sentence(text: str, match: re.Match) -> bool:
    """Whether the punctuation ``match`` in ``text`` closes a sentence."""
    before = text[: match.start()]
    word = re.split(r"\s", before)[-1].lstrip(_OPENERS) + match.group(0)
    word = word.rstrip("\"'\u2019\u201d)]")
    if word.endswith(".") and not word.endswith(".."):
        bare = word[:-1]
        if bare.casefold() in _NUMBER_ABBREVIATIONS:
            if text[match.end():].lstrip()[:1].isdigit():
                return False  # "No. 75021", "Copy No. 1"
        elif bare.casefold() in _ABBREVIATIONS:
            return False  # "No. 75021", "Dr. Smith"
        if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", bare):
            return False  # "U.S.", "e.g.": too often inside a sentence to trust
        if len(bare) == 1 and bare.isalpha():
            return False  # an initial ("J. V. Stalin") or a list letter
    following = text[match.end():].lstrip()
    if not following:
        return True
    following = following.lstrip(_OPENERS)
    return bool(following) and not following[0].islower()


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its closing punctuation, whitespace tidied.

    A blank line always ends a sentence (headings and signatures stand alone), and a numbered
    marker such as ``- 1.`` or ``2)`` at the start of a line is dropped. A full stop does not end
    a sentence after "No.", "Dr.", "U.S.", "e.g." or an initial, nor when the next word starts
    with a small letter (so "tanks, guns, etc. and" stays one sentence).

    >>> sentences("- 1. Telegram No. 75021 to the U.S. office. It went. Copy No. 1")
    ['Telegram No. 75021 to the U.S. office.', 'It went.', 'Copy No. 1']
    """
    result = []
    for block in _blocks(text):
        _, block = _strip_marker(block)
        block = re.sub(r"\s+", " ", block).strip()
        start = 0
        for match in _END_RE.finditer(block):
            if _ends_sentence(block, match):
                piece = block[start: match.end()].strip()
                if piece:
                    result.append(piece)
                start = match.end()
        rest = block[start:].strip()
        if rest:
            result.append(rest)
    return result
