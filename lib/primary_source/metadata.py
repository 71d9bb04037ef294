"""The curated metadata that goes with a record: people, journey, related records, quirks, adaptation."""

from __future__ import annotations

import datetime as dt
import errno
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from primary_source import yamlload
from primary_source.dates import MONTH_NAMES, PRECISIONS, PartialDate
from primary_source.paths import metadata_path
from primary_source.problems import DataFileError

__all__ = [
    "PRECISIONS",
    "SECTIONS",
    "Metadata",
    "MetadataError",
    "date_label",
    "load_metadata",
    "parse_partial_date",
    "validate_metadata",
]


#: The sections a metadata file must have, each a list of facts with an ``id`` and a ``source``.
SECTIONS = ("people", "chain", "related", "quirks", "insertions")

_DATE_KEYS = ("date", "start", "end", "date_latest")
_REQUIRED = {
    "people": ("id", "name", "role", "description", "source"),
    "chain": ("id", "step", "date", "precision", "actor", "means", "description", "source"),
    "related": ("id", "date", "precision", "title", "summary", "source"),
    "quirks": ("id", "published", "standard", "explanation", "source"),
    "insertions": ("id", "text", "tells_us", "source"),
    "archives": ("id", "name", "description", "source"),
}
#: Optional mappings of a record's own wording, each with the fields it must then have.
_OPTIONAL = {
    "names": ("short", "long", "source"),
    "date_puzzle": ("step", "heading", "summary", "pointer", "registered", "not_when_heard",
                    "source"),
}
_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class MetadataError(DataFileError):
    """A metadata file that is broken, naming the file, the 1-based line and the field.

    >>> str(MetadataError("has no 'source'", path="x.yaml", line=12, field="chain[2]"))
    "x.yaml:12: chain[2]: has no 'source'"
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int = 1,
                 field: str | None = None):
        super().__init__(path, line, field, message)


def parse_partial_date(value: Any) -> dt.date:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value as a date (missing parts become 1).

    >>> parse_partial_date("1950-08"), parse_partial_date(1994)
    (datetime.date(1950, 8, 1), datetime.date(1994, 1, 1))
    """
    return PartialDate.parse(value).first


def date_label(value: Any, precision: str = "day", latest: Any = None) -> str:
    """A date written for readers, no more precise than it is known.

    >>> date_label("1950-08-28"), date_label("1950-08-29", "month"), date_label("1994", "year")
    ('28 August 1950', 'August 1950', '1994')
    >>> date_label("1950-08-29", "month", latest="1950-08-31")
    'between 29 and 31 August 1950'
    """
    date = parse_partial_date(value)
    if latest is not None:
        end = parse_partial_date(latest)
        if (date.year, date.month) == (end.year, end.month):
            return f"between {date.day} and {end.day} {MONTH_NAMES[date.month - 1]} {date.year}"
        return f"between {date_label(value)} and {date_label(latest)}"
    return PartialDate(date.year, date.month, date.day, precision).label()


def _field_name(path: tuple) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


class _Checker:
    def __init__(self, path: str | Path | None, lines: dict):
        self.path = path
        self.lines = lines

    def line(self, path: tuple) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def fail(self, message: str, path: tuple, label: str | None = None):
        name = _field_name(path) + (f" ({label})" if label else "")
        raise MetadataError(message, self.path, self.line(path), name or None)


