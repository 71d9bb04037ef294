"""A learner's saved answers: atomic, merge-safe files, one per learner, and nothing else."""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from primary_source import answers_json, paths
from primary_source.atomicfile import atomic_write, file_lock
from primary_source.presentation import presenting

__all__ = [
    "DEFAULT_LEARNER",
    "FORMAT",
    "MovedAside",
    "Saved",
    "Loaded",
    "ResponsesFileError",
    "safe_name",
    "file_stem",
    "responses_file",
    "save_answer",
    "save_self_check",
    "load_answers",
    "read_answers",
    "current_learner",
    "set_current_learner",
    "read_responses",
]

#: The learner's name when nobody has typed one.
DEFAULT_LEARNER = "me"
#: The ``format`` tag written in every answers file, so foreign JSON files are recognised.
FORMAT = "primary-source-responses"
_VERSION = 1
_SETTINGS = ".learner-settings.json"
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class MovedAside:
    """A learner's answers file that could not be read and was moved aside (never overwritten).

    ``message`` is what the learner is told.

    >>> m = MovedAside(Path("responses/me.json"), Path("responses/me.damaged-1.json"),
    ...                "could not be read (it is not valid JSON)")
    >>> m.message.startswith("Your saved answers file me.json could not be read")
    True
    """

    path: Path
    moved_to: Path
    reason: str

    @property
    def message(self) -> str:
        return (f"Your saved answers file {self.path.name} {self.reason}. It was moved aside to "
                f"{self.moved_to} so nothing is lost; new answers are saved in a fresh file. Ask "
                "your teacher to look at the old one.")


class _Notices:
    """``notices``: what the learner should be told (a damaged file moved aside), if anything."""

    moved_aside: MovedAside | None

    @property
    def notices(self) -> list[str]:
        return [self.moved_aside.message] if self.moved_aside else []


@dataclass(frozen=True)
class Saved(_Notices):
    """What saving an answer did: the entry as saved, and a damaged file moved aside, if any.

    >>> Saved({"attempts": 1}).notices
    []
    """

    entry: dict[str, Any]
    moved_aside: MovedAside | None = None


@dataclass(frozen=True)
class Loaded(_Notices):
    """A learner's answers as read, and a damaged file moved aside on the way, if any.

    >>> Loaded({}).notices
    []
    """

    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    moved_aside: MovedAside | None = None


class ResponsesFileError(ValueError):
    """An answers file given to ``grade`` or ``summarize`` is damaged or not ours."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        super().__init__(f"{path}: {reason}")


# --------------------------------------------------------------------------- file names


def safe_name(learner: str | None) -> str:
    """A learner's name turned into a safe file name (letters of any script are kept).

    >>> safe_name("Ana María")
    'Ana_María'
    >>> safe_name("../../etc/passwd")
    'etc_passwd'
    >>> safe_name("")
    'me'
    """
    name = unicodedata.normalize("NFC", str(learner or "")).strip()
    name = re.sub(r"[^\w.-]+", "_", name)
    name = re.sub(r"\.{2,}", "_", name)
    name = re.sub(r"_{2,}", "_", name).strip("._-")
    name = name[:64].rstrip("._-")
    if not name:
        return DEFAULT_LEARNER
    if name.split(".")[0].casefold() in _WINDOWS_RESERVED:
        name = "_" + name
    return name


_HASHED_STEM = re.compile(r"-[0-9a-f]{12}$")


def _exact(learner: str | None) -> str:
    """The learner's name as typed, NFC-normalised and trimmed (``"me"`` for none)."""
    return unicodedata.normalize("NFC", str(learner or "")).strip() or DEFAULT_LEARNER


def file_stem(learner: str | None) -> str:
    """The stem of a learner's files; different names never share one.

    A name that is already a safe file name is its own stem; any other name becomes its
    ``safe_name`` (shortened) and a short hash of the exact name, so ``$(id)`` and ``id``, or two
    long names with the same start, get files of their own. (Names that differ only in case,
    ``Ana`` and ``ana``, still meet on a file system that ignores case.)

    >>> file_stem("Ana"), file_stem(""), file_stem("Ana María")[:10]
    ('Ana', 'me', 'Ana_María-')
    >>> file_stem("$(id)") != file_stem("id")
    True
    """
    name = _exact(learner)
    slug = safe_name(name)
    if slug == name and not _HASHED_STEM.search(name):
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{slug[:40].rstrip('._-') or DEFAULT_LEARNER}-{digest}"


