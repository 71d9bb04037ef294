"""The hand-in store: every answer and hand-in a learner sends, each version kept, atomically."""

from __future__ import annotations

import json
import re
import secrets
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from primary_source.atomicfile import atomic_write
from primary_source.exercises import answer_text
from primary_source.responses import FORMAT  # the tag of an answers file: grade reads both

__all__ = ["HandinStore", "StoreError", "FORMAT"]

_USER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_EXERCISE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


class StoreError(ValueError):
    """A request the store refuses (a bad user name, exercise id or answer)."""


def _stamp() -> str:
    """A name that sorts in the order things arrived: nanoseconds then a random tail."""
    return f"{time.time_ns():020d}-{secrets.token_hex(4)}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_atomic(path: Path, data: Any) -> Path:
    """``data`` as JSON, written whole or not at all, readable by the service's user only."""
    return atomic_write(path, json.dumps(data, ensure_ascii=False), mode=0o600)


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _versions(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


class HandinStore:
    """Files under ``root/<user>/``: ``answers/<exercise>/<stamp>.json`` (one per save),
    ``handins/<stamp>.json`` (one per hand-in) and ``feedback/<stamp>.json``.

    Nothing is ever overwritten: the newest file is the current version.

    >>> import tempfile
    >>> store = HandinStore(tempfile.mkdtemp())
    >>> _ = store.add_answer("ann", "ex-1", {"answer": "B", "correct": True})
    >>> _ = store.add_answer("ann", "ex-1", {"answer": "C", "correct": False})
    >>> store.answers("ann")["ex-1"]["answer"], len(store.versions("ann", "ex-1"))
    ('C', 2)
    """

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _user_dir(self, user: str) -> Path:
        if not isinstance(user, str) or not _USER_RE.match(user):
            raise StoreError(f"not a user name: {user!r}")
        return self.root / user

    @staticmethod
    def _check_exercise(exercise_id: Any) -> str:
        if not isinstance(exercise_id, str) or not _EXERCISE_RE.match(exercise_id):
            raise StoreError(f"not an exercise id: {exercise_id!r}")
        return exercise_id

    @staticmethod
    def _check_entry(entry: Any) -> dict[str, Any]:
        if not isinstance(entry, dict) or "answer" not in entry:
            raise StoreError("an answer must be a JSON object with an \"answer\"")
        return entry

    # ------------------------------------------------------------------ writing
    def add_answer(self, user: str, exercise_id: str, entry: dict[str, Any]) -> Path:
        """Keep one saved answer as a new version; return its file."""
        folder = self._user_dir(user) / "answers" / self._check_exercise(exercise_id)
        record = dict(self._check_entry(entry), received=_now())
        return _write_atomic(folder / f"{_stamp()}.json", record)

    def add_handin(self, user: str, answers: dict[str, Any]) -> Path:
        """Keep an explicit hand-in (all the learner's answers at that moment)."""
        if not isinstance(answers, dict):
            raise StoreError("a hand-in must be a JSON object of answers")
        for ex_id, entry in answers.items():
            self._check_exercise(ex_id)
            self._check_entry(entry)
        folder = self._user_dir(user) / "handins"
        return _write_atomic(folder / f"{_stamp()}.json", {"received": _now(),
                                                            "answers": answers})

    def set_feedback(self, user: str, comments: dict[str, str]) -> Path:
        """Keep the teacher's comments for a learner (``{exercise_id: comment}``)."""
        clean = {self._check_exercise(k): str(v) for k, v in comments.items()}
        folder = self._user_dir(user) / "feedback"
        merged = dict(self.feedback(user), **clean)
        return _write_atomic(folder / f"{_stamp()}.json", {"received": _now(),
                                                            "comments": merged})

    # ------------------------------------------------------------------ reading
    def users(self) -> list[str]:
        """Every learner who has sent something, by name."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and _USER_RE.match(p.name))

    def versions(self, user: str, exercise_id: str) -> list[dict[str, Any]]:
        """Every saved version of one answer, oldest first."""
        folder = self._user_dir(user) / "answers" / self._check_exercise(exercise_id)
        return [_read(p) for p in _versions(folder)]

    def handins(self, user: str) -> list[dict[str, Any]]:
        """Every explicit hand-in of a learner, oldest first."""
        return [_read(p) for p in _versions(self._user_dir(user) / "handins")]

    def answers(self, user: str) -> dict[str, dict[str, Any]]:
        """The learner's current answers: the last hand-in, updated by any later save."""
        base = self._user_dir(user)
        handins = _versions(base / "handins")
        current: dict[str, dict[str, Any]] = dict(_read(handins[-1])["answers"]) if handins else {}
        last_handin = handins[-1].name if handins else ""
        folder = base / "answers"
        for ex_dir in sorted(folder.iterdir()) if folder.is_dir() else []:
            saves = _versions(ex_dir)
            if saves and (ex_dir.name not in current or saves[-1].name > last_handin):
                current[ex_dir.name] = _read(saves[-1])
        return current

    def answers_file(self, user: str) -> dict[str, Any]:
        """The learner's answers in the format of their own ``responses/<name>.json``."""
        handins = _versions(self._user_dir(user) / "handins")
        return {"format": FORMAT, "version": 1, "learner": user, "answers": self.answers(user),
                "handed_in": _read(handins[-1])["received"] if handins else None}

    def feedback(self, user: str) -> dict[str, str]:
        """The teacher's latest comments for a learner."""
        files = _versions(self._user_dir(user) / "feedback")
        return dict(_read(files[-1])["comments"]) if files else {}

    def class_view(self, bank=None, names: bool = False, top: int = 3) -> list[dict[str, Any]]:
        """Per exercise: how many answered, how many correct, the most common wrong answers.

        Learners' names go with the wrong answers only when ``names`` is true.
        """
        per: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for user in self.users():
            for ex_id, entry in self.answers(user).items():
                per.setdefault(ex_id, []).append((user, entry))
        order = {e.id: i for i, e in enumerate(bank)} if bank is not None else {}
        rows = []
        for ex_id in sorted(per, key=lambda i: (order.get(i, 10**9), i)):
            group = per[ex_id]
            ex = bank.get(ex_id) if bank is not None else None
            marked = [(u, e) for u, e in group if e.get("correct") is not None]
            right = sum(1 for _u, e in marked if e.get("correct") is True)
            wrong = [(u, answer_text(e.get("answer"))) for u, e in marked
                     if e.get("correct") is not True]
            counts = Counter(a for _u, a in wrong)
            common = [{"answer": a, "count": c,
                       "names": sorted(u for u, w in wrong if w == a) if names else []}
                      for a, c in counts.most_common(top)]
            rows.append({"exercise": ex_id, "notebook": (ex.notebook if ex else "") or "",
                         "prompt": ex.prompt if ex else "", "answered": len(group),
                         "marked": len(marked), "correct": right,
                         "share_correct": right / len(marked) if marked else None,
                         "wrong": common})
        return rows

    def handed_in_count(self) -> int:
        """How many learners have pressed Hand in my work at least once."""
        return sum(1 for u in self.users() if _versions(self._user_dir(u) / "handins"))