def validate_metadata(data: Any, path: str | Path | None = None, lines: dict | None = None):
    """Check a loaded metadata mapping; raise ``MetadataError`` naming file, line and field.

    Every fact in the sections needs an ``id`` and a non-empty ``source``; every mapping with a
    date (``date``, ``start``, ``end``) needs a ``precision`` of day, month or year, and a date
    written as precisely as that precision says.
    """
    check = _Checker(path, lines or {})
    if not isinstance(data, dict):
        check.fail("the metadata file must be a mapping of sections (people:, chain: ...)", ())
    for key in ("id", "stable_url", *SECTIONS, "adapted"):
        if key not in data:
            check.fail(f"missing the required section or field '{key}'", (), None)
    sources = data.get("sources") or {}
    if not isinstance(sources, dict):
        check.fail("'sources' must be a mapping of short keys to full references", ("sources",))

    def check_source(item: dict, where: tuple):
        value = item.get("source")
        if value is None or not str(value).strip():
            check.fail("has no 'source': every fact needs a citable reference", where,
                       item.get("id"))
        if _KEY_RE.match(str(value)) and str(value) not in sources:
            check.fail(f"source key {value!r} is not listed under 'sources:'", where + ("source",),
                       item.get("id"))

    def check_dates(item: dict, where: tuple):
        dated = [k for k in _DATE_KEYS if item.get(k) is not None]
        if not dated:
            return
        precision = item.get("precision")
        if precision not in PRECISIONS:
            check.fail(f"a dated fact needs 'precision' (one of {', '.join(PRECISIONS)}), "
                       f"not {precision!r}", where + (("precision",) if "precision" in item
                                                      else ()), item.get("id"))
        for key in dated:
            try:
                parse_partial_date(item[key])
            except ValueError as err:
                check.fail(str(err), where + (key,), item.get("id"))
        needed = {"day": 3, "month": 2, "year": 1}[precision]
        for key in ("date", "start"):
            if key in dated and PartialDate.parts(item[key]) < needed:
                check.fail(f"'{key}' is less precise than precision {precision!r}",
                           where + (key,), item.get("id"))

    for section in (*SECTIONS, "archives"):
        items = data.get(section)
        if items is None and section == "archives":
            continue
        if not isinstance(items, list) or not items:
            check.fail(f"'{section}' must be a non-empty list", (section,))
        seen: set[str] = set()
        for index, item in enumerate(items):
            where = (section, index)
            if not isinstance(item, dict):
                check.fail("each entry must be a mapping of fields", where)
            for key in _REQUIRED[section]:
                if key == "source":
                    continue
                if item.get(key) is None or (isinstance(item.get(key), str)
                                             and not item[key].strip()):
                    check.fail(f"has no '{key}'", where, item.get("id"))
            check_source(item, where)
            check_dates(item, where)
            if item["id"] in seen:
                check.fail(f"duplicate id {item['id']!r}", where + ("id",), item["id"])
            seen.add(item["id"])

    for key, fields in _OPTIONAL.items():
        block = data.get(key)
        if block is None:
            continue
        if not isinstance(block, dict):
            check.fail(f"'{key}' must be a mapping of {', '.join(fields)}", (key,))
        for name in fields:
            if not str(block.get(name) or "").strip():
                check.fail(f"has no '{name}'", (key,), None)
        check_source(block, (key,))
    puzzle = data.get("date_puzzle")
    if puzzle and puzzle["step"] not in {step.get("id") for step in data["chain"]}:
        check.fail(f"step {puzzle['step']!r} is not the id of a chain step", ("date_puzzle", "step"))

    adapted = data["adapted"]
    if not isinstance(adapted, dict):
        check.fail("'adapted' must be a mapping with note, source, paragraphs and changes",
                   ("adapted",))
    for key in ("note", "source", "paragraphs", "changes"):
        if not adapted.get(key):
            check.fail(f"has no '{key}'", ("adapted",), None)
    check_source(adapted, ("adapted",))
    for index, para in enumerate(adapted["paragraphs"]):
        where = ("adapted", "paragraphs", index)
        if not isinstance(para, dict) or not para.get("label") or not para.get("text"):
            check.fail("each adapted paragraph needs 'label' and 'text'", where)
        if "number" not in para:
            check.fail("each adapted paragraph needs 'number' (null for unnumbered)", where)
    for index, change in enumerate(adapted["changes"]):
        where = ("adapted", "changes", index)
        for key in ("paragraph", "original", "adapted", "why"):
            if not isinstance(change, dict) or not str(change.get(key) or "").strip():
                check.fail(f"each change needs '{key}'", where)


