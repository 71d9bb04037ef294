"""The assessed copy of the lessons: no answer anywhere, built whole or not at all."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from primary_source import paths, yamlload
from primary_source.exercises import ExerciseFormatError, load_with_problems, strip_answers
from primary_source.exercises.model import same_key
from primary_source.rhetoric import validate_key

__all__ = ["STUDENT_COPY", "RUN", "gives_away", "stray_reason", "student_build"]

#: What a student copy holds, relative to the project root (``data`` is the data the lessons read).
STUDENT_COPY = ["notebooks", "data", "lib", "pyproject.toml", "requirements.txt", "README.md"]
#: Annotations sharing a run of this many words with an exercise give it away.
RUN = 4
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints",
                               "*.lock", ".pytest_cache")
_BACKUP = re.compile(r"(~|\.bak|\.swp|\.swo|\.orig|\.rej|\.tmp|\.old)$|^\.?#|^\.~lock",
                     re.IGNORECASE)
_BANK_FILE = re.compile(r"^[^.].*\.ya?ml$")  # what the lessons read: lowercase .yaml / .yml


def stray_reason(path: Path, in_bank: bool) -> str | None:
    """Why ``path`` is left out of a student copy, or ``None`` to copy it.

    >>> stray_reason(Path("01_provenance.yaml~"), in_bank=True)
    "an editor's backup file"
    >>> stray_reason(Path("01_provenance.YAML"), in_bank=True)
    'not an exercise file the lessons read'
    >>> stray_reason(Path("01_provenance.yaml"), in_bank=True) is None
    True
    """
    if _BACKUP.search(path.name):
        return "an editor's backup file"
    if in_bank and path.is_dir():
        return "a folder inside the exercise bank (the lessons do not read it)"
    if in_bank and not _BANK_FILE.match(path.name):
        return "not an exercise file the lessons read"
    return None


def _bank_folders(data: Path) -> list[Path]:
    """The exercise folders under ``data``: the one the lessons read and every ``exercises*``."""
    chosen = paths.exercises_dir().resolve()
    found = {d.resolve() for d in data.iterdir() if d.is_dir() and d.name.startswith("exercises")}
    if data.resolve() in chosen.parents and chosen.is_dir():
        found.add(chosen)
    return sorted(found)


def _words(text: Any) -> list[str]:
    """The words of ``text`` as marking compares them, a plural ``s`` dropped."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w
            for w in re.findall(r"\w+", same_key(str(text)))]


def _key_phrases(ex: dict[str, Any]) -> list[list[str]]:
    """The words of an exercise's keyed answers, long enough to be telling."""
    keys = [ex.get("answer"), ex.get("device"), *(ex.get("answers") or [])]
    phrases = [_words(k) for k in keys if isinstance(k, str)]
    return [p for p in phrases if len(p) > 1 or (p and len(p[0]) >= 8)]


