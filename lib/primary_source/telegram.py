"""The parts of a Soviet cipher telegram: header, instruction, numbered points, signature, footer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from primary_source.record import Document, Paragraph, parse_date

__all__ = ["Telegram", "parse_telegram"]

_NUMBER_RE = re.compile(r"(?:CIPHER(?:ED)?\s+TELEGRAM|TELEGRAM)\s+No\.?\s*(?P<number>[\w/-]+)\s*"
                        r"(?P<destination>.*)$", re.IGNORECASE | re.DOTALL)
_OFFICE_RE = re.compile(r"\b(department|directorate|ministry|general staff|committee|office)\b",
                        re.IGNORECASE)
_OUTGOING_RE = re.compile(r"\bNo\.?\s*(?P<number>\d+\s*/\s*\w+)")
_COPY_RE = re.compile(r"\bCopy\s+No\.?\s*\d+.*$", re.IGNORECASE | re.DOTALL)
_SIGNATURE_RE = re.compile(r"^(?P<name>[^\[\]\n]{2,40}?)\s*(?:\[(?P<identified>[^\]]+)\])?$")


@dataclass(frozen=True)
class Telegram:
    """The parts of a cipher telegram. A part the record does not have is ``None``."""

    office: str | None = None
    number: str | None = None
    destination: str | None = None
    instruction: str | None = None
    points: list[Paragraph] = field(default_factory=list)
    signature: str | None = None
    signature_identified_as: str | None = None
    footer: str | None = None
    footer_date: dt.date | None = None
    outgoing_number: str | None = None
    copy_line: str | None = None


def _footer_parts(text: str) -> tuple[dt.date | None, str | None, str | None]:
    try:
        date, _ = parse_date(text)
    except ValueError:
        date = None
    outgoing = _OUTGOING_RE.search(text)
    copy = _COPY_RE.search(text)
    return (date, re.sub(r"\s+", "", outgoing.group("number")) if outgoing else None,
            copy.group(0).strip() if copy else None)


def parse_telegram(doc: Document) -> Telegram:
    """Split a telegram's body into its parts.

    Works on any record: where the body is not laid out like a telegram, the missing parts
    are ``None`` and ``points`` is empty, never an exception.

    >>> from primary_source import load_document
    >>> t = parse_telegram(load_document())
    >>> t.number, t.outgoing_number, t.signature, t.signature_identified_as
    ('75021', '483/sh', 'Feng Xi', 'Stalin')
    """
    paragraphs = doc.paragraphs
    numbered = [i for i, p in enumerate(paragraphs) if p.number is not None]
    first_point = numbered[0] if numbered else len(paragraphs)
    last_point = numbered[-1] if numbered else None

    office = number = destination = instruction = None
    for p in paragraphs[:first_point]:
        match = _NUMBER_RE.search(p.text)
        if number is None and match:
            number = match.group("number").rstrip(".")
            destination = match.group("destination").strip().rstrip(".") or None
        elif office is None and number is None and _OFFICE_RE.search(p.text) and len(p.text) < 160:
            office = p.text
        elif instruction is None and (number is not None or office is not None):
            instruction = p.text

    signature = identified = footer = None
    footer_date = outgoing = copy_line = None
    if last_point is not None:
        for p in paragraphs[last_point + 1:]:
            date, out, copy = _footer_parts(p.text)
            if footer is None and (out or copy or date):
                footer, footer_date, outgoing, copy_line = p.text, date, out, copy
                continue
            match = _SIGNATURE_RE.match(p.text)
            if signature is None and footer is None and match:
                signature = match.group("name").strip()
                identified = match.group("identified")
    return Telegram(
        office=office, number=number, destination=destination, instruction=instruction,
        points=[paragraphs[i] for i in numbered], signature=signature,
        signature_identified_as=identified, footer=footer, footer_date=footer_date,
        outgoing_number=outgoing, copy_line=copy_line,
    )
