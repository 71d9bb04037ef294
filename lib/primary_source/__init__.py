"""Classroom lessons around one declassified Cold War telegram, as a small library."""

from primary_source.record import (
    ArchivalReference,
    Document,
    DocumentFormatError,
    EditorialInsertion,
    Paragraph,
    load_document,
    parse_record,
)

__all__ = [
    "ArchivalReference",
    "Document",
    "DocumentFormatError",
    "EditorialInsertion",
    "Paragraph",
    "load_document",
    "parse_record",
]

__version__ = "0.1.0"
