"""Compare a learner's tags with the key; count devices by part; a quote in its context."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from primary_source.notices import needs_rhetoric, notice_frame
from primary_source.rhetoric.key import load_key
from primary_source.rhetoric.model import (
    NO_DEVICE,
    POINT_LABELS,
    Annotation,
    RhetoricKey,
    TagUnit,
)
from primary_source.rhetoric.sentences import tag_units

__all__ = ["annotations_by_unit", "compare", "devices_by_point", "in_context"]


def annotations_by_unit(key: RhetoricKey, units: Iterable[TagUnit]) -> dict[str, list[Annotation]]:
    """For each unit id, the annotations of the key whose quote lies in that sentence."""
    return {u.id: key.annotations_between(u.start, u.end) for u in units}


def _clean_tag(device: Any) -> str | None:
    if device is None:
        return None
    device = str(device).strip()
    return None if not device or device == NO_DEVICE else device


def compare(
    tags: Mapping[str, str | None],
    key: RhetoricKey | None = None,
    units: list[TagUnit] | None = None,
) -> Any:
    """How a learner's tags agree with the key, one row per annotated or tagged sentence.

    ``tags`` maps a unit id (``"s03"``) to a device name. ``result`` is ``match`` (the key
    has that device in the sentence), ``different device``, ``not in the key`` (the key
    annotates nothing in the sentence) or ``not tagged``. ``df.attrs`` holds ``matched``,
    ``tagged`` (sentences the learner tagged) and ``agreement`` = matched / tagged (0.0 when
    nothing is tagged).

    >>> df = compare({"s01": "secrecy and deniability"})
    >>> df.attrs["matched"], df.attrs["tagged"], df.attrs["agreement"]
    (1, 1, 1.0)
    """
    # lazy: pandas costs ~200 ms at import; the exercise widgets load this module in every
    # lesson, and only these tables need it
    import pandas as pd

    key = key if key is not None else load_key()
    units = units if units is not None else tag_units(key.text)
    known = {u.id for u in units}
    clean = {uid: _clean_tag(dev) for uid, dev in tags.items()}
    unknown = sorted(uid for uid, dev in clean.items() if dev is not None and uid not in known)
    if unknown:
        raise ValueError(f"no sentence with the id {', '.join(map(repr, unknown))}")
    by_unit = annotations_by_unit(key, units)
    rows = []
    for unit in units:
        mine = clean.get(unit.id)
        in_key = list(dict.fromkeys(a.device for a in by_unit[unit.id]))
        if not in_key and mine is None:
            continue
        if mine is None:
            result = "not tagged"
        elif not in_key:
            result = "not in the key"
        elif mine in in_key:
            result = "match"
        else:
            result = "different device"
        rows.append({
            "sentence_id": unit.id,
            "point": POINT_LABELS.get(unit.point, f"point {unit.point}"),
            "sentence": unit.text,
            "your tag": mine or "",
            "the key": "; ".join(in_key),
            "result": result,
        })
    columns = ["sentence_id", "point", "sentence", "your tag", "the key", "result"]
    df = pd.DataFrame(rows, columns=columns)
    matched = int((df["result"] == "match").sum())
    tagged = int(df["your tag"].astype(bool).sum())
    df.attrs.update(matched=matched, tagged=tagged,
                    agreement=(matched / tagged) if tagged else 0.0)
    return df


def devices_by_point(key: RhetoricKey | None = None) -> Any:
    """How many annotated passages of each device fall in each part of the telegram.

    One row per device of the catalogue (in catalogue order); columns for the instruction and
    signature (``point`` null) and each numbered point, and a ``total``.

    >>> table = devices_by_point()
    >>> int(table.set_index("device").loc["directive", "point 3"])
    3
    """
    # lazy: pandas costs ~200 ms at import; the exercise widgets load this module in every
    # lesson, and only these tables need it
    import pandas as pd

    key = key if key is not None else load_key()
    if not key.fits_document:
        return notice_frame(needs_rhetoric(key.document),
                            ["device", POINT_LABELS[None], "point 1", "point 2", "point 3",
                             "total"])
    points = sorted({a.point for a in key.annotations if a.point is not None} | {1, 2, 3})
    labels = [POINT_LABELS[None]] + [POINT_LABELS.get(p, f"point {p}") for p in points]
    rows = []
    for device in key.device_names:
        counts = {label: 0 for label in labels}
        for a in key.annotations_for(device):
            counts[POINT_LABELS.get(a.point, f"point {a.point}")] += 1
        rows.append({"device": device, **counts, "total": sum(counts.values())})
    return pd.DataFrame(rows, columns=["device", *labels, "total"])


def in_context(annotation: Annotation, text: str, width: int = 80) -> tuple[str, str, str]:
    """The words before the quote, the quote, and the words after (about ``width`` characters).

    >>> key = load_key()
    >>> before, quote, after = in_context(key.annotations_for("directive")[0], key.text, 20)
    >>> quote
    'Advise Comrade Kim II Sung not to scatter the air force'
    """
    start = max(0, annotation.start - width)
    end = min(len(text), annotation.end + width)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if -1 < space < annotation.start else start
    if end < len(text):
        space = text.rfind(" ", annotation.end, end)
        end = space if space > annotation.end else end
    before = " ".join(text[start:annotation.start].split())
    after = " ".join(text[annotation.end:end].split())
    before = ("\u2026" + before if start > 0 else before) + (
        " " if text[annotation.start - 1:annotation.start].isspace() else "")
    after = ((" " if text[annotation.end:annotation.end + 1].isspace() else "") + after
             + ("\u2026" if end < len(text) else ""))
    return before, text[annotation.start:annotation.end], after
