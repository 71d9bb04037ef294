"""Split the document into sentences and paragraphs; the sentences a learner can tag."""

from __future__ import annotations

import re
from typing import Any

from primary_source.rhetoric.locating import normalise_for_search
from primary_source.rhetoric.model import TagUnit

__all__ = ["document_body", "paragraph_blocks", "point_of", "split_sentences", "tag_units"]


_ABBREVIATIONS = {
    "no", "nos", "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "capt", "maj", "sgt",
    "cf", "vs", "etc", "fig", "vol", "pp", "p", "ed", "eds", "comp", "op", "ll", "l", "d", "f",
}
_BOUNDARY_RE = re.compile(
    r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u0400-\u04FF])"
)
_MARKER_RE = re.compile(r"^(?:[-\u2013\u2014\u2022*]\s*)?(?:\d{1,3}[.)]\s+)?")
_TERMINAL_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_NUMBERED_RE = re.compile(r"^\s*(?:[-\u2013\u2014\u2022*]\s*)?(\d{1,3})[.)]\s+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` offsets, a simple rule-based splitter.

    Paragraphs (blocks between blank lines) never share a sentence; a list marker such as
    ``- 1.`` at the start of a paragraph is not part of the first sentence; common abbreviations
    (``No.``, ``Dr.``) and single initials do not end a sentence.

    >>> t = "- 1. It is so. Copy No. 1 went out. Done"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['It is so.', 'Copy No. 1 went out.', 'Done']
    """
    spans: list[tuple[int, int]] = []
    for offset, para in paragraph_blocks(text):
        marker = _MARKER_RE.match(para)
        start = marker.end() if marker else 0
        for m in _BOUNDARY_RE.finditer(para, start):
            word = re.search(r"(\w+)$", para[start:m.start()])
            token = word.group(1) if word else ""
            if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                continue
            spans.append((offset + start, offset + m.end()))
            start = m.end()
        if para[start:].strip():
            spans.append((offset + start, offset + len(para)))
    return _trim(text, spans)


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def paragraph_blocks(text: str) -> list[tuple[int, str]]:
    """Paragraphs as (offset, text): split at blank lines and before a numbered line."""
    blocks: list[tuple[int, str]] = []
    start: int | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        blank = not line.strip()
        if start is not None and (blank or _NUMBERED_RE.match(line)):
            blocks.append((start, text[start:pos]))
            start = None
        if start is None and not blank:
            start = pos
        pos += len(line)
    if start is not None:
        blocks.append((start, text[start:pos]))
    return blocks


def point_of(offset: int, text: str) -> int | None:
    """The numbered point (``- 1.``, ``2.`` ...) whose paragraph holds ``text[offset]``, or None.

    >>> point_of(9, "Intro.\\n- 1. First.\\n- 2. Second.")
    1
    >>> point_of(2, "Intro.\\n- 1. First.")
    """
    for start, para in paragraph_blocks(text):
        if start <= offset < start + len(para):
            m = _NUMBERED_RE.match(para)
            return int(m.group(1)) if m else None
    return None


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


def _sentence_spans(text: str) -> tuple[list[tuple[int, int]], str]:
    """Sentence offsets from ``primary_source.text.sentences``, else from our own splitter.

    ``text.sentences`` returns strings with whitespace tidied; each is found again in ``text``
    (whitespace- and quote-tolerant, in reading order) to recover its offsets. If any cannot be
    found, the whole text is split by :func:`split_sentences` instead.
    """
    from primary_source.text import sentences as text_sentences

    try:
        items = [str(getattr(item, "text", item)) for item in text_sentences(text)]
    except Exception:  # noqa: BLE001 - an unexpected signature: use our own splitter
        return split_sentences(text), "rhetoric.split_sentences"
    hay, index = normalise_for_search(text)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for item in items:
        needle, _ = normalise_for_search(item.strip())
        if not needle:
            continue
        found = hay.find(needle, cursor)
        if found == -1:
            return split_sentences(text), "rhetoric.split_sentences"
        cursor = found + len(needle)
        spans.append((index[found], index[cursor - 1] + 1))
    return _trim(text, spans), "text.sentences"


def document_body(doc: Any = None) -> str:
    """The body text: ``doc`` itself if text, else its ``.body`` (None: the shipped record)."""
    if doc is None:
        from primary_source.record import load_document

        doc = load_document()
    return doc if isinstance(doc, str) else doc.body


def tag_units(doc: Any = None) -> list[TagUnit]:
    """The sentences of the document a learner can tag, numbered ``s01``, ``s02`` ...

    ``doc`` is a :class:`~primary_source.record.Document`, the body text itself, or None for
    the shipped telegram. Sentences come from ``primary_source.text.sentences`` (or from
    :func:`split_sentences` if its sentences cannot be found again in the text); headings,
    registry lines and the signature are left out.

    >>> [u.text for u in tag_units("Heading\\n\\n- 1. We salute you. Help will come.")]
    ['We salute you.', 'Help will come.']
    """
    text = document_body(doc)
    spans, _ = _sentence_spans(text)
    units = []
    for start, end in spans:
        sentence = text[start:end]
        if _is_prose(sentence):
            n = len(units) + 1
            units.append(TagUnit(f"s{n:02d}", sentence, start, end, point_of(start, text)))
    return units
