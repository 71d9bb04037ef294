"""Check the key's devices and annotations entry by entry, reporting file lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from primary_source.rhetoric.locating import locate
from primary_source.rhetoric.model import Annotation, Device
from primary_source.rhetoric.sentences import point_of
from primary_source.yamlload import line_of

__all__ = ["check_annotations", "check_devices"]


#: Reports one problem: ``problem(line, field, message)``.
Report = Callable[[int, str, str], None]

_DEVICE_FIELDS = {"name", "definition", "example_hint"}
_ANNOTATION_FIELDS = {"id", "quote", "device", "explanation", "point", "note"}


def _entries(data: Any, name: str, singular: str, problem: Report,
             may_be_empty: bool = False) -> Iterator[Any]:
    """The mappings of the list ``data[name]``, reporting (in reading order) what is not one."""
    raw = data.get(name)
    if not isinstance(raw, list) or not (raw or may_be_empty):
        problem(line_of(data, name), name, f"expected a non-empty list of {name}")
        raw = []
    for entry in raw:
        if not isinstance(entry, dict):
            problem(line_of(data, name), name, f"each {singular} must be a mapping")
            continue
        yield entry


def _report_fields(entry: Any, allowed: set[str], what: str, problem: Report) -> None:
    """Report the fields given twice in ``entry``, then those that are not ``allowed``."""
    for key, kline in getattr(entry, "duplicates", []):
        problem(kline, str(key), f"the field '{key}' appears twice")
    for extra in sorted(set(entry) - allowed, key=str):
        problem(line_of(entry, extra), str(extra), f"unknown field '{extra}' in {what}")


def check_devices(data: Any, problem: Report) -> tuple[list[Device], dict[str, int]]:
    """The catalogue's devices, and the line of each name; each problem goes to ``problem``."""
    devices: list[Device] = []
    seen_devices: dict[str, int] = {}
    for entry in _entries(data, "devices", "device", problem):
        line = getattr(entry, "line", 0)
        _report_fields(entry, _DEVICE_FIELDS, "a device", problem)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problem(line_of(entry, "name"), "name", "a device needs a name")
            continue
        name = name.strip()
        if name in seen_devices:
            problem(line_of(entry, "name"), "name",
                    f"duplicate device '{name}' (first defined at line {seen_devices[name]})")
            continue
        seen_devices[name] = line_of(entry, "name")
        definition = entry.get("definition")
        if not isinstance(definition, str) or not definition.strip():
            problem(line_of(entry, "definition"), "definition",
                    f"missing definition for device '{name}'")
            definition = ""
        hint = entry.get("example_hint") or ""
        devices.append(Device(name, " ".join(definition.split()), " ".join(str(hint).split()),
                              line))
    return devices, seen_devices


def check_annotations(data: Any, text: str, seen_devices: Mapping[str, int],
                      problem: Report) -> list[Annotation]:
    """The key's annotations, each quote located once in ``text``; problems go to ``problem``."""
    annotations: list[Annotation] = []
    seen_ids: dict[str, int] = {}
    seen_quotes: dict[str, tuple[str, int]] = {}
    # an empty list is a catalogue without a key (a student copy whose exercises ask them all)
    for entry in _entries(data, "annotations", "annotation", problem, may_be_empty=True):
        line = getattr(entry, "line", 0)
        ok = True
        _report_fields(entry, _ANNOTATION_FIELDS, "an annotation", problem)
        ident = entry.get("id")
        if not isinstance(ident, str) or not ident.strip():
            problem(line_of(entry, "id"), "id", "an annotation needs an id")
            ok = False
        elif ident in seen_ids:
            problem(line_of(entry, "id"), "id",
                    f"duplicate id '{ident}' (first used at line {seen_ids[ident]})")
            ok = False
        else:
            seen_ids[ident] = line_of(entry, "id")
        label = f"annotation '{ident}'" if isinstance(ident, str) else "annotation"

        device = entry.get("device")
        if not isinstance(device, str) or not device.strip():
            problem(line_of(entry, "device"), "device", f"{label} needs a device")
            ok = False
        elif device not in seen_devices:
            known = ", ".join(sorted(seen_devices))
            problem(line_of(entry, "device"), "device",
                    f"unknown device '{device}' in {label} (the catalogue has: {known})")
            ok = False

        explanation = entry.get("explanation")
        if not isinstance(explanation, str) or not explanation.strip():
            problem(line_of(entry, "explanation"), "explanation", f"missing explanation in {label}")
            ok = False
            explanation = ""

        point = entry.get("point")
        if point is not None and (isinstance(point, bool) or not isinstance(point, int)):
            problem(line_of(entry, "point"), "point",
                    f"point must be 1, 2, 3 ... or null, not {point!r}")
            ok = False
            point = None

        quote = entry.get("quote")
        span = None
        if not isinstance(quote, str) or not quote.strip():
            problem(line_of(entry, "quote"), "quote", f"{label} needs a quote")
            ok = False
        elif quote in seen_quotes:
            other, other_line = seen_quotes[quote]
            problem(line_of(entry, "quote"), "quote",
                    f"duplicate quote: the same words as annotation '{other}' (line {other_line})")
            ok = False
        else:
            seen_quotes[quote] = (str(ident), line_of(entry, "quote"))
            found = locate(quote, text)
            if not found:
                near = locate(quote, text, tolerant=True)
                extra = ""
                if near:
                    s, e = near[0]
                    extra = f"; the document has it with different spacing or marks: {text[s:e]!r}"
                problem(line_of(entry, "quote"), "quote",
                        f"quote not found in the document: {quote!r}{extra}")
                ok = False
            elif len(found) > 1:
                problem(line_of(entry, "quote"), "quote",
                        f"quote found {len(found)} times in the document (it must occur exactly "
                        f"once; quote more words): {quote!r}")
                ok = False
            else:
                span = found[0]
                actual = point_of(span[0], text)
                if "point" in entry and actual != point:
                    where_is = (
                        "outside the numbered points" if actual is None else f"in point {actual}"
                    )
                    problem(line_of(entry, "point"), "point",
                            f"{label} says point {point!r} but the quote is {where_is}")
                    ok = False
                if "point" not in entry:
                    point = actual
        if ok and span is not None:
            annotations.append(Annotation(ident, quote, device, " ".join(explanation.split()),
                                          point, span[0], span[1], line))
    return annotations