def _runs(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _texts(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _texts(v)
    elif value is not None:
        yield str(value)


def gives_away(annotation: dict[str, Any], exercises: Iterable[dict[str, Any]]) -> bool:
    """Whether a rhetoric annotation gives away an exercise, judged from the exercises' text.

    It does when its quote is part of an exercise's text, when its quote or explanation
    shares a run of ``RUN`` words with any field of an exercise (question, options or key), or
    when it contains a keyed answer (of two words or more, or a long word).

    >>> ex = {"prompt": '"Korea is the most popular country." Which device is it?',
    ...       "answer": "sweeping claim"}
    >>> gives_away({"quote": "the most popular country", "explanation": "A superlative."}, [ex])
    True
    >>> gives_away({"quote": "without my signature", "explanation": "Deniable."}, [ex])
    False
    """
    quote = _words(annotation.get("quote", ""))
    text = quote + ["\0"] + _words(annotation.get("explanation", ""))
    mine = _runs(text, RUN)
    for ex in exercises:
        if any(tuple(p) in _runs(text, len(p)) for p in _key_phrases(ex)):
            return True
        words = _words(" \0 ".join(_texts(ex)))
        if quote and len(quote) < RUN and tuple(quote) in _runs(words, len(quote)):
            return True
        if mine & _runs(words, RUN):
            return True
    return False


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _copy(src: Path, dest: Path, shown: Path, left_out: list[str], bank: set[Path]) -> None:
    """Copy a file or folder, leaving out (and listing) stray files."""
    if src.is_file():
        shutil.copy2(src, dest)
        return
    dest.mkdir(parents=True, exist_ok=True)
    in_bank = src.resolve() in bank
    ignored = set(_SKIP(str(src), os.listdir(src)))
    for child in sorted(src.iterdir()):
        if child.name in ignored:
            continue
        why = stray_reason(child, in_bank)
        if why:
            left_out.append(f"left out {shown / child.name}: {why}")
            continue
        _copy(child, dest / child.name, shown / child.name, left_out, bank)


def _check_teacher_files(data: Path, folders: list[Path]) -> None:
    """Raise ``ExerciseFormatError`` with every problem of the teacher's bank and key."""
    problems = []
    for folder in folders:  # each folder is a bank of its own (ids may repeat across them)
        problems += load_with_problems([folder], skipped=[])[1]
    rhetoric = data / "rhetoric.yaml"
    if rhetoric.exists():
        problems += validate_key(rhetoric)[0]
    if problems:
        raise ExerciseFormatError(problems)


def _strip(copy: Path, folders: list[Path], data: Path) -> list[dict[str, Any]]:
    """Strip the answers of the copy's bank files; return the teacher's exercises."""
    exercises: list[dict[str, Any]] = []
    for folder in folders:
        target = copy / folder.relative_to(data)
        for f in sorted(target.glob("*.y*ml")):
            teacher = yamlload.safe_load((folder / f.name).read_text(encoding="utf-8-sig"))
            exercises += [e for e in (teacher or {}).get("exercises") or [] if isinstance(e, dict)]
            header = (f"# Student copy of {f.name}: answers removed for assessed use.\n"
                      "# Your teacher keeps the full version.\n")
            f.write_text(header + _dump(strip_answers(teacher)), encoding="utf-8")
    return exercises


def _strip_rhetoric(copy: Path, exercises: list[dict[str, Any]], left_out: list[str]) -> None:
    rhetoric = copy / "rhetoric.yaml"
    if not rhetoric.exists():
        return
    data = yamlload.safe_load(rhetoric.read_text(encoding="utf-8-sig"))
    if not isinstance(data, dict) or not isinstance(data.get("annotations"), list):
        return
    kept = [a for a in data["annotations"]
            if isinstance(a, dict) and not gives_away(a, exercises)]
    gone = len(data["annotations"]) - len(kept)
    if gone:
        left_out.append(f"left out {gone} of {len(data['annotations'])} annotations of "
                        "rhetoric.yaml: they give away an exercise")
    data["annotations"] = kept
    rhetoric.write_text(_dump(data), encoding="utf-8")


def _move_into_place(built: Path, out: Path) -> None:
    """Put the finished copy at ``out``; what ``out`` held under the same names is replaced."""
    if not out.exists() or not any(out.iterdir()):
        if out.exists():
            out.rmdir()
        os.replace(built, out)
        return
    old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old-"))
    try:
        for child in list(built.iterdir()):
            if (out / child.name).exists():
                os.replace(out / child.name, old / child.name)
            os.replace(child, out / child.name)
    finally:
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(built, ignore_errors=True)


def student_build(out: str | Path, force: bool = False,
                  left_out: list[str] | None = None) -> Path:
    """Copy the lessons into ``out`` for assessed use, with every answer stripped from the bank.

    The teacher's bank and rhetoric key are checked first (``ExerciseFormatError`` lists every
    problem with the teacher's file and line). The copy is built in a temporary folder beside
    ``out`` and moved into place only when complete; on any failure nothing is left behind.
    Exercise files are marked ``assessed: true``; options and items are written in a canonical
    order; backup files, folders and other files the lessons do not read are left out and
    listed in ``left_out``, and so are the invented class in ``data/examples/responses`` and
    every rhetoric annotation that gives an exercise away.
    """
    left_out = left_out if left_out is not None else []
    root = paths.project_root()
    data = paths.data_dir()
    out = Path(out).resolve()
    if out.exists() and any(out.iterdir()) and not force:
        raise FileExistsError(f"{out} is not empty; choose a new folder or pass --force")
    sources = [root / n for n in STUDENT_COPY if n != "data"] + [data]
    if out == root or any(out == s or s in out.parents for s in sources):
        raise ValueError(f"{out} would overwrite the lessons themselves; choose another folder")
    folders = _bank_folders(data)
    _check_teacher_files(data, folders)

    out.parent.mkdir(parents=True, exist_ok=True)
    built = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.building-"))
    try:
        for name in STUDENT_COPY:
            src = data if name == "data" else root / name
            if src.exists():
                _copy(src, built / name, Path(name), left_out, set(folders))
        shutil.rmtree(built / "data" / "examples" / "responses", ignore_errors=True)
        exercises = _strip(built / "data", folders, data)
        _strip_rhetoric(built / "data", exercises, left_out)
        for folder in folders:  # the student bank must still load
            copied = built / "data" / folder.relative_to(data)
            problems = load_with_problems([copied], skipped=[])[1] if copied.exists() else []
            if problems:
                raise ExerciseFormatError(problems)
        _move_into_place(built, out)
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise
    return out
