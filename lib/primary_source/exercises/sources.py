"""What tag exercises are checked against: the document's text and the device catalogue."""

from __future__ import annotations

from pathlib import Path

import yaml

from primary_source import paths
from primary_source.exercises.loader import shorten
from primary_source.record import load_document
from primary_source.rhetoric.key import load_devices as read_devices
from primary_source.rhetoric.model import Device

__all__ = ["Lazy", "document_texts", "load_catalogue", "load_devices"]


class Lazy:
    """Compute something once, when first asked (the document text, the catalogue)."""

    def __init__(self, fn):
        self.fn = fn
        self.value = None
        self.done = False

    def get(self):
        if not self.done:
            self.value = self.fn()
            self.done = True
        return self.value


def document_texts() -> tuple[list[str], str | None]:
    """The texts a tag quote may be found in: the document's text and its body."""
    texts: list[str] = []
    try:
        doc = load_document()
        texts += [doc.text(), doc.body]
    except Exception:  # noqa: BLE001 - fall back to the raw record below
        pass
    try:
        texts.append(paths.document_path().read_text(encoding="utf-8-sig"))
    except OSError as err:
        if not texts:
            return [], f"the document {paths.document_path()} cannot be read ({err.strerror})"
    return texts, None


def load_devices(path: Path | None = None) -> list[Device]:
    """The catalogue of rhetorical devices (``devices:`` in ``data/rhetoric.yaml``).

    Read by :func:`primary_source.rhetoric.key.load_devices`, once per version of the file.
    Raises ``FileNotFoundError`` when the catalogue is missing, ``ValueError`` when it is malformed.
    """
    path = Path(path) if path else paths.rhetoric_path()
    return list(paths.read_cached(path, read_devices))  # every tag exercise asks


def load_catalogue() -> tuple[list[Device], str | None]:
    """The device catalogue and None, or no devices and why the catalogue cannot be read."""
    path = paths.rhetoric_path()
    try:
        return load_devices(path), None
    except FileNotFoundError:
        return [], f"the rhetoric catalogue {path} is missing"
    except (ValueError, yaml.YAMLError, OSError) as err:
        return [], f"the rhetoric catalogue cannot be read ({shorten(str(err), 120)})"
