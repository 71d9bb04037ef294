"""The ``Document`` model and the parser for a record as the Wilson Center Digital Archive publishes it."""

from __future__ import annotations

import datetime as dt
import errno
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from primary_source import segments
from primary_source.paths import document_path
from primary_source.problems import DataFileError
from primary_source.references import ArchivalReference, parse_references

__all__ = [
    "ArchivalReference",
    "Document",
    "DocumentFormatError",
    "EditorialInsertion",
    "Paragraph",
    "SECTION_LABELS",
    "load_document",
    "parse_record",
    "parse_date",
    "strip_editorial",
    "tidy_spacing",
    "BRACKET_RE",
]

#: The labelled sections of a published record, in their usual order.
SECTION_LABELS = ("Citation", "Summary", "Original Language", "Contents")

_LABEL_RE = re.compile(
    r"^\s*(citation|summary|original language|contents)\s*:(.*)$", re.IGNORECASE
)  # group 2 is stripped in code: ``\s*(.*?)\s*$`` is quadratic on a long run of spaces
_CONTENTS_LABEL_RE = re.compile(
    r"^(translation|transcript|transcription|original|original scan)\b[^\n]{0,40}?-\s*\S.{0,30}$",
    re.IGNORECASE,
)
BRACKET_RE = re.compile(r"\[[^\[\]\n]*\]")
_URL_RE = re.compile(r"https?://[^\s<>\"]+")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_DATE_PATTERNS = (
    re.compile(r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b"),
    re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})\b"),
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
)


class DocumentFormatError(DataFileError):
    """A record that cannot be read, with the 1-based line (and field) where the problem is.

    >>> try:
    ...     parse_record("no record here")
    ... except DocumentFormatError as err:
    ...     err.line
    1
    """

    def __init__(self, message: str, line: int = 1, field: str | None = None,
                 path: str | Path | None = None):
        super().__init__(path, line, field, message)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body; ``number`` is set for numbered points such as ``- 1.``.

    ``body[start:end]`` is the paragraph as published (its marker included); ``text`` has the
    marker left out and each line stripped. Two paragraphs with the same number and text are
    equal wherever they stand.

    >>> p = load_document().paragraphs[3]
    >>> p.number, load_document().body[p.start:p.end].startswith("- 1.")
    (1, True)
    """

    number: int | None
    text: str
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class EditorialInsertion:
    """A ``[bracketed]`` insertion by the translator or editor; offsets index ``Document.body``."""

    text: str
    start: int
    end: int

    @property
    def marked(self) -> str:
        """The insertion as it stands in the text, brackets included."""
        return f"[{self.text}]"


@dataclass(frozen=True)
class Document:
    """A published archive record: its labelled sections and its body, exactly as published."""

    title: str
    date: dt.date
    citation: str
    url: str | None
    summary: str | None
    original_language: str | None
    contents_label: str | None
    body: str
    source_path: str | None = field(default=None, compare=False)

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The body split at blank lines; numbered points carry their number, not the marker."""
        return list(self._paragraphs)

    @cached_property
    def _paragraphs(self) -> tuple[Paragraph, ...]:
        """The split (:func:`primary_source.segments.paragraphs`), done once per document."""
        return tuple(Paragraph(p.number, p.text, p.start, p.end)
                     for p in segments.paragraphs(self.body))

    @property
    def archival_references(self) -> list[ArchivalReference]:
        """Each archive the citation names, decoded into fond, opis, delo, papka and listy."""
        return parse_references(self.citation)

    @property
    def editorial_insertions(self) -> list[EditorialInsertion]:
        """Every bracketed span in the body, in order, with its offsets."""
        return [EditorialInsertion(m.group(0)[1:-1], m.start(), m.end())
                for m in BRACKET_RE.finditer(self.body)]

    def text(self, editorial: bool = False) -> str:
        """The body; without the editor's ``[insertions]`` unless ``editorial=True``.

        >>> doc = load_document()
        >>> "[Stalin]" in doc.text(), "[Stalin]" in doc.text(editorial=True)
        (False, True)
        """
        return self.body if editorial else strip_editorial(self.body)


def strip_editorial(text: str) -> str:
    """Remove the editor's ``[bracketed]`` insertions and tidy the spaces they leave.

    >>> strip_editorial("The CC VKP(b) [Central Committee] salutes")
    'The CC VKP(b) salutes'
    """
    return tidy_spacing(BRACKET_RE.sub("", text))


