"""Where the lesson data lives: the one module that knows a path."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "DEFAULT_DOCUMENT_ID",
    "project_root",
    "data_dir",
    "document_id",
    "document_path",
    "metadata_path",
    "timeline_path",
    "eras_path",
    "glossary_path",
    "rhetoric_path",
    "exercises_dir",
    "exercise_path",
    "notebooks_dir",
    "responses_dir",
    "examples_dir",
]

#: The record the lessons are built around, unless PRIMARY_SOURCE_DOCUMENT names another.
DEFAULT_DOCUMENT_ID = "feng-xi-1950-08-28"


def project_root() -> Path:
    """The checkout that holds ``lib/``, ``data/`` and ``notebooks/``.

    Resolved from this file, never from the working directory, so a notebook
    opened from any folder finds the same data.
    """
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The ``data/`` folder, or the folder named by ``PRIMARY_SOURCE_DATA``.

    >>> data_dir().name
    'data'
    """
    override = os.environ.get("PRIMARY_SOURCE_DATA")
    return Path(override).expanduser().resolve() if override else project_root() / "data"


def document_id() -> str:
    """The id of the record the lessons read (``PRIMARY_SOURCE_DOCUMENT`` or the telegram)."""
    return os.environ.get("PRIMARY_SOURCE_DOCUMENT", "").strip() or DEFAULT_DOCUMENT_ID


def document_path(doc_id: str | None = None) -> Path:
    """The published record ``data/documents/<id>.txt``."""
    return data_dir() / "documents" / f"{doc_id or document_id()}.txt"


def metadata_path(doc_id: str | None = None) -> Path:
    """The curated metadata ``data/documents/<id>.yaml`` that goes with a record."""
    return data_dir() / "documents" / f"{doc_id or document_id()}.yaml"


def timeline_path() -> Path:
    """The sourced events of 1945-1953, ``data/timeline.csv``."""
    return data_dir() / "timeline.csv"


def eras_path() -> Path:
    """The eras of the war drawn as bands on the timeline, ``data/eras.csv``."""
    return data_dir() / "eras.csv"


def glossary_path() -> Path:
    """The glossary, ``data/glossary.csv``."""
    return data_dir() / "glossary.csv"


def rhetoric_path() -> Path:
    """The annotated key of rhetorical devices, ``data/rhetoric.yaml``."""
    return data_dir() / "rhetoric.yaml"


def exercises_dir() -> Path:
    """The exercise bank folder, ``data/exercises/``."""
    return data_dir() / "exercises"


def exercise_path(notebook: str) -> Path:
    """The exercise file for a notebook, e.g. ``exercise_path("01_provenance")``."""
    return exercises_dir() / f"{Path(notebook).stem}.yaml"


def notebooks_dir() -> Path:
    """The lessons, ``notebooks/``."""
    return project_root() / "notebooks"


def examples_dir() -> Path:
    """Invented examples for teachers to try commands on, ``data/examples/``."""
    return data_dir() / "examples"


def responses_dir() -> Path:
    """Where a learner's answers are saved: ``responses/`` or ``PRIMARY_SOURCE_RESPONSES``."""
    override = os.environ.get("PRIMARY_SOURCE_RESPONSES")
    return Path(override).expanduser().resolve() if override else project_root() / "responses"
