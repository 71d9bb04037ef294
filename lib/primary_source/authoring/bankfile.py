"""One exercise file edited in place: round-trip YAML that leaves untouched exercises as written."""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from primary_source import yamlload
from primary_source.problems import DataFileError

__all__ = ["BankFile", "EditorError", "plain", "to_yaml"]

_PAIR = "<pair>"
#: Longer strings are written as folded block scalars (``>-``) wrapped at this width.
FOLD_AT = 90


class EditorError(DataFileError):
    """A file the editor cannot open, naming the file and the 1-based line.

    >>> str(EditorError("data/exercises/01.yaml", 3, "exercises", "must be a list"))
    'data/exercises/01.yaml:3: exercises: must be a list'
    """

    def __init__(self, file: str, line: int, field: str, message: str):
        self.file = str(file)
        super().__init__(file, line, field, message)


def _yaml():
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def plain(value: Any) -> Any:
    """A round-trip YAML value as plain Python: dicts, lists and str.

    >>> plain(to_yaml({"pairs": [["a", "b"]]}))
    {'pairs': [['a', 'b']]}
    """
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _folded(text: str):
    lines = textwrap.wrap(text, FOLD_AT, break_long_words=False, break_on_hyphens=False)
    if len(lines) < 2 or " ".join(lines) != text:
        return text
    folded = FoldedScalarString(text)
    folded.fold_pos = [pos for pos in _fold_positions(lines)]
    return folded


def _fold_positions(lines: list[str]) -> list[int]:
    at, out = 0, []
    for line in lines[:-1]:
        at += len(line)
        out.append(at)  # the space between two lines
        at += 1
    return out


