"""Where the lesson data lives: the one module that knows a path."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from primary_source import yamlload
from primary_source.problems import DataFileError

__all__ = [
    "DEFAULT_DOCUMENT_ID",
    "LessonSettingsError",
    "project_root",
    "installed_from_wheel",
    "data_dir",
    "document_id",
    "lesson_settings",
    "lesson_settings_path",
    "document_path",
    "metadata_path",
    "related_path",
    "timeline_path",
    "eras_path",
    "glossary_path",
    "rhetoric_path",
    "exercises_dir",
    "exercise_path",
    "notebooks_dir",
    "responses_dir",
    "backups_dir",
    "examples_dir",
    "read_cached",
]

#: The record the lessons are built around, unless PRIMARY_SOURCE_DOCUMENT or
#: ``data/lesson.yaml`` names another.
DEFAULT_DOCUMENT_ID = "feng-xi-1950-08-28"

#: The settings ``data/lesson.yaml`` may hold, and what each one is for.
LESSON_SETTINGS = {
    "document": "the id of the record in data/documents/ (the file name without .txt)",
    "exercises": "the folder of exercise files, relative to the data folder",
}
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class LessonSettingsError(DataFileError):
    """A broken ``data/lesson.yaml``, naming the file, the 1-based line and the setting.

    >>> str(LessonSettingsError("no such record", "data/lesson.yaml", 7, "document"))
    'data/lesson.yaml:7: document: no such record'
    """

    def __init__(self, message: str, path: str | Path, line: int = 1, field: str | None = None):
        super().__init__(path, line, field, message)


#: Where an installed wheel keeps its copy of ``data/`` and ``notebooks/``, inside the package.
BUNDLE = "_project"


def project_root() -> Path:
    """The checkout that holds ``lib/``, ``data/`` and ``notebooks/``.

    Resolved from this file, never from the working directory, so a notebook
    opened from any folder finds the same data. In a checkout (and an editable install)
    that is the folder above ``lib/``; a package installed from the wheel carries its own
    copy of ``data/`` and ``notebooks/`` in ``primary_source/_project/`` and uses that.
    """
    package = Path(__file__).resolve().parent
    checkout = package.parents[1]
    if package.parent.name == "lib" and (checkout / "data").is_dir():
        return checkout
    bundle = package / BUNDLE
    return bundle if bundle.is_dir() else checkout


def installed_from_wheel() -> bool:
    """True when the lessons' data comes from the copy inside an installed wheel.

    >>> installed_from_wheel()
    False
    """
    return project_root().name == BUNDLE


def data_dir() -> Path:
    """The ``data/`` folder, or the folder named by ``PRIMARY_SOURCE_DATA``.

    >>> data_dir().name
    'data'
    """
    override = os.environ.get("PRIMARY_SOURCE_DATA")
    return Path(override).expanduser().resolve() if override else project_root() / "data"


def lesson_settings_path() -> Path:
    """The one settings file an instructor edits, ``data/lesson.yaml``."""
    return data_dir() / "lesson.yaml"


_SETTINGS_CACHE: dict[tuple[str, int, int], dict] = {}


def lesson_settings() -> dict:
    """The settings of ``data/lesson.yaml`` as ``{name: (value, line)}``; ``{}`` without one.

    Raises ``LessonSettingsError`` naming the file and line when the file is not valid YAML,
    is not a mapping, has a setting we do not know, or names a record or an exercise folder
    that does not exist.
    """
    path = lesson_settings_path()
    try:
        info = path.stat()
    except OSError:
        return {}
    key = (str(path), info.st_mtime_ns, info.st_size)
    if key not in _SETTINGS_CACHE:
        _SETTINGS_CACHE.clear()
        _SETTINGS_CACHE[key] = _read_settings(path)
    return dict(_SETTINGS_CACHE[key])


def _read_settings(path: Path) -> dict:
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    try:
        node = yamlload.compose(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise LessonSettingsError(f"is not UTF-8 text ({err.reason})", path) from None
    except yaml.MarkedYAMLError as err:
        what = " ".join(str(s) for s in (err.context, err.problem) if s)
        raise LessonSettingsError(f"this is not valid YAML: {what}", path,
                                  yamlload.error_line(err)) from None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise LessonSettingsError("must hold settings written as 'name: value', such as "
                                  f"'document: {DEFAULT_DOCUMENT_ID}'", path,
                                  node.start_mark.line + 1)
    settings: dict = {}
    for key_node, value_node in node.value:
        name, line = str(key_node.value), key_node.start_mark.line + 1
        if name not in LESSON_SETTINGS:
            close = difflib.get_close_matches(name, list(LESSON_SETTINGS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise LessonSettingsError(f"unknown setting {name!r}: use "
                                      f"{' or '.join(LESSON_SETTINGS)}{hint}", path, line, name)
        if name in settings:
            raise LessonSettingsError(f"{name!r} is set twice", path, line, name)
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        if not isinstance(value, str) or not value.strip() or value_node.tag.endswith(":null"):
            raise LessonSettingsError(f"needs one value: {LESSON_SETTINGS[name]}", path,
                                      value_node.start_mark.line + 1, name)
        settings[name] = (value.strip(), value_node.start_mark.line + 1)
    folder = path.parent
    if "document" in settings:
        value, line = settings["document"]
        if value.endswith(".txt"):
            value = value[:-4]
            settings["document"] = (value, line)
        records = sorted(p.stem for p in (folder / "documents").glob("*.txt"))
        if not _ID_RE.match(value) or value not in records:
            raise LessonSettingsError(
                f"there is no record {value!r}: expected the file "
                f"{folder / 'documents' / (value + '.txt')}. Records there: "
                f"{', '.join(records) or 'none'}", path, line, "document")
    if "exercises" in settings:
        value, line = settings["exercises"]
        relative = Path(value)
        if relative.is_absolute() or ".." in relative.parts:
            raise LessonSettingsError(f"{value!r} must be a folder inside the data folder, "
                                      "written relative to it (such as 'exercises')",
                                      path, line, "exercises")
        if not (folder / relative).is_dir():
            raise LessonSettingsError(f"there is no exercise folder {folder / relative}",
                                      path, line, "exercises")
    return settings


def document_id() -> str:
    """The id of the record the lessons read.

    In this order: the environment variable ``PRIMARY_SOURCE_DOCUMENT``, the ``document:``
    setting of ``data/lesson.yaml``, and the telegram of 28 August 1950.

    >>> document_id()
    'feng-xi-1950-08-28'
    """
    override = os.environ.get("PRIMARY_SOURCE_DOCUMENT", "").strip()
    if override:
        return override
    setting = lesson_settings().get("document")
    return setting[0] if setting else DEFAULT_DOCUMENT_ID


def document_path(doc_id: str | None = None) -> Path:
    """The published record ``data/documents/<id>.txt``."""
    return data_dir() / "documents" / f"{doc_id or document_id()}.txt"


def metadata_path(doc_id: str | None = None) -> Path:
    """The curated metadata ``data/documents/<id>.yaml`` that goes with a record."""
    return data_dir() / "documents" / f"{doc_id or document_id()}.yaml"


def related_path() -> Path:
    """The related-record cards read beside the telegram, ``data/documents/related.yaml``."""
    return data_dir() / "documents" / "related.yaml"


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
    """The exercise bank folder: ``data/exercises/``, or the ``exercises:`` of lesson.yaml."""
    setting = lesson_settings().get("exercises")
    return data_dir() / (setting[0] if setting else "exercises")


def exercise_path(notebook: str) -> Path:
    """The exercise file for a notebook, e.g. ``exercise_path("01_provenance")``."""
    return exercises_dir() / f"{Path(notebook).stem}.yaml"


def notebooks_dir() -> Path:
    """The lessons, ``notebooks/``."""
    return project_root() / "notebooks"


def backups_dir() -> Path:
    """Where the exercise editor keeps the previous version of a file it saves: ``backups/``.

    Outside ``data/``, so a student copy never carries a backup's answers;
    ``PRIMARY_SOURCE_BACKUPS`` names another folder.
    """
    override = os.environ.get("PRIMARY_SOURCE_BACKUPS")
    if override:
        return Path(override).expanduser().resolve()
    return (Path.cwd() if installed_from_wheel() else project_root()) / "backups"


def examples_dir() -> Path:
    """Invented examples for teachers to try commands on, ``data/examples/``."""
    return data_dir() / "examples"


def responses_dir() -> Path:
    """Where a learner's answers are saved: ``responses/`` or ``PRIMARY_SOURCE_RESPONSES``."""
    override = os.environ.get("PRIMARY_SOURCE_RESPONSES")
    if override:
        return Path(override).expanduser().resolve()
    # an installed wheel must not write into site-packages: answers go beside the learner
    return (Path.cwd() if installed_from_wheel() else project_root()) / "responses"


_FILE_CACHE: dict[tuple[str, str], tuple[tuple[int, int], object]] = {}


def read_cached(path: Path, build):
    """``build(path)``, remembered until the file changes (its modification time or size).

    For files read on every redraw of a widget. Callers that hand out something mutable
    return a copy. A missing file is not remembered: ``build`` decides what that means.
    """
    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        return build(path)
    key, stamp = (f"{build.__module__}.{build.__qualname__}", str(path)), (info.st_mtime_ns,
                                                                           info.st_size)
    hit = _FILE_CACHE.get(key)
    if hit is None or hit[0] != stamp:
        hit = _FILE_CACHE[key] = (stamp, build(path))
    return hit[1]
