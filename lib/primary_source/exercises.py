"""The exercise bank: load and validate the YAML files, check a learner's answer (no widgets)."""

from __future__ import annotations

import copy
import difflib
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from primary_source import paths

__all__ = [
    "TYPES",
    "ASSESSED_FEEDBACK",
    "ANSWER_FIELDS",
    "Problem",
    "ExerciseFormatError",
    "Device",
    "Exercise",
    "Bank",
    "Result",
    "load_bank",
    "validate",
    "exercises_for",
    "lesson_exercises",
    "check_answer",
    "load_devices",
    "strip_answers",
    "answer_text",
]

#: The exercise types the bank knows.
TYPES = ("choice", "multi", "text", "order", "match", "tag")

#: What a learner sees after submitting in an assessed (student-build) bank.
ASSESSED_FEEDBACK = "Your teacher will give feedback on this answer."

#: Fields that give an answer away; ``strip_answers`` removes them for assessed use.
ANSWER_FIELDS = ("answer", "answers", "model_answer", "rubric", "keywords", "feedback", "pairs",
                 "device")

_COMMON = {"id", "section", "type", "prompt", "hint", "points"}
_BY_TYPE = {
    "choice": {"options", "answer", "feedback"},
    "multi": {"options", "answers", "feedback"},
    "text": {"model_answer", "rubric", "keywords"},
    "order": {"items"},
    "match": {"pairs", "left", "right"},
    "tag": {"quote", "device"},
}
_TOP_LEVEL = {"title", "exercises", "assessed", "description"}


# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an exercise file, with the 1-based line of the offending YAML node.

    >>> str(Problem("data/exercises/01.yaml", 7, "answer", "'Lenin' is not one of the options"))
    "data/exercises/01.yaml:7: answer: 'Lenin' is not one of the options"
    """

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class ExerciseFormatError(ValueError):
    """The bank has problems; ``.problems`` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the exercise bank:\n{lines}")


@dataclass(frozen=True)
class Device:
    """A rhetorical device from the catalogue in ``data/rhetoric.yaml``."""

    name: str
    definition: str = ""


@dataclass
class Exercise:
    """One exercise, as written in the bank (``items`` in the right order for ``order``)."""

    id: str
    type: str
    prompt: str
    notebook: str = ""
    section: str | None = None
    file: str = ""
    line: int = 0
    hint: str | None = None
    points: float = 1.0
    options: list[str] = field(default_factory=list)
    answer: str | None = None
    answers: list[str] = field(default_factory=list)
    feedback: dict[str, str] = field(default_factory=dict)
    model_answer: str | None = None
    rubric: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    quote: str | None = None
    device: str | None = None
    assessed: bool = False

    def shuffled_items(self) -> list[str]:
        """The ``order`` items in a fixed shuffled order that differs from the answer.

        >>> Exercise("x", "order", "?", items=["a", "b", "c"]).shuffled_items() != ["a", "b", "c"]
        True
        """
        return _shuffle(self.items, self.id)

    def right_choices(self) -> list[str]:
        """The right-hand items of a ``match``, once each, alphabetically (giving nothing away)."""
        return sorted(set(self.right), key=str.casefold)


@dataclass
class Result:
    """What a learner is told after submitting an answer.

    ``correct`` is ``None`` when the answer is not auto-graded (free text, or an assessed bank);
    ``score`` is in points (``fraction correct x points``).
    """

    correct: bool | None
    score: float
    feedback: str
    hint: str | None = None
    model_answer: str | None = None
    self_check: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-able dict of the result."""
        return {"correct": self.correct, "score": self.score, "feedback": self.feedback}


@dataclass
class Bank:
    """Every exercise of the bank, in file order and YAML order."""

    exercises: list[Exercise]
    files: list[Path]
    titles: dict[str, str] = field(default_factory=dict)
    devices: list[Device] = field(default_factory=list)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def get(self, exercise_id: str) -> Exercise | None:
        """The exercise with this id, or ``None``."""
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        return None

    def for_notebook(self, notebook: str, section: str | None = None) -> list[Exercise]:
        """The exercises of one notebook (and section), in YAML order."""
        nb = Path(notebook).stem
        return [e for e in self.exercises
                if e.notebook == nb and (section is None or e.section == section)]


# --------------------------------------------------------------------------- YAML with lines


class _Loader(yaml.SafeLoader):
    """A safe loader; the node tree it composes keeps each node's start line."""


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _shuffle(items: Sequence[str], seed: str) -> list[str]:
    out = list(items)
    if len(out) < 2:
        return out
    random.Random(seed).shuffle(out)
    if out == list(items):
        out = out[1:] + out[:1]
    return out


