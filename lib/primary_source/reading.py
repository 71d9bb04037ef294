"""A first, blind reading: the text without its source, the learner's guesses, then the reveal."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from primary_source.citing import display_citation
from primary_source.record import BRACKET_RE, Document, strip_editorial
from primary_source.telegram import parse_telegram

__all__ = ["PREDICTIONS", "Prediction", "blind_paragraphs", "source_facts", "paragraph_html",
           "paragraph_label"]


@dataclass(frozen=True)
class Prediction:
    """One guess a learner makes before the source is revealed."""

    id: str
    label: str
    options: tuple[str, ...]
    reveal: str  # the key in source_facts() that answers it


UNSURE = "I am not sure yet"

#: The four guesses of the blind reading, in the order they are asked.
PREDICTIONS = (
    Prediction("00-predict-author", "Who wrote it?",
               ("a Soviet leader", "a North Korean leader", "a Chinese leader",
                "an American official", "a soldier at the front", UNSURE), "author"),
    Prediction("00-predict-audience", "Who was it meant for?",
               ("the public, in a newspaper", "a foreign leader, in secret",
                "soldiers at the front", "a United Nations meeting", UNSURE), "audience"),
    Prediction("00-predict-purpose", "What is it for?",
               ("to give orders", "to encourage and advise an ally", "to report on a battle",
                "to persuade the public", "to negotiate peace", UNSURE), "purpose"),
    Prediction("00-predict-date", "When was it written?",
               ("1945", "1946", "1947", "1948", "1949", "1950", "1951", "1952", "1953", UNSURE),
               "date"),
)


def blind_paragraphs(doc: Document) -> list[str]:
    """The body without title, citation, signature, footer or the editor's brackets.

    >>> from primary_source import load_document
    >>> text = " ".join(blind_paragraphs(load_document()))
    >>> "Stalin" in text or "Feng Xi" in text
    False
    """
    telegram = parse_telegram(doc)
    hidden = {telegram.footer}
    if telegram.signature:
        hidden.add(telegram.signature)
    result = []
    for p in doc.paragraphs:
        text = strip_editorial(p.text).strip()
        if p.text in hidden or text in hidden:
            continue
        result.append(f"{p.number}. {text}" if p.number is not None else text)
    return result


def source_facts(doc: Document) -> dict[str, str]:
    """What the record itself says about author, audience, purpose and date, for the reveal."""
    telegram = parse_telegram(doc)
    author = telegram.signature or ""
    if telegram.signature_identified_as:
        author = f"{telegram.signature_identified_as}, signing as \u201c{telegram.signature}\u201d"
    match = re.search(r"\bto (.+)$", doc.title)
    return {
        "title": doc.title,
        "author": author or "not stated in the record",
        "audience": match.group(1) if match else "not stated in the record",
        "purpose": doc.summary or "the record has no summary",
        "date": doc.date.strftime("%d %B %Y").lstrip("0"),
        "citation": display_citation(doc),
    }


def paragraph_label(doc: Document, index: int) -> str:
    """A short label for a paragraph, e.g. ``'4 of 8: point 1'``."""
    paragraphs = doc.paragraphs
    p = paragraphs[index]
    kind = f"point {p.number}" if p.number is not None else p.text[:40].rstrip() + "\u2026"
    return f"{index + 1} of {len(paragraphs)}: {kind}"


def paragraph_html(text: str, brackets: bool = True, size: int = 16) -> str:
    """One paragraph as safe HTML; the editor's insertions marked, or removed.

    Marked insertions keep their brackets and get a dotted underline and a label, so the
    highlight is not carried by colour alone.

    >>> paragraph_html("Feng Xi [Stalin]", size=14).count("<mark")
    1
    >>> paragraph_html("Feng Xi [Stalin]", brackets=False)
    '<div style="font-size:16px;line-height:1.6">Feng Xi</div>'
    """
    if not brackets:
        body = html.escape(strip_editorial(text).strip())
    else:
        parts, last = [], 0
        for m in BRACKET_RE.finditer(text):
            parts.append(html.escape(text[last:m.start()]))
            parts.append('<mark class="editorial" title="added by the editor" '
                         'style="background:#F0E442;color:#000;text-decoration:underline dotted">'
                         f"{html.escape(m.group(0))}</mark><sup>editor</sup>")
            last = m.end()
        parts.append(html.escape(text[last:]))
        body = "".join(parts)
    return f'<div style="font-size:{int(size)}px;line-height:1.6">{body}</div>'
