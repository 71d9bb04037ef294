"""The one segmentation of a body: paragraphs, numbered points and sentences as spans with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ABBREVIATIONS",
    "FINAL_ABBREVIATIONS",
    "MARKER_RE",
    "NUMBER_ABBREVIATIONS",
    "Span",
    "paragraphs",
    "point_at",
    "sentences",
]

#: Abbreviations whose full stop belongs to the word and never ends a sentence.
ABBREVIATIONS = frozenset(
    """no nos mr mrs ms dr st gen col lt capt maj sgt adm prof rev vol vols p pp cf fig ed eds
    op ch vs approx dept jan feb mar apr jun jul aug sep sept oct nov dec tel ser""".split()
)
#: Abbreviations that keep their full stop only before a number ("No. 75021", "p. 45").
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "p", "pp"})
#: Abbreviations whose full stop belongs to the word but may also end a sentence.
FINAL_ABBREVIATIONS = frozenset({"etc", "al"})

#: The marker of a numbered point at the start of a line: ``- 1.``, ``2)``, ``• 3.``.
MARKER_RE = re.compile(r"[ \t]*(?:[-\u2013\u2014\u2022*][ \t]*)?(\d{1,3})[.)][ \t]+(?=\S)")

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_END_RE = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s|$)")
_OPENERS = "\"'\u2018\u201c([-\u2013\u2014"
_CLOSERS = "\"'\u2019\u201d)]"


@dataclass(frozen=True)
class Span:
    """A piece of a body: ``body[start:end]``, the number of its point, its text.

    For a paragraph, ``start`` is where its first line's words begin (the marker included) and
    ``text`` is its lines without the marker, each stripped; for a sentence, ``text`` is
    ``body[start:end]`` with every run of whitespace made one space.
    """

    start: int
    end: int
    text: str
    number: int | None = None


def _lines(body: str):
    """``(start, line)`` for each line of ``body`` (any line end), line ends left out."""
    for match in _LINE_RE.finditer(body):
        if match.start() == len(body) and match.start() > 0:
            break
        yield match.start(), match.group(0).rstrip("\r\n")


def paragraphs(body: str) -> list[Span]:
    """The paragraphs of ``body``: split at blank lines and before a numbered line (``- 2.``).

    A numbered point carries its ``number``, and its ``text`` leaves the marker out.

    >>> [(p.number, p.text, p.start) for p in paragraphs("Intro.\\n\\n- 1. First.\\n- 2. Second.")]
    [(None, 'Intro.', 0), (1, 'First.', 8), (2, 'Second.', 20)]
    """
    result: list[Span] = []
    block: list[tuple[int, str]] = []  # (offset, line) of the open paragraph

    def close() -> None:
        if block:
            first_start, first = block[0]
            marker = MARKER_RE.match(first)
            number = int(marker.group(1)) if marker else None
            texts = [first[marker.end():] if marker else first] + [line for _, line in block[1:]]
            last_start, last = block[-1]
            lead = len(first) - len(first.lstrip())
            result.append(Span(first_start + lead, last_start + len(last.rstrip()),
                               "\n".join(t.strip() for t in texts).strip(), number))
            block.clear()

    for start, line in _lines(body):
        if not line.strip():
            close()
            continue
        if block and MARKER_RE.match(line):
            close()
        block.append((start, line))
    close()
    return result


def _ends_sentence(text: str, match: re.Match) -> bool:
    """Whether the punctuation ``match`` in ``text`` closes a sentence."""
    before = text[: match.start()]
    word = re.split(r"\s", before)[-1].lstrip(_OPENERS) + match.group(0)
    word = word.rstrip(_CLOSERS)
    if word.endswith(".") and not word.endswith(".."):
        bare = word[:-1]
        if bare.casefold() in NUMBER_ABBREVIATIONS:
            if text[match.end():].lstrip()[:1].isdigit():
                return False  # "No. 75021", "Copy No. 1"
        elif bare.casefold() in ABBREVIATIONS:
            return False  # "Dr. Smith"
        if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", bare):
            return False  # "U.S.", "e.g.": too often inside a sentence to trust
        if len(bare) == 1 and bare.isalpha():
            return False  # an initial ("J. V. Stalin") or a list letter
    following = text[match.end():].lstrip()
    if not following:
        return True
    following = following.lstrip(_OPENERS)
    return bool(following) and not following[0].islower()


def sentences(body: str) -> list[Span]:
    """The sentences of ``body`` as spans, each with its closing punctuation.

    A paragraph (see :func:`paragraphs`) always ends a sentence, and a point's marker is not
    part of its first sentence. A full stop does not end a sentence after "No." before a number,
    "Dr.", "U.S.", "e.g." or an initial, nor when the next word starts with a small letter (so
    "tanks, guns, etc. and" stays one sentence).

    >>> t = "- 1. Telegram No. 75021 to the U.S. office. It went.\\nCopy No. 1"
    >>> [(s.text, s.number) for s in sentences(t)]
    [('Telegram No. 75021 to the U.S. office.', 1), ('It went.', 1), ('Copy No. 1', 1)]
    >>> t[5:43]
    'Telegram No. 75021 to the U.S. office.'
    """
    result: list[Span] = []

    def add(start: int, end: int, number: int | None) -> None:
        piece = body[start:end]
        lead = len(piece) - len(piece.lstrip())
        start, end = start + lead, start + len(piece.rstrip())
        if end > start:
            result.append(Span(start, end, re.sub(r"\s+", " ", body[start:end]), number))

    for para in paragraphs(body):
        offset = para.start
        marker = MARKER_RE.match(body, para.start) if para.number is not None else None
        if marker:
            offset = marker.end()
        block = body[offset:para.end]
        start = 0
        for match in _END_RE.finditer(block):
            if _ends_sentence(block, match):
                add(offset + start, offset + match.end(), para.number)
                start = match.end()
        add(offset + start, offset + len(block), para.number)
    return result


def point_at(body: str, offset: int) -> int | None:
    """The number of the point whose paragraph holds ``body[offset]``, or None.

    >>> point_at("Intro.\\n- 1. First.\\n- 2. Second.", 9)
    1
    >>> point_at("Intro.\\n- 1. First.", 2) is None
    True
    """
    for para in paragraphs(body):
        if para.start <= offset < para.end:
            return para.number
    return None