def to_yaml(value: Any, key: str | None = None) -> Any:
    """A plain value as round-trip YAML: long text folded, pairs in flow style.

    >>> to_yaml("short")
    'short'
    """
    if isinstance(value, dict):
        return CommentedMap((k, to_yaml(v, k)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        if key == _PAIR:  # one pair of a match: [left, right] on one line, as written by hand
            seq = CommentedSeq(str(v).strip() for v in value)
            seq.fa.set_flow_style()
            return seq
        return CommentedSeq(to_yaml(v, _PAIR if key == "pairs" else None) for v in value)
    if isinstance(value, str):
        if "\n" in value.strip():
            return LiteralScalarString(value.strip() + "\n")
        return _folded(value.strip()) if len(value) > FOLD_AT else value
    return value


@dataclass
class _Entry:
    data: Any              # the exercise's CommentedMap
    original: int | None   # its index in the file as read, None for a new one
    changed: bool = False


class BankFile:
    """An exercise file as read; edit its ``exercises`` and get the new text with :meth:`text`.

    Exercises that were not edited keep their exact text (comments, quoting, line breaks,
    key order); edited ones keep their comments and the order of their keys.

    >>> from primary_source import paths
    >>> bank = BankFile.read(paths.exercise_path("03_content"))
    >>> bank.text() == paths.exercise_path("03_content").read_text(encoding="utf-8")
    True
    """

    def __init__(self, text: str, path: str | Path = "<text>"):
        self.path = Path(path)
        self.original_text = text
        try:
            self.root = _yaml().load(text)
        except YAMLError as err:
            raise EditorError(str(path), yamlload.error_line(err), "file",
                              f"this is not valid YAML: {getattr(err, 'problem', err)}") from None
        if self.root is None:
            self.root = CommentedMap()
        if not isinstance(self.root, CommentedMap):
            raise EditorError(str(path), 1, "file", "must be a mapping with 'exercises:'")
        seq = self.root.get("exercises")
        if seq is None:
            seq = self.root["exercises"] = CommentedSeq()
        if not isinstance(seq, CommentedSeq):
            raise EditorError(str(path), self.root.lc.key("exercises")[0] + 1, "exercises",
                              "must be a list of exercises")
        for i, item in enumerate(seq):
            if not isinstance(item, CommentedMap):
                raise EditorError(str(path), seq.lc.item(i)[0] + 1, "exercises",
                                  f"item {i + 1} must be a mapping of fields")
        self._entries = [_Entry(item, i) for i, item in enumerate(seq)]
        self._regions = _item_regions(text, self.root) if len(seq) else None

    @classmethod
    def read(cls, path: str | Path) -> BankFile:
        """Open an exercise file (``EditorError`` naming file and line when it is not YAML)."""
        path = Path(path)
        return cls(path.read_text(encoding="utf-8-sig"), path)

    # -- reading
    def __len__(self) -> int:
        return len(self._entries)

    def exercise(self, index: int) -> dict:
        """Exercise ``index`` as plain fields."""
        return plain(self._entries[index].data)

    def exercises(self) -> list[dict]:
        """Every exercise as plain fields, in order."""
        return [plain(e.data) for e in self._entries]

    @property
    def title(self) -> str:
        return str(self.root.get("title") or "")

    # -- editing
    def update(self, index: int, fields: dict, drop: tuple[str, ...] = ()) -> None:
        """Set the fields of exercise ``index``; a field set to ``None`` or in ``drop`` goes.

        Fields whose value does not change keep their exact YAML; fields not named stay.
        """
        entry = self._entries[index]
        data = entry.data
        for key in list(data):
            if key in drop or (key in fields and fields[key] in (None, "", [], {})):
                del data[key]
                entry.changed = True
        for key, value in fields.items():
            if value in (None, "", [], {}) or (key in data and plain(data[key]) == value):
                continue
            data[key] = to_yaml(value, key)
            entry.changed = True

    def add(self, fields: dict, at: int | None = None) -> int:
        """Add an exercise (after the last one, or at ``at``); returns its index."""
        entry = _Entry(to_yaml({k: v for k, v in fields.items()
                                if v not in (None, "", [], {})}), None, True)
        at = len(self._entries) if at is None else at
        self._entries.insert(at, entry)
        return at

    def remove(self, index: int) -> dict:
        """Remove exercise ``index``; returns its fields."""
        return plain(self._entries.pop(index).data)

    def move(self, index: int, to: int) -> None:
        """Move exercise ``index`` to position ``to`` (both 0-based)."""
        entry = self._entries.pop(index)
        self._entries.insert(max(0, min(to, len(self._entries))), entry)

    # -- writing
    def text(self) -> str:
        """The file's new text: untouched exercises exactly as read, the rest as YAML."""
        seq = self.root["exercises"]
        if (self._regions is not None and not any(e.changed for e in self._entries)
                and [e.original for e in self._entries] == list(range(len(seq)))):
            return self.original_text
        fresh = CommentedSeq(e.data for e in self._entries)
        dumped_root = self.root.copy()
        dumped_root["exercises"] = fresh
        buffer = io.StringIO()
        _yaml().dump(dumped_root, buffer)
        dumped = buffer.getvalue()
        if self._regions is None or not self._entries:
            return dumped
        new_items = _item_regions(dumped, _yaml().load(dumped))[1]
        head, old_items, tail = self._regions
        separate = any(body.endswith("\n\n") for _, body in old_items[:-1])
        last = len(old_items) - 1
        joined = ""
        for i, entry in enumerate(self._entries):
            kept = entry.original is not None and not entry.changed
            lead = old_items[entry.original][0] if entry.original is not None else ""
            body = old_items[entry.original][1] if kept else new_items[i][1]
            core = body.rstrip("\n") + "\n"
            # blank lines after an untouched exercise stay as written; others get the file's habit
            gap = (len(body) - len(core) if kept and entry.original != last
                   else int(separate))
            joined += lead + core + ("\n" * gap if i + 1 < len(self._entries) else "")
        return head + joined + (("\n" + tail.lstrip("\n")) if tail.strip() else "")


def _item_regions(text: str, root) -> tuple[str, list[tuple[str, str]], str]:
    """The text before the exercises, each exercise as (comment before it, its text), and after.

    A comment just above an exercise (a section divider, a note) belongs to that exercise.
    """
    lines = text.splitlines(keepends=True)
    seq = root["exercises"]
    dashes = [_dash_line(lines, seq.lc.item(i)[0]) for i in range(len(seq))]
    leads = [_lead_start(lines, d, floor=(dashes[i - 1] + 1 if i else 0))
             for i, d in enumerate(dashes)]
    keys = list(root)
    after = keys.index("exercises") + 1
    end = root.lc.key(keys[after])[0] if after < len(keys) else len(lines)
    end = _lead_start(lines, end, floor=dashes[-1] + 1) if after < len(keys) else end
    items = []
    for i, dash in enumerate(dashes):
        stop = leads[i + 1] if i + 1 < len(dashes) else end
        items.append(("".join(lines[leads[i]:dash]), "".join(lines[dash:stop])))
    return "".join(lines[:leads[0]]), items, "".join(lines[end:])


_DASH = re.compile(r"^\s*-\s")
_COMMENT = re.compile(r"^\s*#")


def _dash_line(lines: list[str], line: int) -> int:
    while line > 0 and not _DASH.match(lines[line]):
        line -= 1
    return line


def _lead_start(lines: list[str], line: int, floor: int) -> int:
    """Where the comment lines just above ``line`` begin (blank lines between them included)."""
    start = line
    probe = line - 1
    while probe >= floor and (not lines[probe].strip() or _COMMENT.match(lines[probe])):
        if _COMMENT.match(lines[probe]):
            start = probe
        probe -= 1
    return start
