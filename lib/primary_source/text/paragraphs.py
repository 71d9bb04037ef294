"""The numbered and labelled paragraphs of a document or a plain text, brackets optional."""

from __future__ import annotations

import re
from typing import Any

from primary_source import segments
from primary_source.telegram import parse_telegram

__all__ = [
    "strip_editorial",
    "paragraph_units",
]


_BRACKET_RE = re.compile(r"[ \t]*\[[^\[\]\n]*\]")


def strip_editorial(text: str) -> str:
    """``text`` without the translator's ``[bracketed]`` insertions, spacing tidied.

    >>> strip_editorial("Feng Xi [Stalin] wrote.")
    'Feng Xi wrote.'
    """
    text = _BRACKET_RE.sub("", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"[ \t]+([,.;:!?)])", r"\1", text).strip()


_PART_LABELS = (
    ("office", "Heading"),
    ("number", "Telegram number and address"),
    ("instruction", "Instruction to the ambassador"),
    ("signature", "Signature"),
    ("footer", "Registry line"),
)


def paragraph_units(source: Any, editorial: bool = True) -> list[dict]:
    """The paragraphs of a ``Document`` or of a plain text, each with a number and a label.

    Parameters
    ----------
    source : Document or str
        A document (its ``paragraphs`` are used) or any text (split at blank lines and numbered
        markers such as ``- 1.``).
    editorial : bool
        Keep the translator's ``[bracketed]`` insertions (default) or leave them out.

    Returns
    -------
    list of dict
        ``{"index", "number", "label", "text"}``; ``number`` is ``None`` outside numbered points.
        Labels are "Point N" for numbered points; for a telegram, the other parts are named
        (heading, instruction, signature, registry line), otherwise "Paragraph N".

    >>> [u["label"] for u in paragraph_units("Opening words.\\n\\n- 1. First point.")]
    ['Paragraph 1', 'Point 1']
    """
    names: dict[str, str] = {}
    if isinstance(source, str):
        pairs = [(p.number, p.text) for p in segments.paragraphs(source)]
    else:
        pairs = [(p.number, p.text) for p in source.paragraphs]
        try:
            telegram = parse_telegram(source)
            for attr, label in _PART_LABELS:
                value = getattr(telegram, attr)
                if attr == "number" and value:
                    value = next((t for n, t in pairs if n is None and value in t), None)
                elif attr == "signature" and value:
                    value = next((t for n, t in pairs if n is None and t.startswith(value)), None)
                if value:
                    names.setdefault(value.strip(), label)
        except Exception:  # a record that is not a telegram keeps plain labels
            names = {}
    units = []
    for index, (number, text) in enumerate(pairs):
        if number is not None:
            label = f"Point {number}"
        else:
            label = names.get(text.strip(), f"Paragraph {index + 1}")
        units.append({
            "index": index,
            "number": number,
            "label": label,
            "text": text if editorial else strip_editorial(text),
        })
    return units