def responses_file(learner: str | None = DEFAULT_LEARNER) -> Path:
    """Where a learner's answers are kept: ``responses/<file stem>.json`` (see ``file_stem``)."""
    return paths.responses_dir() / f"{file_stem(learner)}.json"


def _adopt_old_file(learner: str, path: Path) -> None:
    """Move a file saved under the old name scheme (``<safe name>.json``) to ``path``.

    Only when ``path`` does not exist yet and the old file says it belongs to this very learner
    (the old scheme let different names share a file; such a file stays where it is).
    """
    old = paths.responses_dir() / f"{safe_name(learner)}.json"
    if old == path or path.exists() or not old.exists():
        return
    try:
        data = answers_json.parse(old.read_bytes())
    except (OSError, ValueError, RecursionError):
        return
    owner = data.get("learner") if isinstance(data, dict) else None
    if isinstance(owner, str) and _exact(owner) == _exact(learner):
        try:
            os.replace(old, path)
        except OSError:
            pass


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- reading


def _shape_problem(data: Any) -> str | None:
    """Why ``data`` is not an answers file, or ``None`` if it is one."""
    if not isinstance(data, dict):
        return "is not an answers file (the top level is not a JSON object)"
    if data.get("format") != FORMAT:
        return f"is not an answers file (no \"format\": \"{FORMAT}\")"
    answers = data.get("answers")
    if not isinstance(answers, dict):
        return "is damaged (\"answers\" is not a JSON object)"
    for key, entry in answers.items():
        if not isinstance(entry, dict) or "answer" not in entry:
            return f"is damaged (the entry for {key!r} has no answer)"
    return None


def read_responses(path: str | Path) -> dict[str, Any]:
    """Read one answers file strictly (for class tools); raise ``ResponsesFileError`` naming it."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ResponsesFileError(path, "is damaged (not UTF-8 text)") from None
    except json.JSONDecodeError as err:
        raise ResponsesFileError(path, f"is damaged (not valid JSON: line {err.lineno}: "
                                 f"{err.msg})") from None
    except OSError as err:
        raise ResponsesFileError(path, f"cannot be read ({err.strerror})") from None
    problem = _shape_problem(data)
    if problem:
        raise ResponsesFileError(path, problem)
    return data


def _move_aside(path: Path, reason: str) -> MovedAside:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}.json")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}.json")
        n += 1
    os.replace(path, target)
    return MovedAside(path, target, reason)


def _read_or_move(path: Path, learner: str) -> tuple[dict[str, Any], MovedAside | None]:
    """The file's data, or a fresh empty one after moving a damaged file aside (lock held)."""
    fresh = {"format": FORMAT, "version": _VERSION, "learner": learner, "answers": {}}
    if not path.exists():
        return fresh, None
    try:
        data = answers_json.parse(path.read_bytes())
    except (ValueError, RecursionError):
        return fresh, _move_aside(path, "could not be read (it is not valid JSON)")
    problem = _shape_problem(data)
    if problem:
        return fresh, _move_aside(
            path, problem.replace("is not an answers file", "is not in the answers format"))
    return answers_json.repair(data), None


def read_answers(learner: str | None = DEFAULT_LEARNER) -> Loaded:
    """A learner's saved answers, and what happened to a damaged file on the way.

    A damaged file is moved aside to ``<name>.damaged-<timestamp>.json`` (never overwritten);
    ``Loaded.moved_aside`` says where, and ``Loaded.notices`` what to tell the learner.

    >>> read_answers("nobody-yet")
    Loaded(answers={}, moved_aside=None)
    """
    learner = learner or DEFAULT_LEARNER
    path = responses_file(learner)
    if presenting():
        return Loaded()
    if not path.exists():
        _adopt_old_file(learner, path)
        if not path.exists():
            return Loaded()
    with file_lock(path):
        data, moved = _read_or_move(path, learner)
    return Loaded(dict(data["answers"]), moved)


def load_answers(learner: str | None = DEFAULT_LEARNER) -> dict[str, dict[str, Any]]:
    """A learner's saved answers: ``{exercise_id: {answer, attempts, saved, score, ...}}``.

    For class tools and exports; a widget that must tell the learner about a damaged file
    (moved aside, never overwritten) uses ``read_answers``.

    >>> load_answers("nobody-yet")
    {}
    """
    return read_answers(learner).answers


