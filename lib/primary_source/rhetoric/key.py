"""Load and validate the annotated key (``data/rhetoric.yaml``) against the document."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import yaml

from primary_source import yamlload
from primary_source.paths import document_id, rhetoric_path
from primary_source.rhetoric.key_entries import check_annotations, check_devices
from primary_source.rhetoric.model import Device, KeyProblem, RhetoricKey, RhetoricKeyError
from primary_source.rhetoric.sentences import document_body

__all__ = ["load_devices", "load_key", "validate_key"]


def _read(path: Path) -> tuple[Any, list[KeyProblem]]:
    """The key file's data (mappings know their lines) and its problems so far.

    The data is None when the file cannot be read as a YAML mapping; the problems then say why.
    Fields given twice are reported, and the data is returned with them.
    """
    where = str(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        return None, [KeyProblem(where, 0, "(file)", f"cannot read the key: {err.strerror or err}")]
    except UnicodeDecodeError as err:
        line = err.object[:err.start].count(b"\n") + 1
        return None, [KeyProblem(where, line, "(file)", f"not UTF-8 text (byte {err.start}); save "
                                 "the key as UTF-8")]
    try:
        data = yamlload.load_with_lines(raw)
    except yaml.YAMLError as err:
        line = yamlload.error_line(err, default=0)
        return None, [KeyProblem(where, line, "(syntax)", f"not valid YAML: {err}")]
    if not isinstance(data, dict):
        message = "expected a mapping with devices: and annotations:"
        return None, [KeyProblem(where, 1, "(top)", message)]
    return data, [KeyProblem(where, line, str(key), f"the field '{key}' appears twice")
                  for key, line in getattr(data, "duplicates", [])]


def load_devices(path: str | Path | None = None) -> list[Device]:
    """The catalogue of devices (``devices:`` of ``data/rhetoric.yaml``), annotations unchecked.

    Raises ``FileNotFoundError`` when the file is missing and :class:`RhetoricKeyError` (a
    ``ValueError``) naming file, line and field when the catalogue is broken.

    >>> "historical analogy" in [d.name for d in load_devices()]
    True
    """
    path = Path(path) if path is not None else rhetoric_path()
    if not path.is_file():
        raise FileNotFoundError(errno.ENOENT, "rhetoric catalogue not found", str(path))
    data, problems = _read(path)
    if data is not None:
        devices, _ = check_devices(
            data, lambda line, fld, message: problems.append(KeyProblem(str(path), line, fld,
                                                                        message)))
    if problems:
        raise RhetoricKeyError(problems)
    return devices


def validate_key(
    path: str | Path | None = None, text: str | None = None
) -> tuple[list[KeyProblem], RhetoricKey | None]:
    """Check a key file against the document; return its problems and the key (None if broken).

    Every problem names the file, the line and the field: an unknown or duplicate device, a
    missing definition or explanation, a quote not found in the document or found more than
    once, a quote or id used twice, a point that does not match where the quote is.

    When the key's ``document:`` names another record than the one the lessons read
    (``primary_source.paths.document_id()``), its annotations cannot be checked against this
    text: they are left out, and the key has the catalogue only (``fits_document`` is False).
    """
    path = Path(path) if path is not None else rhetoric_path()
    where = str(path)
    data, problems = _read(path)
    if data is None:
        return problems, None

    def problem(line: int, fld: str, message: str) -> None:
        problems.append(KeyProblem(where, line, fld, message))

    if text is None:
        text = document_body()

    devices, seen_devices = check_devices(data, problem)

    key_document = str(data.get("document") or "").strip()
    fits = not key_document or key_document == document_id()  # else leave the annotations out
    annotations = check_annotations(data, text, seen_devices, problem) if fits else []
    if problems:
        return problems, None
    source = " ".join(str(data.get("source") or "").split())
    return [], RhetoricKey(devices, annotations, text, where, source, key_document, fits)


def load_key(path: str | Path | None = None, text: str | None = None) -> RhetoricKey:
    """The annotated key (``data/rhetoric.yaml`` by default), checked against the document.

    ``text`` is the document body to check quotes against (default: the shipped telegram).
    Raises :class:`RhetoricKeyError` listing every problem with file, line and field.

    >>> key = load_key()
    >>> "historical analogy" in key.device_names
    True
    """
    problems, key = validate_key(path, text)
    if problems or key is None:
        raise RhetoricKeyError(problems)
    return key
