"""The citation students see: the record's own, with the permanent address its data gives."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from primary_source.metadata import MetadataError, load_metadata
from primary_source.paths import metadata_path
from primary_source.record import load_document

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from primary_source.metadata import Metadata
    from primary_source.record import Document

__all__ = ["display_citation", "permanent_address", "record_metadata", "record_names"]

_URL_RE = re.compile(r"https?://\S+")


def record_metadata(doc: Document) -> Metadata | None:
    """The curated metadata that goes with a record file (``<id>.yaml`` beside ``<id>.txt``).

    ``None`` when the record has none, or when its metadata cannot be read: a citation is
    still shown, with the record's own address.

    >>> from primary_source import load_document
    >>> record_metadata(load_document())["record"]
    110696
    """
    if doc.source_path:
        path = Path(doc.source_path).with_suffix(".yaml")
    else:
        path = metadata_path()
    try:
        return load_metadata(path=path)
    except (FileNotFoundError, MetadataError, OSError, ValueError):
        return None


def _for_this_record(doc: Document, meta: Metadata | None) -> Metadata | None:
    if meta is None:
        return record_metadata(doc)
    if doc.source_path and Path(doc.source_path).stem != meta.doc_id:
        return None  # metadata of another record: its address would be wrong here
    return meta


def permanent_address(doc: Document, meta: Metadata | None = None) -> str | None:
    """The record's permanent address: its metadata's ``stable_url``, else its own address.

    The address comes from the record's data, never from code, so another record with its
    own metadata shows its own address.

    >>> from primary_source import load_document
    >>> permanent_address(load_document())
    'https://digitalarchive.wilsoncenter.org/document/110696'
    """
    meta = _for_this_record(doc, meta)
    if meta is not None and meta.get("stable_url"):
        return str(meta["stable_url"]).strip()
    return doc.url


def display_citation(doc: Document, meta: Metadata | None = None) -> str:
    """The citation as students should copy it: the record's citation with the address it was
    copied from replaced by the permanent address (added at the end when it gave none).

    >>> from primary_source import load_document
    >>> text = display_citation(load_document())
    >>> text.endswith("https://digitalarchive.wilsoncenter.org/document/110696")
    True
    >>> "dvincitest" in text
    False
    """
    citation = " ".join(doc.citation.split())
    address = permanent_address(doc, meta)
    if not address:
        return citation
    if _URL_RE.search(citation):
        return _URL_RE.sub(lambda m: address, citation, count=1).strip()
    return f"{citation.rstrip('. ')}. {address}"


def record_names(meta: Metadata | None = None, doc: Document | None = None) -> tuple[str, str]:
    """How the lessons name the record in running text, ``(short, long)``: the ``names:`` of its
    metadata, else the record's own title.

    >>> record_names()[0]
    'the telegram of 28 August 1950'
    """
    if meta is None:
        doc = doc or load_document()
        meta = record_metadata(doc)
    names = (meta.get("names") if meta is not None else None) or {}
    if names.get("short") and names.get("long"):
        return " ".join(str(names["short"]).split()), " ".join(str(names["long"]).split())
    title = (doc or load_document()).title
    return f"the record \u201c{title}\u201d", title
