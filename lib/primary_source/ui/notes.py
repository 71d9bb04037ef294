"""Small HTML pieces the widgets share: a note with a coloured edge, a warning, a file's place."""

from __future__ import annotations

import html
import os
from pathlib import Path

from primary_source.palette import OKABE_ITO

__all__ = ["note_html", "warning_html", "where"]


def note_html(text: str, colour: str = OKABE_ITO["black"], role: str = "status") -> str:
    """``text`` (already HTML) in a box whose left edge has ``colour``; the words stay black.

    >>> note_html("Saved.")[:20]
    '<div role="status" s'
    """
    return (f'<div role="{role}" style="border-left:4px solid {colour};padding:0.3em 0.6em;'
            f'margin:0.3em 0">{text}</div>')


def warning_html(messages: list[str]) -> str:
    """An alert listing ``messages`` (escaped), with an orange edge and the word Warning."""
    items = "".join(f"<p>{html.escape(m)}</p>" for m in messages)
    return note_html(f"<b>Warning:</b>{items}", OKABE_ITO["orange"], role="alert")


def where(path: str | Path) -> str:
    """``path`` relative to the working folder when it can be (another drive on Windows: whole)."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
