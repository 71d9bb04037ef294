"""The exercise bank's data: problems, exercises, results, the bank and its constants."""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from primary_source.problems import DataFileError, FileProblem
from primary_source.rhetoric.model import Device

__all__ = [
    "TYPES",
    "ASSESSED_FEEDBACK",
    "ANSWER_FIELDS",
    "MODEL_ANSWER_AFTER_WORDS",
    "Problem",
    "ExerciseFormatError",
    "Device",
    "Exercise",
    "Result",
    "Bank",
    "canonical",
    "learner_order",
    "same_key",
]

#: The exercise types the bank knows.
TYPES = ("choice", "multi", "text", "order", "match", "tag")

#: What a learner sees after submitting in an assessed (student-build) bank.
ASSESSED_FEEDBACK = "Your teacher will give feedback on this answer."

#: Fields that give an answer away; ``strip_answers`` removes them for assessed use.
ANSWER_FIELDS = ("answer", "answers", "model_answer", "rubric", "keywords", "feedback", "pairs",
                 "device")


#: How many words a free-text answer needs before the model answer and the self-check are offered
#: (a file's ``model_answer_after_words`` at the top, or an exercise's own, changes it).
MODEL_ANSWER_AFTER_WORDS = 15


def same_key(text: str) -> str:
    """Text as marking compares it: NFKC-normalised, whitespace runs made one space, case-folded.

    >>> same_key("  Kim\u00a0Il  SUNG ") == same_key("kim il sung")
    True
    """
    return " ".join(unicodedata.normalize("NFKC", str(text)).split()).casefold()


def canonical(items: Sequence[str]) -> list[str]:
    """``items`` in an order that says nothing about the key: sorted as marking compares them.

    >>> canonical(["b", "A", "c"])
    ['A', 'b', 'c']
    """
    return sorted(items, key=lambda s: (same_key(s), s))


def learner_order(items: Sequence[str], learner: str, exercise_id: str,
                  avoid: Sequence[str] | None = None) -> list[str]:
    """The order one learner sees ``items`` in: the canonical order, shuffled by a seed made of
    the learner's name and the exercise id, so it depends on neither the key nor the bank's
    order (a student copy, whose items are canonical, shows the same). Never ``avoid`` (the
    key of an ``order`` exercise) when there are two items or more.

    >>> learner_order(["b", "a", "c"], "Ana", "q1") == learner_order(["c", "b", "a"], "Ana", "q1")
    True
    >>> learner_order(["a", "b"], "Ana", "q1", avoid=["a", "b"]) != ["a", "b"]
    True
    """
    out = canonical(items)
    seed = hashlib.sha256(f"{learner}\0{exercise_id}".encode()).hexdigest()
    random.Random(seed).shuffle(out)
    if avoid is not None and len(out) > 1 and out == list(avoid):
        out = out[1:] + out[:1]
    return out


@dataclass(frozen=True)
class Problem(FileProblem):
    """One thing wrong in an exercise file, with the 1-based line of the offending YAML node.

    >>> str(Problem("data/exercises/01.yaml", 7, "answer", "'Lenin' is not one of the options"))
    "data/exercises/01.yaml:7: answer: 'Lenin' is not one of the options"
    """

    file_attribute = "file"

    file: str
    line: int
    field: str
    message: str


class ExerciseFormatError(DataFileError):
    """The bank has problems; ``.problems`` lists every one of them.

    ``path``, ``line`` and ``field`` repeat the first problem; each listed line has the one
    format ``path:line: field: message``.

    >>> err = ExerciseFormatError([Problem("01.yaml", 7, "answer", "is not an option")])
    >>> print(err)
    1 problem(s) in the exercise bank:
    01.yaml:7: answer: is not an option
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        first = self.problems[0] if self.problems else Problem("", 0, "", "")
        super().__init__(first.file or None, first.line or None, first.field, first.message)

    def __str__(self) -> str:
        lines = "\n".join(str(p) for p in self.problems)
        return f"{len(self.problems)} problem(s) in the exercise bank:\n{lines}"


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
    model_answer_after_words: int = MODEL_ANSWER_AFTER_WORDS
    show_model_answer: bool = True

    def shuffled_items(self, learner: str = "") -> list[str]:
        """The ``order`` items as ``learner`` first sees them: never in the right order.

        >>> Exercise("x", "order", "?", items=["a", "b", "c"]).shuffled_items("Ana") != ["a", "b", "c"]
        True
        """
        return learner_order(self.items, learner, self.id, avoid=self.items)

    def shown_options(self, learner: str = "") -> list[str]:
        """The options of a ``choice`` or ``multi`` in the order ``learner`` sees them.

        The order depends on the learner and the exercise id, never on the key.

        >>> sorted(Exercise("x", "choice", "?", options=["a", "b"]).shown_options("Ana"))
        ['a', 'b']
        """
        return learner_order(self.options, learner, self.id)

    def right_choices(self) -> list[str]:
        """The right-hand items of a ``match``, once each, alphabetically (giving nothing away)."""
        return sorted(set(self.right), key=str.casefold)


@dataclass
class Result:
    """What a learner is told after submitting an answer.

    ``correct`` is ``None`` when the answer is not auto-graded (free text, or an assessed bank);
    ``score`` is in points (``fraction correct x points``). ``feedback`` is the whole message;
    ``verdict`` says what it comes to (``"correct"``, ``"partly right"``, ``"not yet"``,
    ``"empty"`` or ``"not marked"``) and ``detail`` is the message without its verdict words
    ("Correct.", "Not quite:" ...), for a widget that shows the verdict as an icon.
    """

    correct: bool | None
    score: float
    feedback: str
    hint: str | None = None
    model_answer: str | None = None
    self_check: list[str] = field(default_factory=list)
    verdict: str = "not marked"
    detail: str | None = None

    def __post_init__(self) -> None:
        if self.detail is None:
            self.detail = self.feedback


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