def _is_null(node: yaml.Node) -> bool:
    return (isinstance(node, yaml.ScalarNode) and node.style is None
            and node.value in ("", "~", "null", "Null", "NULL"))


class _FileChecker:
    """Collects the problems of one exercise file while turning its nodes into exercises."""

    def __init__(self, path: Path, shown: str, quote_texts: _Lazy, catalogue: _Lazy,
                 skip_missing_quotes: bool = False):
        self.path = path
        self.shown = shown
        self.problems: list[Problem] = []
        #: Tag exercises left out because their quote is not in the document (lessons only).
        self.skip_missing_quotes = skip_missing_quotes
        self.skipped: list[tuple[Problem, str | None]] = []  # (why, the exercise's section)
        self._skip_this = False
        self.quote_texts = quote_texts
        self.catalogue = catalogue
        self.loader: _Loader | None = None
        self.ids: list[tuple[str, int]] = []

    def problem(self, node_or_line: yaml.Node | int | None, fieldname: str, message: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) else _line(node_or_line)
        self.problems.append(Problem(self.shown, line, fieldname, message))

    # -- scalar helpers: read the raw YAML text so `No` stays "No" and 1950 stays "1950"
    def text(self, node: yaml.Node, fieldname: str, *, required: bool = True) -> str | None:
        if _is_null(node) or (isinstance(node, yaml.ScalarNode) and not node.value.strip()):
            if required:
                self.problem(node, fieldname, "is empty; write some text here")
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, fieldname, f"must be text, not a {_kind(node)}")
            return None
        return node.value

    def text_list(self, node: yaml.Node, fieldname: str, *, minimum: int = 1,
                  unique: bool = False) -> list[str] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, fieldname, f"must be a list of text items, not a {_kind(node)}")
            return None
        out: list[str] = []
        ok = True
        for i, item in enumerate(node.value):
            value = self.text(item, f"{fieldname}[{i}]")
            if value is None:
                ok = False
            else:
                out.append(value)
        if ok and len(out) < minimum:
            self.problem(node, fieldname, f"needs at least {minimum} item(s), found {len(out)}")
            return None
        if unique and ok:
            seen: set[str] = set()
            for item_node, value in zip(node.value, out, strict=True):
                if value in seen:
                    self.problem(item_node, fieldname, f"{value!r} appears more than once")
                    ok = False
                seen.add(value)
        return out if ok else None

    def mapping(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key -> (key node, value node); duplicate keys are reported here."""
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in out:
                self.problem(key_node, key,
                             f"duplicate key: {key!r} is already given on line "
                             f"{_line(out[key][0])}")
                continue
            out[key] = (key_node, value_node)
        return out

    # -- the file
    def check(self) -> tuple[list[Exercise], str]:
        try:
            raw = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.problem(1, "file", "no such file")
            return [], ""
        except UnicodeDecodeError as err:
            self.problem(1, "file", f"is not UTF-8 text ({err.reason})")
            return [], ""
        except OSError as err:
            self.problem(1, "file", f"cannot be read ({err.strerror})")
            return [], ""
        self.loader = _Loader(raw)
        try:
            root = self.loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            what = " ".join(str(s) for s in (err.context, err.problem) if s)
            self.problem(mark.line + 1 if mark else 1, "yaml", f"YAML syntax error: {what}")
            return [], ""
        except yaml.YAMLError as err:
            self.problem(1, "yaml", f"YAML syntax error: {err}")
            return [], ""
        finally:
            self.loader.dispose()
        self._check_duplicate_keys(root)
        if root is None:
            self.problem(1, "exercises", "the file is empty; it needs an 'exercises:' list")
            return [], ""
        if not isinstance(root, yaml.MappingNode):
            self.problem(root, "exercises",
                         f"the top level must be a mapping with an 'exercises:' list, "
                         f"not a {_kind(root)}")
            return [], ""
        top = self.mapping_quiet(root)
        for key, (key_node, _v) in top.items():
            if key not in _TOP_LEVEL:
                self.unknown(key_node, key, _TOP_LEVEL, "at the top level")
        title = ""
        if "title" in top:
            title = self.text(top["title"][1], "title") or ""
        assessed = False
        if "assessed" in top:
            node = top["assessed"][1]
            value = node.value.lower() if isinstance(node, yaml.ScalarNode) else None
            if value in ("true", "yes", "on"):
                assessed = True
            elif value not in ("false", "no", "off"):
                self.problem(node, "assessed", "must be true or false")
        if "exercises" not in top:
            self.problem(root, "exercises", "missing: the file needs an 'exercises:' list")
            return [], title
        ex_node = top["exercises"][1]
        if not isinstance(ex_node, yaml.SequenceNode):
            self.problem(ex_node, "exercises",
                         f"must be a list of exercises, not a {_kind(ex_node)}")
            return [], title
        exercises = []
        for i, node in enumerate(ex_node.value):
            ex = self.exercise(node, i, assessed)
            if ex is not None:
                exercises.append(ex)
        return exercises, title

    def mapping_quiet(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Like ``mapping`` but without reporting (duplicates were reported in one pass)."""
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            out.setdefault(key, (key_node, value_node))
        return out

    def _check_duplicate_keys(self, root: yaml.Node | None) -> None:
        stack = [root] if root is not None else []
        seen: set[int] = set()
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                self.mapping(node)
                stack.extend(v for _k, v in node.value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)

    def unknown(self, key_node: yaml.Node, key: str, allowed: Iterable[str], where: str) -> None:
        close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else \
            f"; allowed: {', '.join(sorted(allowed))}"
        self.problem(key_node, key, f"unknown field {where}{hint}")

    def exercise(self, node: yaml.Node, index: int, assessed: bool) -> Exercise | None:
        label = f"exercises[{index}]"
        self._skip_this = False
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, label, f"each exercise must be a mapping, not a {_kind(node)}")
            return None
        fields = self.mapping_quiet(node)
        before = len(self.problems)

        ex_id = None
        if "id" not in fields:
            self.problem(node, "id", f"missing: {label} needs an id")
        else:
            ex_id = self.text(fields["id"][1], "id")
            if ex_id is not None:
                self.ids.append((ex_id, _line(node)))
        who = f" (exercise {ex_id})" if ex_id else f" ({label})"

        ex_type = None
        if "type" not in fields:
            self.problem(node, "type", f"missing{who}: one of {', '.join(TYPES)}")
        else:
            ex_type = self.text(fields["type"][1], "type")
            if ex_type is not None and ex_type not in TYPES:
                close = difflib.get_close_matches(ex_type, TYPES, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(fields["type"][1], "type",
                             f"unknown type {ex_type!r}{who}; use one of {', '.join(TYPES)}{hint}")
                ex_type = None

        prompt = None
        if "prompt" not in fields:
            self.problem(node, "prompt", f"missing{who}: the question the learner reads")
        else:
            prompt = self.text(fields["prompt"][1], "prompt")

        allowed = _COMMON | (_BY_TYPE[ex_type] if ex_type else set().union(*_BY_TYPE.values()))
        for key, (key_node, _v) in fields.items():
            if key not in allowed:
                kind = f"for a {ex_type} exercise" if ex_type else "in an exercise"
                self.unknown(key_node, key, allowed, kind)

        section = None
        if "section" in fields:
            section = self.text(fields["section"][1], "section")
        hint = None
        if "hint" in fields:
            hint = self.text(fields["hint"][1], "hint")
        points = 1.0
        if "points" in fields:
            pnode = fields["points"][1]
            value = self._construct(pnode)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                self.problem(pnode, "points", f"must be a positive number{who}, not {pnode.value!r}"
                             if isinstance(pnode, yaml.ScalarNode) else
                             f"must be a positive number{who}")
            else:
                points = float(value)

        ex = Exercise(id=ex_id or "", type=ex_type or "", prompt=prompt or "",
                      notebook=self.path.stem, section=section, file=self.shown,
                      line=_line(node), hint=hint, points=points, assessed=assessed)
        if ex_type:
            getattr(self, f"_check_{ex_type}")(ex, node, fields, who, assessed)
        if len(self.problems) > before or not (ex_id and ex_type and prompt):
            return None
        return None if self._skip_this else ex

    def _construct(self, node: yaml.Node) -> Any:
        loader = _Loader("")
        try:
            return loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            return None
        finally:
            loader.dispose()

    def _required(self, ex_node, fields, name, who) -> yaml.Node | None:
        if name not in fields:
            self.problem(ex_node, name, f"missing{who}")
            return None
        return fields[name][1]

    def _options(self, ex, ex_node, fields, who) -> list[str] | None:
        node = self._required(ex_node, fields, "options", who)
        if node is None:
            return None
        options = self.text_list(node, "options", minimum=2, unique=True)
        if options is not None:
            ex.options = options
        return options

    def _feedback(self, ex, fields, options, who) -> None:
        if "feedback" not in fields:
            return
        node = fields["feedback"][1]
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "feedback", f"must be a mapping from option to text{who}")
            return
        for key_node, value_node in node.value:
            key = self.text(key_node, "feedback")
            value = self.text(value_node, "feedback")
            if key is None or value is None:
                continue
            if options is not None and key not in options:
                self.problem(key_node, "feedback",
                             f"{key!r} is not one of the options{who}{_did_you_mean(key, options)}")
            ex.feedback[key] = value

    def _check_choice(self, ex, ex_node, fields, who, assessed) -> None:
        options = self._options(ex, ex_node, fields, who)
        self._feedback(ex, fields, options, who)
        if assessed and "answer" not in fields:
            return
        node = self._required(ex_node, fields, "answer", who)
        if node is None:
            return
        answer = self.text(node, "answer")
        if answer is not None and options is not None and answer not in options:
            self.problem(node, "answer", f"{answer!r} is not one of the options"
                         f"{who}{_did_you_mean(answer, options)}")
        ex.answer = answer

    def _check_multi(self, ex, ex_node, fields, who, assessed) -> None:
        options = self._options(ex, ex_node, fields, who)
        self._feedback(ex, fields, options, who)
        if assessed and "answers" not in fields:
            return
        node = self._required(ex_node, fields, "answers", who)
        if node is None:
            return
        answers = self.text_list(node, "answers", minimum=1, unique=True)
        if answers is None:
            return
        for item_node, answer in zip(node.value, answers, strict=True):
            if options is not None and answer not in options:
                self.problem(item_node, "answers", f"{answer!r} is not one of the options"
                             f"{who}{_did_you_mean(answer, options)}")
        ex.answers = answers

    def _check_text(self, ex, ex_node, fields, who, assessed) -> None:
        if "model_answer" in fields:
            ex.model_answer = self.text(fields["model_answer"][1], "model_answer")
        elif not assessed:
            self.problem(ex_node, "model_answer", f"missing{who}: learners compare with it")
        for name in ("rubric", "keywords"):
            if name in fields:
                value = self.text_list(fields[name][1], name, minimum=1)
                if value is not None:
                    setattr(ex, name, value)

    def _check_order(self, ex, ex_node, fields, who, assessed) -> None:
        node = self._required(ex_node, fields, "items", who)
        if node is not None:
            items = self.text_list(node, "items", minimum=2, unique=True)
            if items is not None:
                ex.items = items

    def _check_match(self, ex, ex_node, fields, who, assessed) -> None:
        if assessed and "pairs" not in fields:
            for name in ("left", "right"):
                node = self._required(ex_node, fields, name, who)
                if node is not None:
                    value = self.text_list(node, name, minimum=2 if name == "left" else 1,
                                           unique=name == "left")
                    if value is not None:
                        setattr(ex, name, value)
            return
        for name in ("left", "right"):
            if name in fields:
                self.problem(fields[name][0], name,
                             f"only a student build uses {name!r}; write 'pairs' instead{who}")
        node = self._required(ex_node, fields, "pairs", who)
        if node is None:
            return
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "pairs", f"must be a list of [left, right] pairs{who}")
            return
        pairs = []
        for i, pair_node in enumerate(node.value):
            if not isinstance(pair_node, yaml.SequenceNode) or len(pair_node.value) != 2:
                self.problem(pair_node, "pairs", f"pairs[{i}] must be a list of two items, "
                             f"[left, right]{who}")
                continue
            a = self.text(pair_node.value[0], f"pairs[{i}]")
            b = self.text(pair_node.value[1], f"pairs[{i}]")
            if a is not None and b is not None:
                pairs.append((a, b, pair_node))
        if len(node.value) < 2:
            self.problem(node, "pairs", f"needs at least 2 pairs, found {len(node.value)}{who}")
        # a right-hand item may serve several left items (sorting into "before" / "after"),
        # but each left item is matched once
        seen: set[str] = set()
        for pair in pairs:
            if pair[0] in seen:
                self.problem(pair[2], "pairs",
                             f"{pair[0]!r} appears more than once on the left{who}")
            seen.add(pair[0])
        ex.pairs = [(a, b) for a, b, _n in pairs]
        ex.left = [a for a, _b in ex.pairs]
        ex.right = [b for _a, b in ex.pairs]

    def _check_tag(self, ex, ex_node, fields, who, assessed) -> None:
        node = self._required(ex_node, fields, "quote", who)
        if node is not None:
            quote = self.text(node, "quote")
            if quote is not None:
                texts, error = self.quote_texts.get()
                if error:
                    self.problem(node, "quote", f"cannot check the quote{who}: {error}")
                elif not any(_squash(quote) in _squash(t) for t in texts):
                    message = (f"{_short(quote)!r} is not found in the document text{who}; "
                               "copy the words exactly")
                    if self.skip_missing_quotes:
                        self.skipped.append((Problem(self.shown, _line(node), "quote", message),
                                             ex.section))
                        self._skip_this = True
                    else:
                        self.problem(node, "quote", message)
                ex.quote = quote
        devices, error = self.catalogue.get()
        if error:
            self.problem(ex_node, "device", f"{error}{who}; tag exercises need it")
        if assessed and "device" not in fields:
            return
        node = self._required(ex_node, fields, "device", who)
        if node is None:
            return
        device = self.text(node, "device")
        if device is not None and not error:
            names = [d.name for d in devices]
            if device.casefold() not in {n.casefold() for n in names}:
                self.problem(node, "device", f"{device!r} is not in the rhetoric catalogue"
                             f"{who}{_did_you_mean(device, names)}")
        ex.device = device


