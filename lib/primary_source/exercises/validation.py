"""Load and validate the bank's files; the exercises a notebook shows."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from primary_source import paths, yamlload
from primary_source.exercises.file_checker import FileChecker
from primary_source.exercises.model import (
    Bank,
    Exercise,
    ExerciseFormatError,
    Problem,
    same_key,
)
from primary_source.exercises.sources import Lazy, document_texts, load_catalogue

__all__ = ["exercises_for", "is_assessed", "lesson_exercises", "load_bank", "load_with_problems",
           "validate"]


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


def load_with_problems(paths_in: Iterable[str | Path] | str | Path | None, *,
                       cross_file: bool = True,
                       skipped: list[tuple[Problem, str | None]] | None = None,
                       ) -> tuple[Bank, list[Problem]]:
    """The bank of the given files and folders (the bank's folder for None) and its problems.

    With a ``skipped`` list, tag exercises whose quote is not in the document are left out and
    reported there instead of being problems; ``cross_file=False`` skips the duplicate-id check
    across files.

    >>> bank, problems = load_with_problems(None)
    >>> len(bank) > 0, problems
    (True, [])
    """
    files, problems = _files(paths_in)
    quote_texts = Lazy(document_texts)
    catalogue = Lazy(load_catalogue)
    exercises: list[Exercise] = []
    titles: dict[str, str] = {}
    first_seen: dict[str, tuple[str, int]] = {}
    for f in files:
        checker = FileChecker(f, _shown(f), quote_texts, catalogue,
                               skip_missing_quotes=skipped is not None)
        found, title = checker.check()
        problems += checker.problems
        if skipped is not None:
            skipped += checker.skipped
        titles[f.stem] = title
        if cross_file:
            for ex_id, line in checker.ids:
                key = same_key(ex_id)
                if key in first_seen:
                    where = first_seen[key]
                    problems.append(Problem(checker.shown, line, "id",
                                            f"duplicate id {ex_id!r}: already used at "
                                            f"{where[0]}:{where[1]}"))
                else:
                    first_seen[key] = (checker.shown, line)
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


def validate(paths: Iterable[str | Path] | str | Path | None = None) -> list[Problem]:
    """Every problem in the bank (or in the given files and folders), at once.

    An empty list means the bank is valid.

    >>> validate() == []   # the shipped bank
    True
    """
    return load_with_problems(paths)[1]


def load_bank(paths: Iterable[str | Path] | str | Path | None = None) -> Bank:
    """Load and validate the bank; raise ``ExerciseFormatError`` listing every problem."""
    bank, problems = load_with_problems(paths)
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
    bank, problems = load_with_problems([path], cross_file=False)
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
    bank, problems = load_with_problems([path], cross_file=False, skipped=skipped)
    if problems:
        raise ExerciseFormatError(problems)
    left_out = [why for why, where in skipped if section is None or where == section]
    return bank.for_notebook(path.stem, section), left_out


def is_assessed(notebook: str) -> bool:
    """Whether a notebook's exercise file is an assessed student copy (``assessed: true``).

    >>> is_assessed("04_rhetoric")   # the teacher's bank
    False
    """
    try:
        data = yamlload.safe_load(paths.exercise_path(notebook).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and data.get("assessed") is True