def _result_fields(result: Any) -> dict[str, Any]:
    if result is None:
        return {}
    if isinstance(result, dict):
        data = result
    else:
        data = {k: getattr(result, k, None) for k in ("correct", "score")}
    return {k: data.get(k) for k in ("correct", "score") if k in data}


def save_answer(exercise_id: str, answer: Any, result: Any = None,
                learner: str | None = DEFAULT_LEARNER, notebook: str | None = None) -> Saved:
    """Save one answer at once (read, merge, atomic write, under a file lock); say what happened.

    ``answer`` is any JSON-able value; ``result`` a ``Result`` from ``check_answer`` or a dict
    with ``correct`` and ``score``. The attempts count goes up by one each time. The returned
    ``Saved`` holds the entry and, if the old file was damaged, where it was moved aside.

    >>> save_answer("start-kind-of-document", "A ciphered telegram").entry["attempts"]  # doctest: +SKIP
    1
    """
    learner = learner or DEFAULT_LEARNER
    json.dumps(answer, ensure_ascii=False)  # fail before touching the file if not JSON-able
    if presenting():  # projected: checked, never written
        return Saved({"notebook": notebook, "answer": answer, "attempts": 1, "saved": None,
                      **_result_fields(result)})
    path = responses_file(learner)
    with file_lock(path):
        _adopt_old_file(learner, path)
        data, moved = _read_or_move(path, learner)
        answers = data["answers"]
        old = answers.get(exercise_id) or {}
        now = _now()
        entry = {
            "notebook": notebook if notebook is not None else old.get("notebook"),
            "answer": answer,
            "attempts": answers_json.attempts(old.get("attempts")) + 1,
            "first_saved": old.get("first_saved") or now,
            "saved": now,
            "correct": None,
            "score": None,
        }
        entry.update(_result_fields(result))
        answers[exercise_id] = entry
        data["learner"] = data.get("learner") or learner
        data["updated"] = now
        atomic_write(path, answers_json.dumps(data))
    # on a class hub: also to the teacher
    # lazy: primary_source.handin imports this module (hand_in reads the saved answers)
    from primary_source.handin import answer_saved

    answer_saved(exercise_id, dict(entry))
    return Saved(dict(entry), moved)


def save_self_check(exercise_id: str, ticked: list[str],
                    learner: str | None = DEFAULT_LEARNER) -> bool:
    """Save the self-check items a learner ticked beside a saved answer (attempts unchanged).

    Returns ``False`` (and writes nothing) when there is no saved answer to keep them with,
    or in presentation mode.

    >>> save_self_check("never-answered", ["I gave a reason"], learner="nobody-yet")
    False
    """
    learner = learner or DEFAULT_LEARNER
    path = responses_file(learner)
    if presenting() or not path.exists():
        return False
    with file_lock(path):
        data, _moved = _read_or_move(path, learner)  # a damaged file has no answer to tick
        entry = data["answers"].get(exercise_id)
        if entry is None:
            return False
        entry["self_check"] = [str(t) for t in ticked]
        atomic_write(path, answers_json.dumps(data))
    return True


# --------------------------------------------------------------------------- who is learning


def current_learner() -> str:
    """The learner's name saved by ``set_current_learner`` (``"me"`` until one is given, and
    always ``"me"`` in presentation mode, so nobody's name is projected)."""
    if presenting():
        return DEFAULT_LEARNER
    path = paths.responses_dir() / _SETTINGS
    try:
        name = json.loads(path.read_text(encoding="utf-8")).get("learner")
    except (OSError, ValueError, AttributeError):
        return DEFAULT_LEARNER
    return name if isinstance(name, str) and name.strip() else DEFAULT_LEARNER


def set_current_learner(name: str) -> Path:
    """Remember the learner's name in a small settings file; return their answers file."""
    name = (name or "").strip() or DEFAULT_LEARNER
    if presenting():  # projected: nobody's name is remembered
        return responses_file(name)
    path = paths.responses_dir() / _SETTINGS
    with file_lock(path):
        atomic_write(path, json.dumps({"learner": name}, ensure_ascii=False) + "\n")
    return responses_file(name)

