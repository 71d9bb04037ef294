"""The catalogue of rhetorical devices, the annotated key, and locating its quotes in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
]

#: The placeholder a learner sees before choosing a device.
NO_DEVICE = "\u2014 choose a device \u2014"

#: Column labels for the parts of the telegram, used by :func:`devices_by_point`.
POINT_LABELS: dict[int | None, str] = {
    None: "instruction and signature",
    1: "point 1",
    2: "point 2",
    3: "point 3",
}


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Device:
    """One rhetorical device of the catalogue."""

    name: str
    definition: str
    example_hint: str = ""
    line: int = 0


@dataclass(frozen=True)
class Annotation:
    """One passage of the key: the quote, its device, our explanation and where it is."""

    id: str
    quote: str
    device: str
    explanation: str
    point: int | None
    start: int
    end: int
    line: int = 0


@dataclass(frozen=True)
class TagUnit:
    """A sentence of the document that a learner can tag, with its offsets into the body."""

    id: str
    text: str
    start: int
    end: int
    point: int | None

    @property
    def label(self) -> str:
        """A short label for a menu: where the sentence is and how it begins."""
        where = POINT_LABELS.get(self.point, f"point {self.point}")
        where = "instruction" if self.point is None else where
        short = self.text if len(self.text) <= 70 else self.text[:67].rstrip() + "\u2026"
        return f"{self.id} ({where}): {short}"


@dataclass
class RhetoricKey:
    """The catalogue and the annotations, checked against the document text."""

    devices: list[Device]
    annotations: list[Annotation]
    text: str
    path: str | None = None
    source: str = ""
    #: The record the annotations were written for (the key's ``document:``), if it says.
    document: str = ""
    #: False when the lessons read another record: the annotations are then left out.
    fits_document: bool = True
    _by_name: dict[str, Device] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_name = {d.name: d for d in self.devices}

    @property
    def device_names(self) -> list[str]:
        """The device names in catalogue order."""
        return [d.name for d in self.devices]

    def device(self, name: str) -> Device:
        """The catalogue entry called ``name`` (``KeyError`` if there is none)."""
        return self._by_name[name]

    def annotations_for(self, device: str) -> list[Annotation]:
        """The annotations of one device, in reading order."""
        return sorted((a for a in self.annotations if a.device == device), key=lambda a: a.start)

    def annotations_between(self, start: int, end: int) -> list[Annotation]:
        """The annotations whose quote lies (at least partly) inside ``text[start:end]``."""
        return sorted(
            (a for a in self.annotations if a.start < end and a.end > start),
            key=lambda a: a.start,
        )


@dataclass(frozen=True)
class KeyProblem:
    """One problem in the key file: where it is and what is wrong."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}, line {self.line}, field '{self.field}': {self.message}"


class RhetoricKeyError(ValueError):
    """The key file has problems; ``problems`` lists each with file, line and field.

    ``path``, ``line`` and ``field`` repeat the first problem, for convenience.
    """

    def __init__(self, problems: list[KeyProblem]):
        self.problems = list(problems)
        first = self.problems[0]
        self.path, self.line, self.field = first.path, first.line, first.field
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------- locating quotes

_QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
}


def normalise_for_search(text: str) -> tuple[str, list[int]]:
    """Text with curly quotes made straight, dashes made hyphens and whitespace runs made one space.

    Returns the normalised text and, for each of its characters, the offset of the character it
    came from in ``text``.

    >>> normalise_for_search("a \\u201cb\\u201d\\n  c")[0]
    'a "b" c'
    """
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(_QUOTE_MAP.get(ch, ch))
        index.append(i)
    return "".join(out), index


def _find_all(needle: str, haystack: str) -> list[int]:
    starts: list[int] = []
    if not needle:
        return starts
    i = haystack.find(needle)
    while i != -1:
        starts.append(i)
        i = haystack.find(needle, i + 1)
    return starts


