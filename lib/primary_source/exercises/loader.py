"""Line-recording YAML loading: nodes keep their line, and a reader reports problems by line."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

from primary_source.exercises.model import Problem, same_key
from primary_source.yamlload import safe_loader

__all__ = [
    "NodeReader",
    "did_you_mean",
    "is_null",
    "node_kind",
    "node_line",
    "shorten",
]


def node_line(node: yaml.Node | None) -> int:
    """The 1-based line a node starts on (1 for no node)."""
    return node.start_mark.line + 1 if node is not None else 1


def is_null(node: yaml.Node) -> bool:
    """Whether a node is a plain YAML null (``~``, ``null`` or nothing)."""
    return (isinstance(node, yaml.ScalarNode) and node.style is None
            and node.value in ("", "~", "null", "Null", "NULL"))


def node_kind(node: yaml.Node) -> str:
    """What a node is, in words for a problem message."""
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value"


def did_you_mean(value: str, choices: Sequence[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""``."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def shorten(text: str, n: int = 60) -> str:
    """Text cut to ``n`` characters with an ellipsis.

    >>> shorten("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= n else text[: n - 1] + "…"


class NodeReader:
    """Reads YAML nodes of one file as text and lists, collecting a ``Problem`` for each mistake."""

    def __init__(self, shown: str):
        self.shown = shown
        self.problems: list[Problem] = []

    def problem(self, node_or_line: yaml.Node | int | None, fieldname: str, message: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) else node_line(node_or_line)
        self.problems.append(Problem(self.shown, line, fieldname, message))

    # -- scalar helpers: read the raw YAML text so `No` stays "No" and 1950 stays "1950"
    def text(self, node: yaml.Node, fieldname: str, *, required: bool = True) -> str | None:
        if is_null(node) or (isinstance(node, yaml.ScalarNode) and not node.value.strip()):
            if required:
                self.problem(node, fieldname, "is empty; write some text here")
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, fieldname, f"must be text, not a {node_kind(node)}")
            return None
        return node.value

    def text_list(self, node: yaml.Node, fieldname: str, *, minimum: int = 1,
                  unique: bool = False) -> list[str] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, fieldname, f"must be a list of text items, not a {node_kind(node)}")
            return None
        out: list[str] = []
        ok = True
        for i, item in enumerate(node.value):
            value = self.text(item, f"{fieldname}[{i}]")
            if value is None:
                ok = False
            else:
                out.append(value)
        if ok and len(out) < minimum:
            self.problem(node, fieldname, f"needs at least {minimum} item(s), found {len(out)}")
            return None
        if unique and ok:
            seen: dict[str, str] = {}
            for item_node, value in zip(node.value, out, strict=True):
                key = same_key(value)
                if key in seen:
                    same = "" if seen[key] == value else \
                        f" (as {seen[key]!r}: marking ignores case, spacing and letter forms)"
                    self.problem(item_node, fieldname, f"{value!r} appears more than once{same}")
                    ok = False
                seen.setdefault(key, value)
        return out if ok else None

    def mapping(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key -> (key node, value node); duplicate keys are reported here."""
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in out:
                self.problem(key_node, key,
                             f"duplicate key: {key!r} is already given on line "
                             f"{node_line(out[key][0])}")
                continue
            out[key] = (key_node, value_node)
        return out

    def mapping_quiet(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Like ``mapping`` but without reporting (duplicates were reported in one pass)."""
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            out.setdefault(key, (key_node, value_node))
        return out

    def _check_duplicate_keys(self, root: yaml.Node | None) -> None:
        stack = [root] if root is not None else []
        seen: set[int] = set()
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                self.mapping(node)
                stack.extend(v for _k, v in node.value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)

    def unknown(self, key_node: yaml.Node, key: str, allowed: Iterable[str], where: str) -> None:
        close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else \
            f"; allowed: {', '.join(sorted(allowed))}"
        self.problem(key_node, key, f"unknown field {where}{hint}")

    def _construct(self, node: yaml.Node) -> Any:
        loader = safe_loader()("")
        try:
            return loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            return None
        finally:
            loader.dispose()

    def _required(self, ex_node, fields, name, who) -> yaml.Node | None:
        if name not in fields:
            self.problem(ex_node, name, f"missing{who}")
            return None
        return fields[name][1]