class _Lazy:
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


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value"


def _did_you_mean(value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _document_texts() -> tuple[list[str], str | None]:
    """The texts a tag quote may be found in: the document's text and its body."""
    texts: list[str] = []
    try:
        from primary_source.record import load_document

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

    Raises ``FileNotFoundError`` when the catalogue is missing, ``ValueError`` when it is malformed.
    """
    path = Path(path) if path else paths.rhetoric_path()
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    if not isinstance(data, dict) or not isinstance(data.get("devices"), list):
        raise ValueError(f"{path}: needs a 'devices:' list of {{name, definition}}")
    out = []
    for item in data["devices"]:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ValueError(f"{path}: every device needs a 'name'")
        out.append(Device(item["name"], str(item.get("definition") or "")))
    return out


def _catalogue() -> tuple[list[Device], str | None]:
    path = paths.rhetoric_path()
    try:
        return load_devices(path), None
    except FileNotFoundError:
        return [], f"the rhetoric catalogue {path} is missing"
    except (ValueError, yaml.YAMLError, OSError) as err:
        return [], f"the rhetoric catalogue cannot be read ({_short(str(err), 120)})"


def _files(paths_in: Iterable[str | Path] | None) -> tuple[list[Path], list[Problem]]:
    if paths_in is None:
        paths_in = [paths.exercises_dir()]
    elif isinstance(paths_in, (str, Path)):
        paths_in = [paths_in]
    files: list[Path] = []
    problems: list[Problem] = []
    for p in paths_in:
        p = Path(p)
        if p.is_dir():
            found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
            if not found:
                problems.append(Problem(str(p), 1, "file", "no exercise files (*.yaml) here"))
            files += found
        elif p.exists():
            files.append(p)
        else:
            problems.append(Problem(str(p), 1, "file", "no such file or folder"))
    return files, problems


def _shown(path: Path) -> str:
    """A path as the instructor would type it: relative to the project or cwd when possible."""
    for base in (Path.cwd(), paths.project_root()):
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


def _load(paths_in, *, cross_file: bool = True,
          skipped: list[tuple[Problem, str | None]] | None = None) -> tuple[Bank, list[Problem]]:
    """Load files; with a ``skipped`` list, tag exercises whose quote is not in the document
    are left out and reported there instead of being problems."""
    files, problems = _files(paths_in)
    quote_texts = _Lazy(_document_texts)
    catalogue = _Lazy(_catalogue)
    exercises: list[Exercise] = []
    titles: dict[str, str] = {}
    first_seen: dict[str, tuple[str, int]] = {}
    for f in files:
        checker = _FileChecker(f, _shown(f), quote_texts, catalogue,
                               skip_missing_quotes=skipped is not None)
        found, title = checker.check()
        problems += checker.problems
        if skipped is not None:
            skipped += checker.skipped
        titles[f.stem] = title
        if cross_file:
            for ex_id, line in checker.ids:
                if ex_id in first_seen:
                    where = first_seen[ex_id]
                    problems.append(Problem(checker.shown, line, "id",
                                            f"duplicate id {ex_id!r}: already used at "
                                            f"{where[0]}:{where[1]}"))
                else:
                    first_seen[ex_id] = (checker.shown, line)
        exercises += found
    problems = _dedupe(problems)
    devices = catalogue.value[0] if catalogue.done else []
    return Bank(exercises, files, titles, devices), problems


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    order = {}
    for p in out:
        order.setdefault(p.file, len(order))
    return sorted(out, key=lambda p: (order[p.file], p.line))


# --------------------------------------------------------------------------- public API


def validate(paths: Iterable[str | Path] | str | Path | None = None) -> list[Problem]:
    """Every problem in the bank (or in the given files and folders), at once.

    An empty list means the bank is valid.

    >>> validate() == []   # the shipped bank
    True
    """
    return _load(paths)[1]


def load_bank(paths: Iterable[str | Path] | str | Path | None = None) -> Bank:
    """Load and validate the bank; raise ``ExerciseFormatError`` listing every problem."""
    bank, problems = _load(paths)
    if problems:
        raise ExerciseFormatError(problems)
    return bank


def exercises_for(notebook: str, section: str | None = None) -> list[Exercise]:
    """The exercises a notebook shows, in YAML order, from ``data/exercises/<notebook>.yaml``.

    Only that file is read, so a mistake in another notebook's file does not stop this one.

    >>> [e.section for e in exercises_for("00_start_here", "observe")][:1]
    ['observe']
    """
    path = paths.exercise_path(notebook)
    if not path.exists():
        raise FileNotFoundError(f"no exercise file for notebook {notebook!r}: {path}")
    bank, problems = _load([path], cross_file=False)
    if problems:
        raise ExerciseFormatError(problems)
    return bank.for_notebook(path.stem, section)


def lesson_exercises(notebook: str,
                     section: str | None = None) -> tuple[list[Exercise], list[Problem]]:
    """What a lesson shows: the exercises that fit the chosen record, and those left out.

    Like :func:`exercises_for`, but a ``tag`` exercise whose quote is not in the record the
    lessons read (another record was chosen in ``data/lesson.yaml``) is left out and returned
    in the second list, so the rest of the section still shows. Other problems still raise
    ``ExerciseFormatError``.

    >>> shown, skipped = lesson_exercises("04_rhetoric", "tagging")
    >>> len(shown) > 0, skipped
    (True, [])
    """
    path = paths.exercise_path(notebook)
    if not path.exists():
        raise FileNotFoundError(f"no exercise file for notebook {notebook!r}: {path}")
    skipped: list[tuple[Problem, str | None]] = []
    bank, problems = _load([path], cross_file=False, skipped=skipped)
    if problems:
        raise ExerciseFormatError(problems)
    left_out = [why for why, where in skipped if section is None or where == section]
    return bank.for_notebook(path.stem, section), left_out


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def answer_text(answer: Any) -> str:
    """A learner's answer as one line of text, for tables and exports.

    >>> answer_text(["b", "a"])
    'b; a'
    >>> answer_text({"APRF": "Presidential archive"})
    'APRF → Presidential archive'
    """
    if answer is None:
        return ""
    if isinstance(answer, dict):
        return "; ".join(f"{k} → {v}" for k, v in answer.items())
    if isinstance(answer, (list, tuple)):
        return "; ".join(answer_text(a) for a in answer)
    return str(answer)


def check_answer(exercise: Exercise, answer: Any) -> Result:
    """Check a learner's answer and say what to tell them.

    ``choice`` and ``tag`` take one string, ``multi`` and ``order`` a list of strings,
    ``match`` a dict from left item to right item, ``text`` a string (never auto-graded).

    >>> ex = Exercise("e", "choice", "Who signed?", options=["Stalin", "Kim"], answer="Stalin")
    >>> check_answer(ex, "Stalin").correct
    True
    """
    ex = exercise
    if ex.type == "text":
        return _check_text(ex, answer)
    if ex.assessed:
        return Result(None, 0.0, ASSESSED_FEEDBACK, hint=ex.hint)
    if answer is None or answer == "" or answer == [] or answer == {}:
        return Result(False, 0.0, "Choose an answer first, then press Submit.", hint=ex.hint)
    checker = {"choice": _check_choice, "multi": _check_multi, "order": _check_order,
               "match": _check_match, "tag": _check_tag}.get(ex.type)
    if checker is None:
        raise ValueError(f"unknown exercise type {ex.type!r}")
    fraction, feedback = checker(ex, answer)
    fraction = max(0.0, min(1.0, fraction))
    correct = fraction >= 1.0
    return Result(correct, round(fraction * ex.points, 4), feedback,
                  hint=None if correct else ex.hint)


def _check_choice(ex: Exercise, answer: Any) -> tuple[float, str]:
    chosen = str(answer)
    right = ex.answer is not None and _norm(chosen) == _norm(ex.answer)
    own = ex.feedback.get(chosen)
    if right:
        return 1.0, "Correct." + (f" {own}" if own else "")
    return 0.0, "Not quite." + (f" {own}" if own else " Read the passage again and try once more.")


def _check_multi(ex: Exercise, answer: Any) -> tuple[float, str]:
    chosen = [answer] if isinstance(answer, str) else list(answer)
    key = {_norm(a) for a in ex.answers}
    picked = {_norm(c) for c in chosen}
    hits = len(key & picked)
    wrong = len(picked - key)
    fraction = (hits - wrong) / len(key) if key else 0.0
    notes = [ex.feedback[c] for c in chosen if c in ex.feedback]
    if picked == key:
        head = "Correct: you chose all the right options and no others."
    else:
        parts = [f"You found {hits} of {len(key)} right option{'s' if len(key) != 1 else ''}"]
        if wrong:
            parts.append(f"{wrong} of your choices {'is' if wrong == 1 else 'are'} not right")
        head = "Partly right. " + "; ".join(parts) + "."
        if hits == 0 and not wrong:
            head = "Not quite."
    return fraction, " ".join([head, *notes])


def _check_order(ex: Exercise, answer: Any) -> tuple[float, str]:
    given = list(answer)
    n = len(ex.items)
    right = sum(1 for i, item in enumerate(ex.items)
                if i < len(given) and _norm(given[i]) == _norm(item))
    if right == n:
        return 1.0, "Correct: everything is in the right order."
    return right / n, f"{right} of {n} items are in the right place. Move the others and try again."


def _check_match(ex: Exercise, answer: Any) -> tuple[float, str]:
    given = {_norm(k): _norm(v) for k, v in dict(answer).items() if v is not None}
    n = len(ex.pairs)
    right = sum(1 for a, b in ex.pairs if given.get(_norm(a)) == _norm(b))
    if right == n:
        return 1.0, "Correct: every pair matches."
    return right / n, f"{right} of {n} pairs match. Look again at the others."


def _check_tag(ex: Exercise, answer: Any) -> tuple[float, str]:
    chosen = str(answer)
    if ex.device is not None and _norm(chosen) == _norm(ex.device):
        return 1.0, f"Correct: this passage is an example of {ex.device}."
    return 0.0, (f"Not quite: {chosen} is not the best name for this passage. "
                 "Read the definitions of the devices again.")


def _check_text(ex: Exercise, answer: Any) -> Result:
    text = "" if answer is None else str(answer)
    if ex.assessed:
        return Result(None, 0.0, ASSESSED_FEEDBACK, hint=ex.hint)
    if not text.strip():
        return Result(None, 0.0, "Write your answer in the box first, then press Submit.",
                      hint=ex.hint, model_answer=None, self_check=[])
    parts = ["Your answer is saved. Free text is not marked automatically: compare it with the "
             "model answer and tick off the self-check list."]
    missing = [k for k in ex.keywords if _norm(k) not in _norm(text)]
    if missing:
        parts.append("You might also consider: " + ", ".join(missing) + ".")
    return Result(None, 0.0, " ".join(parts), hint=ex.hint, model_answer=ex.model_answer,
                  self_check=list(ex.rubric))


# --------------------------------------------------------------------------- student build


def strip_answers(bank_dict: dict[str, Any]) -> dict[str, Any]:
    """A copy of one exercise file's data with every answer removed, marked ``assessed: true``.

    Removes ``answer``, ``answers``, ``model_answer``, ``rubric``, ``keywords``, per-option
    ``feedback``, the ``device`` of a tag; shuffles ``order`` items; splits ``match`` pairs into
    ``left`` and a shuffled ``right`` (each right-hand item once).

    >>> strip_answers({"exercises": [{"id": "a", "type": "choice", "prompt": "?",
    ...                                "options": ["x", "y"], "answer": "x"}]})
    {'assessed': True, 'exercises': [{'id': 'a', 'type': 'choice', 'prompt': '?', \
'options': ['x', 'y']}]}
    """
    data = copy.deepcopy(bank_dict) if isinstance(bank_dict, dict) else {}
    out: dict[str, Any] = {"assessed": True}
    out.update({k: v for k, v in data.items() if k != "assessed"})
    exercises = out.get("exercises")
    if not isinstance(exercises, list):
        return out
    cleaned = []
    for ex in exercises:
        if not isinstance(ex, dict):
            cleaned.append(ex)
            continue
        ex = dict(ex)
        if ex.get("type") == "order" and isinstance(ex.get("items"), list):
            ex["items"] = _shuffle([str(i) for i in ex["items"]], str(ex.get("id", "")))
        if ex.get("type") == "match" and isinstance(ex.get("pairs"), list):
            pairs = [p for p in ex["pairs"] if isinstance(p, (list, tuple)) and len(p) == 2]
            ex["left"] = [str(p[0]) for p in pairs]
            right = list(dict.fromkeys(str(p[1]) for p in pairs))
            ex["right"] = _shuffle(right, str(ex.get("id", "")) + "/right")
        for name in ANSWER_FIELDS:
            ex.pop(name, None)
        cleaned.append(ex)
    out["exercises"] = cleaned
    return out
