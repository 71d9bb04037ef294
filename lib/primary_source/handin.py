"""Hand-in on a class hub: each saved answer is sent to the teacher's service, queued if offline.

The learner's own ``responses/`` file stays the source of truth. On a JupyterHub (the hub puts
``JUPYTERHUB_API_TOKEN`` and ``JUPYTERHUB_SERVICE_PREFIX`` in the environment) each save is
written to ``responses/.handin-queue/`` and sent at once; what cannot be sent waits there and
goes with the next save or hand-in. Nothing here ever raises into a lesson.
"""

from __future__ import annotations

import json
import os
import secrets
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from primary_source import paths
from primary_source.atomicfile import atomic_write
from primary_source.responses import current_learner, load_answers

__all__ = ["HandinResult", "on_hub", "service_url", "queue_dir", "answer_saved", "flush",
           "hand_in", "fetch_feedback", "saved_feedback", "teacher_feedback", "OFF_HUB_MESSAGE"]

#: What the hand-in button says off a hub (``make lab`` on one computer).
OFF_HUB_MESSAGE = ("Handing in needs a class hub: your teacher gives you a link to it. On your "
                   "own computer, use Download my work and send the files to your teacher.")
_TIMEOUT = 3.0
_BACK_OFF = 20.0  # after a failed send, only queue for this many seconds
_FEEDBACK_EVERY = 30.0  # ask the service for new comments at most this often
_state = {"retry_after": 0.0, "feedback_at": -_FEEDBACK_EVERY}


@dataclass(frozen=True)
class HandinResult:
    """What happened: ``ok`` when the service has everything, ``message`` for the learner."""

    ok: bool
    message: str
    queued: int = 0


def on_hub(env: dict[str, str] | None = None) -> bool:
    """Whether this kernel runs in a learner's server on a JupyterHub.

    >>> on_hub({}), on_hub({"JUPYTERHUB_API_TOKEN": "t", "JUPYTERHUB_SERVICE_PREFIX": "/user/ann/"})
    (False, True)
    """
    env = os.environ if env is None else env
    return bool(env.get("JUPYTERHUB_API_TOKEN") and env.get("JUPYTERHUB_SERVICE_PREFIX"))


def service_url(env: dict[str, str] | None = None) -> str:
    """The hand-in service's address (``PRIMARY_SOURCE_HANDIN_URL``, set by the hub's config).

    >>> service_url({"PRIMARY_SOURCE_HANDIN_URL": "http://127.0.0.1:18091/services/handin"})
    'http://127.0.0.1:18091/services/handin/'
    """
    env = os.environ if env is None else env
    url = env.get("PRIMARY_SOURCE_HANDIN_URL", "")
    return url if not url or url.endswith("/") else url + "/"


def queue_dir() -> Path:
    """Where answers wait until the service has them: ``responses/.handin-queue/``."""
    return paths.responses_dir() / ".handin-queue"


def _request(method: str, path: str, data: Any = None) -> Any:
    body = None if data is None else json.dumps(data, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(service_url() + path, data=body, method=method, headers={
        "Authorization": f"token {os.environ.get('JUPYTERHUB_API_TOKEN', '')}",
        "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=_TIMEOUT) as resp:  # noqa: S310 - our own service
        return json.loads(resp.read() or b"null")


def _enqueue(item: dict[str, Any]) -> Path:
    folder = queue_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.time_ns():020d}-{secrets.token_hex(3)}.json"
    return atomic_write(path, json.dumps(item, ensure_ascii=False))


def _waiting() -> list[Path]:
    folder = queue_dir()
    return sorted(folder.glob("[0-9]*.json")) if folder.is_dir() else []


def flush(force: bool = False) -> tuple[int, int]:
    """Send what waits in the queue, oldest first; return ``(sent, still waiting)``.

    A refused item (the service says it is malformed) is moved to ``refused/``, never deleted.
    """
    if not on_hub() or not service_url():
        return 0, len(_waiting())
    if not force and time.monotonic() < _state["retry_after"]:
        return 0, len(_waiting())
    sent = 0
    try:
        with FileLock(str(queue_dir()) + ".lock", timeout=0):
            for path in _waiting():
                try:
                    item = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                try:
                    if item.get("kind") == "handin":
                        _request("POST", "api/handin", {"answers": item["answers"]})
                    else:
                        _request("POST", "api/answer", {"exercise": item["exercise"],
                                                        "entry": item["entry"]})
                except urllib.error.HTTPError as err:
                    if 400 <= err.code < 500 and err.code not in (401, 403, 429):
                        (path.parent / "refused").mkdir(exist_ok=True)
                        os.replace(path, path.parent / "refused" / path.name)
                        continue
                    _state["retry_after"] = time.monotonic() + _BACK_OFF
                    break
                except (OSError, ValueError):
                    _state["retry_after"] = time.monotonic() + _BACK_OFF
                    break
                path.unlink(missing_ok=True)
                sent += 1
    except Timeout:  # another kernel of this learner is sending the queue right now
        pass
    return sent, len(_waiting())


def answer_saved(exercise_id: str, entry: dict[str, Any]) -> None:
    """The save hook: queue the answer for the teacher and try to send it. Never raises."""
    try:
        if not on_hub() or not service_url():  # a hub without the hand-in service: local only
            return
        _enqueue({"kind": "answer", "exercise": exercise_id, "entry": entry})
        flush()
    except Exception:  # noqa: BLE001 - the local save already succeeded; the queue keeps it
        pass


def hand_in(learner: str | None = None) -> HandinResult:
    """Hand in all the learner's saved answers (the button "Hand in my work")."""
    if not on_hub():
        return HandinResult(False, OFF_HUB_MESSAGE)
    if not service_url():
        return HandinResult(False, "This hub has no hand-in service. Use Download my work and "
                            "send the files to your teacher.")
    answers = load_answers(learner or current_learner())
    try:
        _enqueue({"kind": "handin", "answers": answers})
    except OSError as err:
        return HandinResult(False, f"Your work could not be queued: {err}")
    sent, left = flush(force=True)
    if left:
        return HandinResult(False, "The class hub cannot be reached just now. Your work is saved "
                            f"and will be handed in when it can ({left} waiting).", left)
    return HandinResult(True, f"Handed in: {len(answers)} answer(s) reached your teacher.")


def _feedback_file() -> Path:
    return paths.responses_dir() / ".teacher-feedback.json"


def saved_feedback() -> dict[str, str]:
    """The teacher's comments last fetched (``{exercise_id: comment}``), without the network."""
    try:
        data = json.loads(_feedback_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def fetch_feedback() -> dict[str, str]:
    """Ask the service for the teacher's comments and keep a copy; offline, the kept copy."""
    if not on_hub() or not service_url():
        return saved_feedback()
    try:
        comments = _request("GET", "api/feedback").get("feedback") or {}
    except (OSError, ValueError, AttributeError):
        return saved_feedback()
    atomic_write(_feedback_file(), json.dumps(comments, ensure_ascii=False))
    return {str(k): str(v) for k, v in comments.items()}


def teacher_feedback() -> dict[str, str]:
    """The teacher's comments for the widgets: fetched at most every 30 s on a hub, else kept.

    >>> isinstance(teacher_feedback(), dict)
    True
    """
    if on_hub() and time.monotonic() - _state["feedback_at"] >= _FEEDBACK_EVERY:
        _state["feedback_at"] = time.monotonic()
        try:  # a lesson opening is also the moment to send what waited in the queue
            flush()
        except OSError:
            pass
        return fetch_feedback()
    return saved_feedback()