def locate(quote: str, text: str, tolerant: bool = False) -> list[tuple[int, int]]:
    """Every place ``quote`` occurs in ``text``, as ``(start, end)`` offsets into ``text``.

    Exact by default. With ``tolerant=True`` whitespace runs count as one space, curly quotes as
    straight ones and dashes as hyphens (on both sides), and the quote's outer spaces are ignored.

    >>> locate("no doubt", "We have no doubt.")
    [(8, 16)]
    >>> locate("Korea\\u2019s  war", "Korea's war", tolerant=True)
    [(0, 11)]
    """
    if not tolerant:
        return [(s, s + len(quote)) for s in _find_all(quote, text)]
    needle, _ = normalise_for_search(quote.strip())
    hay, index = normalise_for_search(text)
    spans = []
    for s in _find_all(needle, hay):
        last = s + len(needle) - 1
        spans.append((index[s], index[last] + 1))
    return spans


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "no", "nos", "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "capt", "maj", "sgt",
    "cf", "vs", "etc", "fig", "vol", "pp", "p", "ed", "eds", "comp", "op", "ll", "l", "d", "f",
}
_BOUNDARY_RE = re.compile(
    r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u0400-\u04FF])"
)
_MARKER_RE = re.compile(r"^(?:[-\u2013\u2014\u2022*]\s*)?(?:\d{1,3}[.)]\s+)?")
_TERMINAL_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_NUMBERED_RE = re.compile(r"^\s*(?:[-\u2013\u2014\u2022*]\s*)?(\d{1,3})[.)]\s+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` offsets, a simple rule-based splitter.

    Paragraphs (blocks between blank lines) never share a sentence; a list marker such as
    ``- 1.`` at the start of a paragraph is not part of the first sentence; common abbreviations
    (``No.``, ``Dr.``) and single initials do not end a sentence.

    >>> t = "- 1. It is so. Copy No. 1 went out. Done"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['It is so.', 'Copy No. 1 went out.', 'Done']
    """
    spans: list[tuple[int, int]] = []
    for offset, para in _blocks(text):
        marker = _MARKER_RE.match(para)
        start = marker.end() if marker else 0
        for m in _BOUNDARY_RE.finditer(para, start):
            word = re.search(r"(\w+)$", para[start:m.start()])
            token = word.group(1) if word else ""
            if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                continue
            spans.append((offset + start, offset + m.end()))
            start = m.end()
        if para[start:].strip():
            spans.append((offset + start, offset + len(para)))
    return _trim(text, spans)


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _blocks(text: str) -> list[tuple[int, str]]:
    """Paragraphs as (offset, text): split at blank lines and before a numbered line."""
    blocks: list[tuple[int, str]] = []
    start: int | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        blank = not line.strip()
        if start is not None and (blank or _NUMBERED_RE.match(line)):
            blocks.append((start, text[start:pos]))
            start = None
        if start is None and not blank:
            start = pos
        pos += len(line)
    if start is not None:
        blocks.append((start, text[start:pos]))
    return blocks


def point_of(offset: int, text: str) -> int | None:
    """The numbered point (``- 1.``, ``2.`` ...) whose paragraph holds ``text[offset]``, or None.

    >>> point_of(9, "Intro.\\n- 1. First.\\n- 2. Second.")
    1
    >>> point_of(2, "Intro.\\n- 1. First.")
    """
    for start, para in _blocks(text):
        if start <= offset < start + len(para):
            m = _NUMBERED_RE.match(para)
            return int(m.group(1)) if m else None
    return None


def _is_prose(sentence: str) -> bool:
    """A sentence a learner can tag: it ends like a sentence and reads like prose.

    Headings, registry lines and the signature are left out: they have no closing full stop, or
    (like ``CIPHERED TELEGRAM No. 75021 ...``) hardly a word that starts in lower case.
    """
    if not _TERMINAL_RE.search(sentence):
        return False
    words = re.findall(r"[^\W\d_][\w'\u2019()-]*", sentence)
    if len(words) < 3:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) >= 0.4


def _sentence_spans(text: str) -> tuple[list[tuple[int, int]], str]:
    """Sentence offsets from ``primary_source.text.sentences`` if it is there, else our own.

    ``text.sentences`` returns strings with whitespace tidied; each is found again in ``text``
    (whitespace- and quote-tolerant, in reading order) to recover its offsets. If any cannot be
    found, the whole text is split by :func:`split_sentences` instead.
    """
    try:
        from primary_source.text import sentences as text_sentences
    except ImportError:
        return split_sentences(text), "rhetoric.split_sentences"
    try:
        items = [str(getattr(item, "text", item)) for item in text_sentences(text)]
    except Exception:  # noqa: BLE001 - an unexpected signature: use our own splitter
        return split_sentences(text), "rhetoric.split_sentences"
    hay, index = normalise_for_search(text)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for item in items:
        needle, _ = normalise_for_search(item.strip())
        if not needle:
            continue
        found = hay.find(needle, cursor)
        if found == -1:
            return split_sentences(text), "rhetoric.split_sentences"
        cursor = found + len(needle)
        spans.append((index[found], index[cursor - 1] + 1))
    return _trim(text, spans), "text.sentences"


def _body(doc: Any = None) -> str:
    if doc is None:
        from primary_source.record import load_document

        doc = load_document()
    return doc if isinstance(doc, str) else doc.body


def tag_units(doc: Any = None) -> list[TagUnit]:
    """The sentences of the document a learner can tag, numbered ``s01``, ``s02`` ...

    ``doc`` is a :class:`~primary_source.record.Document`, the body text itself, or None for
    the shipped telegram. Sentences come from ``primary_source.text.sentences`` when that
    module is installed, else from :func:`split_sentences`; headings, registry lines and the
    signature are left out.

    >>> [u.text for u in tag_units("Heading\\n\\n- 1. We salute you. Help will come.")]
    ['We salute you.', 'Help will come.']
    """
    text = _body(doc)
    spans, _ = _sentence_spans(text)
    units = []
    for start, end in spans:
        sentence = text[start:end]
        if _is_prose(sentence):
            n = len(units) + 1
            units.append(TagUnit(f"s{n:02d}", sentence, start, end, point_of(start, text)))
    return units


# --------------------------------------------------------------------------- loading the key


class _LineDict(dict):
    """A mapping from YAML that remembers its own line and the line of each value."""

    line: int = 0
    lines: dict
    duplicates: list


class _LineLoader:
    """Builds a SafeLoader subclass lazily (yaml is imported only when a key is loaded)."""

    _cls: Any = None

    @classmethod
    def get(cls) -> Any:
        if cls._cls is None:
            import yaml

            class Loader(yaml.SafeLoader):
                pass

            def construct_mapping(loader: Any, node: Any) -> _LineDict:
                loader.flatten_mapping(node)
                result = _LineDict(loader.construct_mapping(node, deep=True))
                result.line = node.start_mark.line + 1
                result.lines = {}
                result.duplicates = []
                for key_node, value_node in node.value:
                    key = loader.construct_object(key_node, deep=True)
                    if key in result.lines:
                        result.duplicates.append((key, key_node.start_mark.line + 1))
                    result.lines[key] = value_node.start_mark.line + 1
                return result

            Loader.add_constructor(
                yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping
            )
            cls._cls = Loader
        return cls._cls


_DEVICE_FIELDS = {"name", "definition", "example_hint"}
_ANNOTATION_FIELDS = {"id", "quote", "device", "explanation", "point", "note"}


def _line(mapping: Any, key: str) -> int:
    if isinstance(mapping, _LineDict):
        return mapping.lines.get(key, mapping.line)
    return 0


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
    try:
        data = yaml.load(raw, Loader=_LineLoader.get())  # noqa: S506 - a SafeLoader subclass
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
        text = _body()

    devices: list[Device] = []
    seen_devices: dict[str, int] = {}
    raw_devices = data.get("devices")
    if not isinstance(raw_devices, list) or not raw_devices:
        problem(_line(data, "devices"), "devices", "expected a non-empty list of devices")
        raw_devices = []
    for entry in raw_devices:
        if not isinstance(entry, dict):
            problem(_line(data, "devices"), "devices", "each device must be a mapping")
            continue
        line = getattr(entry, "line", 0)
        for key, kline in getattr(entry, "duplicates", []):
            problem(kline, str(key), f"the field '{key}' appears twice")
        for extra in sorted(set(entry) - _DEVICE_FIELDS, key=str):
            problem(_line(entry, extra), str(extra), f"unknown field '{extra}' in a device")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problem(_line(entry, "name"), "name", "a device needs a name")
            continue
        name = name.strip()
        if name in seen_devices:
            problem(_line(entry, "name"), "name",
                    f"duplicate device '{name}' (first defined at line {seen_devices[name]})")
            continue
        seen_devices[name] = _line(entry, "name")
        definition = entry.get("definition")
        if not isinstance(definition, str) or not definition.strip():
            problem(_line(entry, "definition"), "definition",
                    f"missing definition for device '{name}'")
            definition = ""
        hint = entry.get("example_hint") or ""
        devices.append(Device(name, " ".join(definition.split()), " ".join(str(hint).split()),
                              line))

    key_document = str(data.get("document") or "").strip()
    if key_document and key_document != document_id():
        if problems:
            return problems, None
        source = " ".join(str(data.get("source") or "").split())
        return [], RhetoricKey(devices, [], text, where, source, key_document, False)

    annotations: list[Annotation] = []
    seen_ids: dict[str, int] = {}
    seen_quotes: dict[str, tuple[str, int]] = {}
    raw_annotations = data.get("annotations")
    if not isinstance(raw_annotations, list) or not raw_annotations:
        problem(_line(data, "annotations"), "annotations",
                "expected a non-empty list of annotations")
        raw_annotations = []
    for entry in raw_annotations:
        if not isinstance(entry, dict):
            problem(_line(data, "annotations"), "annotations", "each annotation must be a mapping")
            continue
        line = getattr(entry, "line", 0)
        ok = True
        for key, kline in getattr(entry, "duplicates", []):
            problem(kline, str(key), f"the field '{key}' appears twice")
        for extra in sorted(set(entry) - _ANNOTATION_FIELDS, key=str):
            problem(_line(entry, extra), str(extra), f"unknown field '{extra}' in an annotation")
        ident = entry.get("id")
        if not isinstance(ident, str) or not ident.strip():
            problem(_line(entry, "id"), "id", "an annotation needs an id")
            ok = False
        elif ident in seen_ids:
            problem(_line(entry, "id"), "id",
                    f"duplicate id '{ident}' (first used at line {seen_ids[ident]})")
            ok = False
        else:
            seen_ids[ident] = _line(entry, "id")
        label = f"annotation '{ident}'" if isinstance(ident, str) else "annotation"

        device = entry.get("device")
        if not isinstance(device, str) or not device.strip():
            problem(_line(entry, "device"), "device", f"{label} needs a device")
            ok = False
        elif device not in seen_devices:
            known = ", ".join(sorted(seen_devices))
            problem(_line(entry, "device"), "device",
                    f"unknown device '{device}' in {label} (the catalogue has: {known})")
            ok = False

        explanation = entry.get("explanation")
        if not isinstance(explanation, str) or not explanation.strip():
            problem(_line(entry, "explanation"), "explanation", f"missing explanation in {label}")
            ok = False
            explanation = ""

        point = entry.get("point")
        if point is not None and (isinstance(point, bool) or not isinstance(point, int)):
            problem(_line(entry, "point"), "point",
                    f"point must be 1, 2, 3 ... or null, not {point!r}")
            ok = False
            point = None

        quote = entry.get("quote")
        span = None
        if not isinstance(quote, str) or not quote.strip():
            problem(_line(entry, "quote"), "quote", f"{label} needs a quote")
            ok = False
        elif quote in seen_quotes:
            other, other_line = seen_quotes[quote]
            problem(_line(entry, "quote"), "quote",
                    f"duplicate quote: the same words as annotation '{other}' (line {other_line})")
            ok = False
        else:
            seen_quotes[quote] = (str(ident), _line(entry, "quote"))
            found = locate(quote, text)
            if not found:
                near = locate(quote, text, tolerant=True)
                extra = ""
                if near:
                    s, e = near[0]
                    extra = f"; the document has it with different spacing or marks: {text[s:e]!r}"
                problem(_line(entry, "quote"), "quote",
                        f"quote not found in the document: {quote!r}{extra}")
                ok = False
            elif len(found) > 1:
                problem(_line(entry, "quote"), "quote",
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
                    problem(_line(entry, "point"), "point",
                            f"{label} says point {point!r} but the quote is {where_is}")
                    ok = False
                if "point" not in entry:
                    point = actual
        if ok and span is not None:
            annotations.append(Annotation(ident, quote, device, " ".join(explanation.split()),
                                          point, span[0], span[1], line))

    if problems:
        return problems, None
    source = " ".join(str(data.get("source") or "").split())
    return [], RhetoricKey(devices, annotations, text, where, source, key_document)


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


# --------------------------------------------------------------------------- comparing


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
    import pandas as pd

    key = key if key is not None else load_key()
    if not key.fits_document:
        from primary_source.notices import needs_rhetoric, notice_frame

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


# --------------------------------------------------------------------------- HTML views


def device_colour(key: RhetoricKey, device: str) -> str:
    """The Okabe-Ito colour of a device: its place in the catalogue picks it, stably."""
    from primary_source.palette import colour_for

    names = key.device_names
    return colour_for(names.index(device) if device in names else device)


def mark_html(key: RhetoricKey, annotation: Annotation) -> str:
    """One annotated quote: a tinted ``<mark>`` with a coloured underline, then the device name
    as a superscript label, so colour is never the only cue. Everything is escaped."""
    from html import escape

    colour = device_colour(key, annotation.device)
    device = escape(annotation.device)
    return (
        f'<mark class="ps-rhetoric-mark" data-device="{device}" title="{device}" '
        f'style="background:{colour}33;border-bottom:3px solid {colour};color:inherit;'
        f'padding:0 1px">{escape(annotation.quote)}</mark>'
        f'<sup class="ps-rhetoric-label" style="font-size:0.7em;font-weight:bold">'
        f"[{device}]</sup>"
    )


def annotated_html(key: RhetoricKey | None = None, device: str | None = None) -> str:
    """The whole document body as HTML, the key's quotes marked (only ``device``'s if given).

    Paragraphs become ``<p>``; where two quotes overlap, the first one is marked.

    >>> html = annotated_html(device="historical analogy")
    >>> html.count('<mark class="ps-rhetoric-mark"')
    3
    """
    from html import escape

    key = key if key is not None else load_key()
    text = key.text
    chosen = [a for a in sorted(key.annotations, key=lambda a: (a.start, -a.end))
              if device is None or a.device == device]
    parts: list[str] = []
    for start, para in _blocks(text):
        end = start + len(para.rstrip())
        pieces: list[str] = []
        pos = start
        for a in chosen:
            if a.start < pos or a.start >= end:
                continue
            pieces.append(escape(text[pos:a.start]))
            pieces.append(mark_html(key, a))
            pos = a.end
        pieces.append(escape(text[pos:end]))
        parts.append("<p>" + "".join(pieces).replace("\n", "<br>") + "</p>")
    return '<div class="ps-rhetoric-text" style="line-height:1.9">' + "".join(parts) + "</div>"


def device_html(key: RhetoricKey | None, name: str, width: int = 80) -> str:
    """One device of the catalogue: its definition, how to spot it, and every annotated quote of
    that device highlighted in its context, with where it is and our explanation."""
    from html import escape

    key = key if key is not None else load_key()
    device = key.device(name)
    found = key.annotations_for(name)
    html = [f'<div class="ps-rhetoric-device"><h4>{escape(device.name)}</h4>',
            f"<p>{escape(device.definition)}</p>"]
    if device.example_hint:
        html.append(f"<p><em>How to spot it:</em> {escape(device.example_hint)}</p>")
    count = f"{len(found)} passage{'s' if len(found) != 1 else ''} in the key"
    html.append(f'<p class="ps-rhetoric-count"><strong>{count}.</strong></p>')
    if found:
        html.append("<ol>")
        for a in found:
            before, quote, after = in_context(a, key.text, width)
            where = "instruction or signature" if a.point is None else f"point {a.point}"
            html.append(
                f"<li><p>{escape(before)}<mark style=\"background:"
                f"{device_colour(key, name)}33;color:inherit\">{escape(quote)}</mark>"
                f"{escape(after)}</p><p><small><strong>{escape(where)}:</strong> "
                f"{escape(a.explanation)}</small></p></li>"
            )
        html.append("</ol>")
    html.append("</div>")
    return "".join(html)
