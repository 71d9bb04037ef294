"""The bytes of an answers file: lenient JSON reading, safe writing, repaired bookkeeping."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["parse", "dumps", "attempts", "repair"]


def _big_int(digits: str) -> int | float:
    """An integer of the file; one too long for Python to read (over 4,300 digits) is a float."""
    return int(digits) if len(digits) <= 1000 else float(digits)


def parse(raw: bytes) -> Any:
    """The JSON of an answers file; a byte-order mark and integers of any length are accepted.

    Raises ``ValueError`` for bytes that are not UTF-8 or not JSON, and ``RecursionError`` for
    absurdly deep nesting.

    >>> parse(b"\\xef\\xbb\\xbf" + b'{"attempts": ' + b"9" * 5000 + b"}")
    {'attempts': inf}
    """
    return json.loads(raw.decode("utf-8-sig"), parse_int=_big_int)


def dumps(data: Any) -> str:
    """The file's text: readable UTF-8, or escaped ASCII JSON if it holds a lone surrogate.

    >>> dumps({"answer": "\\ud800"})
    '{\\n "answer": "\\\\ud800"\\n}\\n'
    """
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=1) + "\n"
    return text


def attempts(value: Any) -> int:
    """A stored attempts count as a small whole number (0 for text, infinity or nonsense).

    >>> attempts(3), attempts("many"), attempts(float("inf")), attempts([1])
    (3, 0, 0, 0)
    """
    try:
        n = int(value)
    except (TypeError, ValueError, OverflowError):
        return 0
    return n if 0 <= n < 10**9 else 0


def repair(data: dict[str, Any]) -> dict[str, Any]:
    """Give entries whose bookkeeping fields have the wrong type sensible ones (answers kept).

    ``data["answers"]`` must be a mapping of mappings (an answers file's shape).

    >>> repair({"answers": {"q": {"answer": "a", "attempts": "x", "saved": 5}}})["answers"]
    {'q': {'answer': 'a', 'attempts': 0, 'saved': None}}
    """
    for entry in data["answers"].values():
        entry["attempts"] = attempts(entry.get("attempts"))
        for key in ("saved", "first_saved", "notebook"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                entry[key] = None
    return data
