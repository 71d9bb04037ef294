"""Locate a quote in the text: exactly, or tolerant of spacing, quote marks and dashes."""

from __future__ import annotations

__all__ = ["locate", "normalise_for_search"]


_QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
}


def normalise_for_search(text: str) -> tuple[str, list[int]]:
    """Text with curly quotes made straight, dashes made hyphens and whitespace runs made one space.

    Returns the normalised text and, for each of its characters, the offset of the character it
    came from in ``text``.

    >>> normalise_for_search("a \\u201cb\\u201d\\n  c")[0]
    'a "b" c'
    """
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(_QUOTE_MAP.get(ch, ch))
        index.append(i)
    return "".join(out), index


def _find_all(needle: str, haystack: str) -> list[int]:
    starts: list[int] = []
    if not needle:
        return starts
    i = haystack.find(needle)
    while i != -1:
        starts.append(i)
        i = haystack.find(needle, i + 1)
    return starts


def locate(quote: str, text: str, tolerant: bool = False) -> list[tuple[int, int]]:
    """Every place ``quote`` occurs in ``text``, as ``(start, end)`` offsets into ``text``.

    Exact by default. With ``tolerant=True`` whitespace runs count as one space, curly quotes as
    straight ones and dashes as hyphens (on both sides), and the quote's outer spaces are ignored.

    >>> locate("no doubt", "We have no doubt.")
    [(8, 16)]
    >>> locate("Korea\\u2019s  war", "Korea's war", tolerant=True)
    [(0, 11)]
    """
    if not tolerant:
        return [(s, s + len(quote)) for s in _find_all(quote, text)]
    needle, _ = normalise_for_search(quote.strip())
    hay, index = normalise_for_search(text)
    spans = []
    for s in _find_all(needle, hay):
        last = s + len(needle) - 1
        spans.append((index[s], index[last] + 1))
    return spans
