"""Check an edited exercise file as `primary-source check` does, and save it with a backup."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from primary_source import paths
from primary_source.exercises import load_with_problems
from primary_source.exercises.model import Bank, ExerciseFormatError, Problem

__all__ = ["check_text", "save_text", "backup"]


def check_text(path: str | Path, text: str) -> tuple[Bank, list[Problem]]:
    """The bank as it would be with ``text`` saved at ``path``, and every problem in it.

    The same checks as ``primary-source check`` (every field, the quotes of tag exercises,
    ids unique across the lesson files), run on a private copy of the exercise folder;
    problems name the real file.
    """
    path = Path(path).resolve()
    with tempfile.TemporaryDirectory(prefix="exercise-editor-") as tmp:
        folder = Path(tmp) / path.parent.name
        folder.mkdir()
        for other in [*path.parent.glob("*.yaml"), *path.parent.glob("*.yml")]:
            if other.name != path.name:
                shutil.copy2(other, folder / other.name)
        candidate = folder / path.name
        candidate.write_text(text, encoding="utf-8")
        bank, problems = load_with_problems([folder])
        shown = str(_shown(path))
        fixed = [Problem(shown if Path(p.file).name == path.name else
                         str(path.parent / Path(p.file).name), p.line, p.field, p.message)
                 for p in problems]
    bank.files = [path.parent / f.name for f in bank.files]
    return bank, fixed


def _shown(path: Path) -> Path:
    for base in (Path.cwd(), paths.project_root()):
        try:
            return path.relative_to(base.resolve())
        except ValueError:
            continue
    return path


def backup(path: str | Path, folder: str | Path | None = None,
           now: dt.datetime | None = None) -> Path | None:
    """Copy ``path`` to ``<folder>/<name>.<YYYYmmdd-HHMMSS>.yaml``; ``None`` if there is no file.

    ``folder`` defaults to :func:`primary_source.paths.backups_dir`, outside ``data/``.
    """
    path = Path(path)
    if not path.exists():
        return None
    folder = Path(folder) if folder else paths.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    n = 2
    while target.exists():
        target = folder / f"{path.stem}.{stamp}-{n}{path.suffix}"
        n += 1
    shutil.copy2(path, target)
    return target


def save_text(path: str | Path, text: str, backups: str | Path | None = None) -> Path | None:
    """Write ``text`` to ``path`` if the bank stays valid; returns the backup of the old file.

    Raises ``ExerciseFormatError`` listing every problem (and writes nothing) otherwise. The
    file is replaced in one step, so a lesson never reads half a file.
    """
    path = Path(path)
    _, problems = check_text(path, text)
    if problems:
        raise ExerciseFormatError(problems)
    saved = backup(path, backups)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    if path.exists():
        shutil.copymode(path, tmp)
    else:
        os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return saved
