"""Load and validate the annotated key (``data/rhetoric.yaml``) against the document."""

from __future__ import annotations

from pathlib import Path

from primary_source.rhetoric.key_entries import check_annotations, check_devices
from primary_source.rhetoric.key_yaml import LineLoader
from primary_source.rhetoric.model import KeyProblem, RhetoricKey, RhetoricKeyError
from primary_source.rhetoric.sentences import document_body

__all__ = ["load_key", "validate_key"]


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
    import yaml

    from primary_source.paths import document_id, rhetoric_path

    path = Path(path) if path is not None else rhetoric_path()
    where = str(path)
    problems: list[KeyProblem] = []

    def problem(line: int, fld: str, message: str) -> None:
        problems.append(KeyProblem(where, line, fld, message))

    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        return [KeyProblem(where, 0, "(file)", f"cannot read the key: {err.strerror or err}")], None
    except UnicodeDecodeError as err:
        line = err.object[:err.start].count(b"\n") + 1
        return [KeyProblem(where, line, "(file)", f"not UTF-8 text (byte {err.start}); save the "
                           "key as UTF-8")], None
    try:
        data = yaml.load(raw, Loader=LineLoader.get())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        return [KeyProblem(where, line, "(syntax)", f"not valid YAML: {err}")], None
    if not isinstance(data, dict):
        message = "expected a mapping with devices: and annotations:"
        return [KeyProblem(where, 1, "(top)", message)], None
    for key, line in getattr(data, "duplicates", []):
        problem(line, str(key), f"the field '{key}' appears twice")
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
