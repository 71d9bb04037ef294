"""The sentences of a plain text as strings, from the one segmentation (:mod:`primary_source.segments`)."""

from __future__ import annotations

from primary_source import segments

__all__ = [
    "sentences",
]


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its closing punctuation, whitespace tidied.

    A blank line always ends a sentence (headings and signatures stand alone), and a numbered
    marker such as ``- 1.`` or ``2)`` at the start of a line is dropped. A full stop does not end
    a sentence after "No.", "Dr.", "U.S.", "e.g." or an initial, nor when the next word starts
    with a small letter (so "tanks, guns, etc. and" stays one sentence). The offsets of each
    sentence are in :func:`primary_source.segments.sentences`.

    >>> sentences("- 1. Telegram No. 75021 to the U.S. office. It went. Copy No. 1")
    ['Telegram No. 75021 to the U.S. office.', 'It went.', 'Copy No. 1']
    """
    return [span.text for span in segments.sentences(text)]
