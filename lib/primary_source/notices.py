"""Friendly notices for parts of a lesson that need curated data the chosen record lacks."""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from primary_source.metadata import load_metadata
from primary_source.palette import OKABE_ITO
from primary_source.paths import document_id, metadata_path

__all__ = [
    "NEEDS_METADATA",
    "NEEDS_RHETORIC",
    "GUIDE",
    "metadata_or_none",
    "needs_metadata",
    "needs_metadata_frame",
    "needs_rhetoric",
    "notice_frame",
    "notice_html",
]

#: Where instructors read how to give a record its curated data.
GUIDE = "docs/INSTRUCTOR.md"
#: The first words of the notice shown where a part needs ``data/documents/<id>.yaml``.
NEEDS_METADATA = f"This part needs curated metadata for this document: see {GUIDE}"
#: The first words of the notice shown where a part needs annotations in ``data/rhetoric.yaml``.
NEEDS_RHETORIC = f"This part needs rhetoric annotations for this document: see {GUIDE}"


def _doc_id(doc_id: str | None) -> str:
    if doc_id:
        return doc_id
    return document_id()


def needs_metadata(doc_id: str | None = None) -> str:
    """The notice for a part that needs curated metadata, naming the file it would read.

    >>> needs_metadata("my-record").startswith(NEEDS_METADATA)
    True
    """
    doc_id = _doc_id(doc_id)
    return (f"{NEEDS_METADATA} (\u201cUsing another document\u201d). The record "
            f"\u201c{doc_id}\u201d has no file {metadata_path(doc_id).name} in data/documents/ "
            "yet, so this part cannot be shown; everything that reads the text itself still "
            "works.")


def needs_rhetoric(key_document: str | None = None, doc_id: str | None = None) -> str:
    """The notice for a part that needs the annotated rhetoric key of the chosen record.

    >>> needs_rhetoric("feng-xi-1950-08-28", "my-record").startswith(NEEDS_RHETORIC)
    True
    """
    doc_id = _doc_id(doc_id)
    written = (f"the annotations in data/rhetoric.yaml were written for \u201c{key_document}\u201d"
               if key_document else "data/rhetoric.yaml has no annotations that fit it")
    return (f"{NEEDS_RHETORIC} (\u201cUsing another document\u201d). The lessons now read "
            f"\u201c{doc_id}\u201d, but {written}. The catalogue of devices still applies: "
            "find the devices in the text yourself and discuss them.")


def notice_html(message: str) -> str:
    """A notice as escaped HTML in a bordered box that screen readers announce as a note.

    >>> notice_html("<b>")
    '<div class="ps-notice" role="note" style="border-left:4px solid #E69F00;padding:0.4em \
0.8em;margin:0.4em 0;max-width:60em"><strong>Note:</strong> &lt;b&gt;</div>'
    """
    return (f'<div class="ps-notice" role="note" style="border-left:4px solid '
            f'{OKABE_ITO["orange"]};padding:0.4em 0.8em;margin:0.4em 0;max-width:60em">'
            f"<strong>Note:</strong> {html.escape(message)}</div>")


@lru_cache(maxsize=1)
def _notice_frame_class() -> type:
    # lazy: pandas costs ~200 ms at import; the exercise widgets load this module in lesson
    # 00, which shows no table
    import pandas as pd

    class NoticeFrame(pd.DataFrame):
        """An empty table that shows a notice instead of an empty grid in a notebook."""

        @property
        def _constructor(self):
            return NoticeFrame

        def _notice(self) -> str | None:
            return self.attrs.get("notice") if self.empty else None

        def _repr_html_(self) -> str | None:
            note = self._notice()
            return notice_html(note) if note else super()._repr_html_()

        def __repr__(self) -> str:
            note = self._notice()
            return f"Note: {note}" if note else super().__repr__()

    return NoticeFrame


def notice_frame(message: str, columns: Sequence[str]) -> Any:
    """An empty DataFrame with the usual ``columns`` that a notebook displays as ``message``.

    Selecting columns keeps the notice, so a lesson cell such as
    ``people_frame()[["name", "role"]]`` shows the notice instead of failing.

    >>> frame = notice_frame("No curated metadata.", ["name", "role"])
    >>> len(frame), repr(frame[["name"]])
    (0, 'Note: No curated metadata.')
    """
    frame = _notice_frame_class()(columns=list(columns))
    frame.attrs["notice"] = message
    return frame


def metadata_or_none(meta: Any = None) -> Any:
    """``meta`` itself, else the chosen record's curated metadata, else ``None`` (no file).

    >>> metadata_or_none("given")
    'given'
    """
    if meta is not None:
        return meta
    try:
        return load_metadata()
    except FileNotFoundError:
        return None


def needs_metadata_frame(columns: Sequence[str]) -> Any:
    """An empty table with ``columns`` that shows the "needs curated metadata" notice.

    >>> needs_metadata_frame(["name"]).attrs["notice"].startswith(NEEDS_METADATA)
    True
    """
    return notice_frame(needs_metadata(), columns)
