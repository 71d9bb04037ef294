"""Files written whole or not at all (temporary file, fsync, rename) under a lock file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from filelock import FileLock

__all__ = ["atomic_write", "file_lock"]


def atomic_write(path: str | Path, text: str, mode: int = 0o644) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` so a reader never sees half of it.

    ``mode`` is the file's permissions (``0o600`` for a file only its owner may read).

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "sub" / "a.txt"
    >>> atomic_write(target, "whole").read_text()
    'whole'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if hasattr(os, "O_DIRECTORY"):
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return path
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)
    return path


def file_lock(path: str | Path) -> FileLock:
    """A lock on ``path`` held in ``<path>.lock`` (waits up to a minute for another writer).

    >>> import pathlib, tempfile
    >>> with file_lock(pathlib.Path(tempfile.mkdtemp()) / "a.json"):
    ...     pass
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(path) + ".lock", timeout=60)
