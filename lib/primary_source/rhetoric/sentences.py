"""The sentences of the document a learner can tag, from the one segmentation."""

from __future__ import annotations

import re
from typing import Any

from primary_source import segments
from primary_source.record import load_document
from primary_source.rhetoric.model import TagUnit

__all__ = ["document_body", "point_of", "split_sentences", "tag_units"]


_TERMINAL_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` offsets (from :mod:`primary_source.segments`).

    Paragraphs never share a sentence; a list marker such as ``- 1.`` at the start of a
    paragraph is not part of the first sentence; common abbreviations (``No.``, ``Dr.``) and
    single initials do not end a sentence.

    >>> t = "- 1. It is so. Copy No. 1 went out. Done"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['It is so.', 'Copy No. 1 went out.', 'Done']
    """
    return [(span.start, span.end) for span in segments.sentences(text)]


def point_of(offset: int, text: str) -> int | None:
    """The numbered point (``- 1.``, ``2.`` ...) whose paragraph holds ``text[offset]``, or None.

    >>> point_of(9, "Intro.\\n- 1. First.\\n- 2. Second.")
    1
    >>> point_of(2, "Intro.\\n- 1. First.")
    """
    return segments.point_at(text, offset)


def _is_prose(sentence: str) -> bool:
    """A sentence a learner can tag: it ends like a sentence and reads like prose.

    Headings, registry lines and the signature are left out: they have no closing full stop, or
    (like ``CIPHERED TELEGRAM No. 75021 ...``) hardly a word that starts in lower case.
    """
    if not _TERMINAL_RE.search(sentence):
        return False
    words = re.findall(r"[^\W\d_][\w'\u2019()-]*", sentence)
    if len(words) < 3:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) >= 0.4


def document_body(doc: Any = None) -> str:
    """The body text: ``doc`` itself if text, else its ``.body`` (None: the shipped record)."""
    if doc is None:
        doc = load_document()
    return doc if isinstance(doc, str) else doc.body


def tag_units(doc: Any = None) -> list[TagUnit]:
    """The sentences of the document a learner can tag, numbered ``s01``, ``s02`` ...

    ``doc`` is a :class:`~primary_source.record.Document`, the body text itself, or None for
    the shipped telegram. Sentences come from :func:`primary_source.segments.sentences`, with
    their offsets in the body; headings, registry lines and the signature are left out.

    >>> [u.text for u in tag_units("Heading\\n\\n- 1. We salute you. Help will come.")]
    ['We salute you.', 'Help will come.']
    """
    text = document_body(doc)
    units = []
    for span in segments.sentences(text):
        sentence = text[span.start:span.end]
        if _is_prose(sentence):
            n = len(units) + 1
            units.append(TagUnit(f"s{n:02d}", sentence, span.start, span.end, span.number))
    return units
