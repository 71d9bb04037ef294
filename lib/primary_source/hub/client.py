"""The teacher's side of the hand-in service: fetch hand-ins as answer files, send feedback."""

from __future__ import annotations

import csv
import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

__all__ = ["HubClientError", "download_handins", "feedback_from_csv", "send_feedback"]

_COMMENT_COLUMNS = ("comment", "feedback")


class HubClientError(RuntimeError):
    """The service could not be reached, or refused the request (with its reason)."""


def _call(url: str, token: str, path: str, data: Any = None) -> Any:
    base = url if url.endswith("/") else url + "/"
    if "/services/" not in base:
        base += "services/handin/"
    body = None if data is None else json.dumps(data, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(base + path, data=body, method="GET" if data is None else "POST",
                                 headers={"Authorization": f"token {token}",
                                          "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 - the teacher's hub
            return json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        try:
            reason = json.loads(err.read()).get("error")
        except (ValueError, AttributeError):
            reason = None
        raise HubClientError(f"{base + path}: HTTP {err.code} ({reason or err.reason}); a "
                             "teacher's token from the hub's Token page is needed") from None
    except (OSError, ValueError) as err:
        raise HubClientError(f"{base + path}: cannot be reached ({err})") from None


def download_handins(url: str, token: str, folder: str | Path) -> list[Path]:
    """Write each learner's current hand-in as ``<folder>/<name>.json`` (the answers file
    format ``grade`` and ``summarize`` read); return the files."""
    data = _call(url, token, "api/handins")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for user, answers_file in sorted(data.items()):
        path = folder / f"{user}.json"
        path.write_text(json.dumps(answers_file, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written


def feedback_from_csv(path: str | Path) -> dict[str, dict[str, str]]:
    """The teacher's comments in a grades CSV: ``{learner: {exercise: comment}}``.

    Rows without a comment (and TOTAL rows) are skipped. A file without a ``comment`` column
    raises ``ValueError`` naming the file.
    """
    path = Path(path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        column = next((c for c in _COMMENT_COLUMNS if c in (reader.fieldnames or [])), None)
        if column is None or "learner" not in reader.fieldnames or \
                "exercise" not in reader.fieldnames:
            raise ValueError(f"{path}, line 1: needs the columns learner, exercise and comment")
        out: dict[str, dict[str, str]] = {}
        for row in reader:
            text = (row.get(column) or "").strip()
            if text and row["exercise"] != "TOTAL":
                out.setdefault(row["learner"], {})[row["exercise"]] = text
    return out


def send_feedback(url: str, token: str, comments: dict[str, dict[str, str]]) -> int:
    """Send the comments to the service; return how many learners they are for."""
    return int(_call(url, token, "api/feedback", comments)["learners"])
