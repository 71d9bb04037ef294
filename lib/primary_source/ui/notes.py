"""Small HTML pieces the widgets share: a note with a coloured edge, a warning, a file's place."""

from __future__ import annotations

import base64
import html
import mimetypes
import os
from pathlib import Path

from primary_source.palette import OKABE_ITO

__all__ = ["done_html", "download_link", "escape", "escape_words", "note_html", "warning_html",
           "where"]


def escape(value: object) -> str:
    """``value`` as text safe inside HTML: ``<``, ``>``, ``&`` and both quotes escaped.

    >>> escape('<b title="x">')
    '&lt;b title=&quot;x&quot;&gt;'
    """
    return html.escape(str(value), quote=True)


def escape_words(value: object) -> str:
    """A curated text on one line (whitespace runs made one space), safe inside HTML.

    >>> escape_words("Kim  Il Sung\\n<Pyongyang>")
    'Kim Il Sung &lt;Pyongyang&gt;'
    """
    return escape(" ".join(str(value).split()))


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


def done_html(text: str, notices: list[str] = ()) -> str:
    """``text`` (already HTML) as a green "done" note, after an alert for any ``notices``.

    Saving and exporting say what happened this way: a damaged answers file moved aside
    first (see ``responses.Saved.notices``), then what was written.

    >>> done_html("Saved.", ["Your old file was moved aside."]).count('role="alert"')
    1
    """
    return (warning_html(list(notices)) if notices else "") + note_html(
        text, OKABE_ITO["bluish green"])


def where(path: str | Path) -> str:
    """``path`` relative to the working folder when it can be (another drive on Windows: whole)."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def download_link(path: str | Path, label: str) -> str:
    """A link that downloads the file at ``path`` itself, under its own name, from any server.

    The file travels inside the link (a ``data:`` address): the kernel cannot know the
    server's address for a file (JupyterLab's ``/files/`` needs the server's root folder and
    base URL; Voila serves only images from its files address), and a path relative to the
    page points into JupyterLab's own pages, so the browser would save JupyterLab instead.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "me-portfolio.html"
    >>> _ = f.write_text("<p>mine</p>")
    >>> download_link(f, "open it")[:50]
    '<a href="data:text/html;charset=utf-8;base64,PHA+b'
    """
    path = Path(path)
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<a href="data:{mime};charset=utf-8;base64,{data}" '
            f'download="{html.escape(path.name, quote=True)}">{html.escape(label)}</a>')