@dataclass(frozen=True)
class Metadata(Mapping):
    """The curated metadata of one record, read-only and dict-like.

    >>> meta = load_metadata()
    >>> meta["record"], [p["role"] for p in meta.people()][:3]
    (110696, ['author', 'recipient', 'intermediary'])
    """

    doc_id: str
    path: str
    data: dict = field(repr=False)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    @property
    def stable_url(self) -> str:
        """The archive's stable address for the record."""
        return self.data["stable_url"]

    def sources(self) -> dict[str, str]:
        """The named sources: short key to full reference."""
        return dict(self.data.get("sources") or {})

    def cite(self, source: str) -> str:
        """The full reference for a source key, or the text itself when it is already one.

        >>> load_metadata().cite("millett-2010").startswith("Allan R. Millett")
        True
        """
        return self.sources().get(str(source), str(source))

    def _items(self, section: str) -> list[dict]:
        return [dict(item) for item in self.data.get(section) or []]

    def people(self) -> list[dict]:
        """The people and offices involved: author, recipient, intermediary, cipher service."""
        return self._items("people")

    def person(self, person_id: str) -> dict | None:
        """One person by id, or ``None``."""
        return next((p for p in self.people() if p["id"] == person_id), None)

    def actor_name(self, actor: str) -> str:
        """A chain step's actor as a name: a person id becomes the person's ``short_name``."""
        person = self.person(actor)
        return actor if person is None else str(person.get("short_name") or person["name"])

    def chain(self) -> list[dict]:
        """The transmission chain, step by step, in the order the file gives."""
        return self._items("chain")

    def related(self) -> list[dict]:
        """Related records, by reference only."""
        return self._items("related")

    def quirks(self) -> list[dict]:
        """Oddities of the published record: misspellings, inconsistencies, a test address."""
        return self._items("quirks")

    def insertions(self) -> list[dict]:
        """What each editorial [bracket] tells us, and who added it."""
        return self._items("insertions")

    def archives(self) -> list[dict]:
        """What the archives named in the citation are."""
        return self._items("archives")

    def adapted(self) -> dict:
        """The adapted reading version: ``note``, ``paragraphs`` and the list of ``changes``."""
        return dict(self.data["adapted"])


_CACHE: dict[tuple[str, float], Metadata] = {}


def load_metadata(doc_id: str | None = None, path: str | Path | None = None) -> Metadata:
    """Load and validate ``data/documents/<id>.yaml`` (or the file at ``path``).

    Raises
    ------
    FileNotFoundError
        Naming the path, when the file is not there.
    MetadataError
        Naming the file, the line and the field, when the YAML is broken or a required field
        (an ``id``, a ``source``, a ``precision`` on a dated fact ...) is missing.

    Examples
    --------
    >>> load_metadata().chain()[0]["id"]
    'drafted'
    """

    if path is None:
        path = metadata_path(doc_id)
    path = Path(path)
    try:
        stamp = path.stat().st_mtime
    except FileNotFoundError:
        raise FileNotFoundError(errno.ENOENT, "metadata file not found", str(path)) from None
    key = (str(path.resolve()), stamp)
    if key in _CACHE:
        return _CACHE[key]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = err.object[:err.start].count(b"\n") + 1
        raise MetadataError(f"not UTF-8 text (byte {err.start}); save it as UTF-8", path,
                            line) from None
    except OSError as err:  # a folder, a file we may not read
        raise MetadataError(f"cannot be read ({err.strerror or err})", path) from None
    data, lines = yamlload.load_data_file(text, path, MetadataError, key_lines=True)
    validate_metadata(data, path, lines)
    meta = Metadata(doc_id=str(data["id"]), path=str(path), data=data)
    _CACHE.clear()
    _CACHE[key] = meta
    return meta
