"""One family of errors for editable files, each naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DataFileError", "FileProblem", "where"]


def where(path: str | Path | None, line: int | None = None, field: str | None = None) -> str:
    """The place of a problem in the one format: ``path:line: field``.

    A missing path, line or field is left out.

    >>> where("data/timeline.csv", 7, "start")
    'data/timeline.csv:7: start'
    >>> where(None, 3), where("glossary.csv", None, "term")
    ('line 3', 'glossary.csv: term')
    """
    place = str(path) if path is not None else ""
    if line is not None:
        place = f"{place}:{line}" if place else f"line {line}"
    if field:
        place = f"{place}: {field}" if place else str(field)
    return place


class FileProblem:
    """One problem found in an editable file, which prints as ``path:line: field: message``.

    A frozen dataclass subclasses it with ``line``, ``field``, ``message`` and the file's name
    under the attribute that ``file_attribute`` names (``path`` unless it says otherwise).

    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Slip(FileProblem):
    ...     path: str
    ...     line: int
    ...     field: str
    ...     message: str
    >>> str(Slip("glossary.csv", 4, "term", "is empty"))
    'glossary.csv:4: term: is empty'
    """

    file_attribute = "path"

    def __str__(self) -> str:
        place = where(getattr(self, self.file_attribute), self.line, self.field)
        return f"{place}: {self.message}"


class DataFileError(ValueError):
    """A problem in a file a teacher can edit: ``path:line: field: message``.

    ``path``, ``line`` (1-based), ``field`` and ``message`` stay readable as attributes, so a
    widget or a test can point at the place. Every module's own error (``DocumentFormatError``,
    ``TimelineFormatError``, ``MetadataError``, ...) is a subclass and prints the same way.

    >>> err = DataFileError("data/exercises/01.yaml", 3, "answer", "is not one of the options")
    >>> str(err)
    'data/exercises/01.yaml:3: answer: is not one of the options'
    >>> isinstance(err, ValueError), err.line
    (True, 3)
    """

    def __init__(self, path: str | Path | None, line: int | None, field: str | None,
                 message: str):
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        place = where(self.path, self.line, self.field)
        return f"{place}: {self.message}" if place else self.message