def tidy_spacing(text: str) -> str:
    """Collapse the spaces left where something was cut, keeping paragraph breaks."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"[ \t]+([,.;:!?)])", r"\1", text)
    text = re.sub(r"\([ \t]+", "(", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def parse_date(text: str) -> tuple[dt.date | None, int]:
    """Read a date at the start of ``text``; return it and how many characters it used.

    Raises ``ValueError`` for a date that cannot exist, such as 30 February.

    >>> parse_date("August 28, 1950 Ciphered telegram")
    (datetime.date(1950, 8, 28), 15)
    >>> parse_date("Ciphered telegram")
    (None, 0)
    """
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("mnum"):
            month = int(groups["mnum"])
        else:
            month = _MONTHS.get(groups["month"].lower())
            if month is None:
                continue
        return dt.date(int(groups["year"]), month, int(groups["day"])), match.end()
    return None, 0


def _normalise(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, path: str | Path | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DocumentFormatError(
            f"not UTF-8 text (byte {err.start}); save the record as UTF-8", line, path=path
        ) from None


def parse_record(text: str | bytes, path: str | Path | None = None) -> Document:
    """Parse a published record into a ``Document``.

    Parameters
    ----------
    text : str or bytes
        The record: a title line starting with its date, then ``Citation:``, ``Summary:``,
        ``Original Language:`` and ``Contents:`` sections, then the body. A byte-order mark,
        CRLF line ends, extra blank lines and any script are accepted.
    path : str or Path, optional
        Only used to name the file in error messages.

    Raises
    ------
    DocumentFormatError
        For empty or undecodable input, text that is not a record, a title line without a
        date or with an impossible date, and a missing ``Citation:`` or ``Contents:`` section.
        ``err.line`` is the 1-based line of the problem.

    Examples
    --------
    >>> doc = parse_record("May 1, 1950 A note\\nCitation:\\n\\"A note\\", Archive\\nContents:\\nHello.")
    >>> doc.title, doc.date.isoformat(), doc.body
    ('A note', '1950-05-01', 'Hello.')
    """
    if isinstance(text, bytes):
        text = _decode(text, path)
    if not isinstance(text, str):
        raise TypeError(f"parse_record expects str or bytes, not {type(text).__name__}")
    lines = _normalise(text).split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise DocumentFormatError("the record is empty", 1, path=path)

    labels: list[tuple[int, str, str]] = []  # (line index, label, text on the same line)
    for i, line in enumerate(lines):
        match = _LABEL_RE.match(line)
        if match:
            label = match.group(1).title()
            labels.append((i, label, match.group(2).strip()))
            if label == "Contents":
                break
    if not labels:
        raise DocumentFormatError(
            "this does not look like an archive record: no 'Citation:' or 'Contents:' section",
            first + 1, path=path)

    title_line = lines[first].strip()
    if labels[0][0] == first:
        raise DocumentFormatError("the record has no title line before its sections", first + 1,
                                  field="title", path=path)
    try:
        date, used = parse_date(title_line)
    except ValueError as err:
        raise DocumentFormatError(f"the title's date cannot exist ({err})", first + 1,
                                  field="date", path=path) from None
    if date is None:
        raise DocumentFormatError(
            f"the title line does not start with a date such as 'August 28, 1950': "
            f"{title_line[:60]!r}", first + 1, field="date", path=path)
    title = title_line[used:].strip()

    sections: dict[str, str] = {}
    for n, (i, label, same_line) in enumerate(labels):
        if label in sections:
            raise DocumentFormatError(f"the section '{label}:' appears twice", i + 1,
                                      field=label, path=path)
        end = labels[n + 1][0] if n + 1 < len(labels) else len(lines)
        if label == "Contents":
            break
        chunk = [same_line] + lines[i + 1:end]
        joiner = " " if label == "Citation" else "\n"
        sections[label] = joiner.join(part.strip() for part in chunk if part.strip())

    if "Citation" not in sections:
        raise DocumentFormatError("the record has no 'Citation:' section", labels[0][0] + 1,
                                  field="Citation", path=path)
    if labels[-1][1] != "Contents":
        raise DocumentFormatError("the record has no 'Contents:' section", len(lines),
                                  field="Contents", path=path)

    contents_index, _, same_line = labels[-1]
    rest = ([same_line] if same_line else []) + lines[contents_index + 1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    contents_label = None
    if rest and _CONTENTS_LABEL_RE.match(rest[0].strip()):
        contents_label = rest.pop(0).strip()
    body = "\n".join(rest).strip()

    citation = sections["Citation"]
    urls = _URL_RE.findall(citation)
    url = urls[-1].rstrip(".,;)") if urls else None
    return Document(
        title=title,
        date=date,
        citation=citation,
        url=url,
        summary=sections.get("Summary"),
        original_language=sections.get("Original Language"),
        contents_label=contents_label,
        body=body,
        source_path=str(path) if path is not None else None,
    )


def load_document(path: str | Path | None = None) -> Document:
    """Load a record file; without a path, the telegram the lessons are built around.

    Raises ``FileNotFoundError`` naming the path when the file is missing, and
    ``DocumentFormatError`` naming the file and line when it is malformed.

    >>> load_document().date
    datetime.date(1950, 8, 28)
    """
    if path is None:
        path = document_path()
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(errno.ENOENT, "record file not found", str(path)) from None
    except OSError as err:  # a folder, a file we may not read
        raise DocumentFormatError(f"cannot be read as a record ({err.strerror or err})", 1,
                                  path=path) from None
    return parse_record(data, path=path)
