"""The catalogue of rhetorical devices, the annotated key, and locating its quotes in the text."""

from __future__ import annotations

from primary_source.rhetoric.compare import (
    annotations_by_unit,
    compare,
    devices_by_point,
    in_context,
)
from primary_source.rhetoric.key import load_key, validate_key
from primary_source.rhetoric.locating import locate, normalise_for_search
from primary_source.rhetoric.model import (
    NO_DEVICE,
    POINT_LABELS,
    Annotation,
    Device,
    KeyProblem,
    RhetoricKey,
    RhetoricKeyError,
    TagUnit,
)
from primary_source.rhetoric.sentences import point_of, split_sentences, tag_units
from primary_source.rhetoric.views import annotated_html, device_colour, device_html, mark_html
from primary_source.rhetoric.withholding import withheld_annotations

__all__ = [
    "Annotation",
    "Device",
    "KeyProblem",
    "RhetoricKey",
    "RhetoricKeyError",
    "TagUnit",
    "NO_DEVICE",
    "POINT_LABELS",
    "annotated_html",
    "annotations_by_unit",
    "compare",
    "device_colour",
    "device_html",
    "devices_by_point",
    "in_context",
    "load_key",
    "locate",
    "mark_html",
    "normalise_for_search",
    "point_of",
    "split_sentences",
    "tag_units",
    "validate_key",
    "withheld_annotations",
]
