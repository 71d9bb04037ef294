"""A learner's saved answers: atomic, merge-safe files, exports, and the class tools."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import tempfile
import textwrap
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from filelock import FileLock

from primary_source import paths

__all__ = [
    "DEFAULT_LEARNER",
    "FORMAT",
    "DamagedResponsesWarning",
    "ResponsesFileError",
    "safe_name",
    "responses_file",
    "save_answer",
    "load_answers",
    "current_learner",
    "set_current_learner",
    "export_html",
    "export_csv",
    "read_responses",
    "grade",
    "write_grades",
    "summarize",
]

#: The learner's name when nobody has typed one.
DEFAULT_LEARNER = "me"
#: The ``format`` tag written in every answers file, so foreign JSON files are recognised.
FORMAT = "primary-source-responses"
_VERSION = 1
_SETTINGS = ".learner-settings.json"
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}


class DamagedResponsesWarning(UserWarning):
    """A learner's answers file could not be read and was moved aside (never overwritten)."""


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


def responses_file(learner: str | None = DEFAULT_LEARNER) -> Path:
    """Where a learner's answers are kept: ``responses/<safe name>.json``."""
    return paths.responses_dir() / f"{safe_name(learner)}.json"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)
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
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)


def _lock(path: Path) -> FileLock:
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(path) + ".lock", timeout=60)


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


def _move_aside(path: Path, reason: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}.json")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}.json")
        n += 1
    os.replace(path, target)
    warnings.warn(DamagedResponsesWarning(
        f"Your saved answers file {path.name} {reason}. It was moved aside to {target} so "
        "nothing is lost; new answers are saved in a fresh file. Ask your teacher to look at "
        "the old one."), stacklevel=3)
    return target


def _read_or_move(path: Path, learner: str) -> dict[str, Any]:
    """The file's data, or a fresh empty one after moving a damaged file aside (lock held)."""
    fresh = {"format": FORMAT, "version": _VERSION, "learner": learner, "answers": {}}
    if not path.exists():
        return fresh
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        _move_aside(path, "could not be read (it is not valid JSON)")
        return fresh
    problem = _shape_problem(data)
    if problem:
        _move_aside(path, problem.replace("is not an answers file", "is not in the answers format"))
        return fresh
    return data


def load_answers(learner: str | None = DEFAULT_LEARNER) -> dict[str, dict[str, Any]]:
    """A learner's saved answers: ``{exercise_id: {answer, attempts, saved, score, ...}}``.

    A damaged file is moved aside to ``<name>.damaged-<timestamp>.json`` with a
    ``DamagedResponsesWarning``; it is never overwritten.

    >>> load_answers("nobody-yet")
    {}
    """
    learner = learner or DEFAULT_LEARNER
    path = responses_file(learner)
    if not path.exists():
        return {}
    with _lock(path):
        return dict(_read_or_move(path, learner)["answers"])


def _result_fields(result: Any) -> dict[str, Any]:
    if result is None:
        return {}
    if isinstance(result, dict):
        data = result
    else:
        data = {k: getattr(result, k, None) for k in ("correct", "score")}
    return {k: data.get(k) for k in ("correct", "score") if k in data}


def save_answer(exercise_id: str, answer: Any, result: Any = None,
                learner: str | None = DEFAULT_LEARNER, notebook: str | None = None
                ) -> dict[str, Any]:
    """Save one answer at once (read, merge, atomic write, under a file lock); return the entry.

    ``answer`` is any JSON-able value; ``result`` a ``Result`` from ``check_answer`` or a dict
    with ``correct`` and ``score``. The attempts count goes up by one each time.

    >>> save_answer("start-kind-of-document", "A ciphered telegram")["attempts"]  # doctest: +SKIP
    1
    """
    learner = learner or DEFAULT_LEARNER
    json.dumps(answer, ensure_ascii=False)  # fail before touching the file if not JSON-able
    path = responses_file(learner)
    with _lock(path):
        data = _read_or_move(path, learner)
        answers = data["answers"]
        old = answers.get(exercise_id) or {}
        now = _now()
        entry = {
            "notebook": notebook if notebook is not None else old.get("notebook"),
            "answer": answer,
            "attempts": int(old.get("attempts") or 0) + 1,
            "first_saved": old.get("first_saved") or now,
            "saved": now,
            "correct": None,
            "score": None,
        }
        entry.update(_result_fields(result))
        answers[exercise_id] = entry
        data["learner"] = data.get("learner") or learner
        data["updated"] = now
        _atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    from primary_source.handin import answer_saved  # on a class hub: also to the teacher

    answer_saved(exercise_id, dict(entry), learner)
    return dict(entry)


# --------------------------------------------------------------------------- who is learning


def current_learner() -> str:
    """The learner's name saved by ``set_current_learner`` (``"me"`` until one is given)."""
    path = paths.responses_dir() / _SETTINGS
    try:
        name = json.loads(path.read_text(encoding="utf-8")).get("learner")
    except (OSError, ValueError, AttributeError):
        return DEFAULT_LEARNER
    return name if isinstance(name, str) and name.strip() else DEFAULT_LEARNER


def set_current_learner(name: str) -> Path:
    """Remember the learner's name in a small settings file; return their answers file."""
    name = (name or "").strip() or DEFAULT_LEARNER
    path = paths.responses_dir() / _SETTINGS
    with _lock(path):
        _atomic_write(path, json.dumps({"learner": name}, ensure_ascii=False) + "\n")
    return responses_file(name)


# --------------------------------------------------------------------------- exports


def _bank():
    """Every valid exercise of the bank (a mistake in one exercise hides only that one)."""
    from primary_source.exercises import load_with_problems

    try:
        return load_with_problems(None)[0]
    except Exception:  # noqa: BLE001 - exports and grades work without prompts
        return None


def _rows(learner: str, answers: dict[str, dict[str, Any]], bank) -> list[dict[str, Any]]:
    from primary_source.exercises import answer_text

    rows = []
    for ex_id, entry in answers.items():
        ex = bank.get(ex_id) if bank is not None else None
        rows.append({
            "learner": learner,
            "notebook": entry.get("notebook") or (ex.notebook if ex else ""),
            "exercise": ex_id,
            "type": ex.type if ex else "",
            "prompt": ex.prompt if ex else "",
            "answer": answer_text(entry.get("answer")),
            "correct": entry.get("correct"),
            "score": entry.get("score"),
            "points": ex.points if ex else None,
            "attempts": entry.get("attempts"),
            "saved": entry.get("saved", ""),
        })
    position = {e.id: i for i, e in enumerate(bank)} if bank is not None else {}
    rows.sort(key=lambda r: (r["notebook"] or "", position.get(r["exercise"], 10**9),
                             r["exercise"]))
    return rows


def _csv_cell(value: Any) -> Any:
    """Keep spreadsheet programs from running a learner's text as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return ""
    return value


def _write_csv(rows: list[dict[str, Any]], path: Path, columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(row.get(k)) for k in columns})


_EXPORT_COLUMNS = ["notebook", "exercise", "prompt", "answer", "correct", "score", "attempts",
                   "saved"]


def export_csv(learner: str | None, path: str | Path) -> Path:
    """Write a learner's answers as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
    learner = learner or DEFAULT_LEARNER
    rows = _rows(learner, load_answers(learner), _bank())
    path = Path(path)
    _write_csv(rows, path, _EXPORT_COLUMNS)
    return path


def _result_words(row: dict[str, Any]) -> str:
    if row["correct"] is True:
        return "correct"
    if row["correct"] is False:
        score = row["score"]
        return f"partly right ({score:g} points)" if score else "not yet right"
    return "for your teacher to read"


def export_html(learner: str | None, path: str | Path) -> Path:
    """Write a learner's answers as a readable HTML page (every string escaped)."""
    learner = learner or DEFAULT_LEARNER
    bank = _bank()
    rows = _rows(learner, load_answers(learner), bank)
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>Work of {e(learner)}</title>",
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4em;"
        "text-align:start;vertical-align:top}.answer{white-space:pre-wrap}</style>",
        "</head><body>",
        f"<h1>Work of <span dir=\"auto\">{e(learner)}</span></h1>",
        f"<p>Exported {e(_now())}. {len(rows)} saved answer(s).</p>",
    ]
    if not rows:
        parts.append("<p>No answers saved yet.</p>")
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["notebook"] or "", []).append(row)
    for notebook, group in groups.items():
        title = bank.titles.get(notebook) if bank is not None else None
        parts.append(f"<h2>{e(notebook or 'Other exercises')}"
                     + (f": {e(title)}" if title else "") + "</h2>")
        parts.append("<table><tr><th scope=\"col\">Exercise</th><th scope=\"col\">Question"
                     "</th><th scope=\"col\">Your answer</th><th scope=\"col\">Result</th>"
                     "<th scope=\"col\">Attempts</th></tr>")
        for row in group:
            parts.append(
                "<tr>"
                f"<td>{e(row['exercise'])}</td>"
                f"<td dir=\"auto\">{e(row['prompt'])}</td>"
                f"<td class=\"answer\" dir=\"auto\">{e(row['answer'])}</td>"
                f"<td>{e(_result_words(row))}</td>"
                f"<td>{e(str(row['attempts'] or ''))}</td>"
                "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- class tools


def _answer_files(paths_in: Iterable[str | Path] | str | Path) -> list[Path]:
    if isinstance(paths_in, (str, Path)):
        paths_in = [paths_in]
    files: list[Path] = []
    for p in paths_in:
        p = Path(p)
        if p.is_dir():
            files += sorted(f for f in p.glob("*.json")
                            if not f.name.startswith(".") and ".damaged-" not in f.name)
        elif p.exists():
            files.append(p)
        else:
            raise ResponsesFileError(p, "no such file or folder")
    return files


def grade(paths_in: Iterable[str | Path] | str | Path, bank=None):
    """A gradebook table: a row per learner and exercise, then a ``TOTAL`` row per learner.

    Answers are checked again against the full bank when it has the key (so answers given in an
    assessed student build are marked); free text keeps ``score`` empty for the teacher.
    Raises ``ResponsesFileError`` naming any damaged or foreign file.

    Columns: learner, notebook, exercise, type, prompt, answer, correct, score, points,
    attempts, saved. ``bank`` is the exercise bank to mark against (read from the data folder
    when not given).
    """
    import pandas as pd

    from primary_source.exercises import check_answer

    bank = bank if bank is not None else _bank()
    rows: list[dict[str, Any]] = []
    seen: dict[str, Path] = {}
    for f in _answer_files(paths_in):
        data = read_responses(f)
        learner = str(data.get("learner") or f.stem)
        if learner in seen:
            learner = f"{learner} ({f.stem})"
        seen[learner] = f
        learner_rows = _rows(learner, data["answers"], bank)
        for row in learner_rows:
            ex = bank.get(row["exercise"]) if bank is not None else None
            if ex is not None and ex.type != "text":
                result = check_answer(ex, data["answers"][row["exercise"]]["answer"])
                row["correct"], row["score"] = result.correct, result.score
            elif ex is not None:
                row["correct"], row["score"] = None, None
        rows += learner_rows
        scored = [r["score"] for r in learner_rows if isinstance(r["score"], (int, float))]
        points = [r["points"] for r in learner_rows if isinstance(r["points"], (int, float))]
        rows.append({"learner": learner, "notebook": "", "exercise": "TOTAL", "type": "",
                     "prompt": "", "answer": "", "correct": None,
                     "score": float(sum(scored)), "points": float(sum(points)),
                     "attempts": sum(int(r["attempts"] or 0) for r in learner_rows),
                     "saved": max((r["saved"] for r in learner_rows), default="")})
    columns = ["learner", "notebook", "exercise", "type", "prompt", "answer", "correct",
               "score", "points", "attempts", "saved"]
    return pd.DataFrame(rows, columns=columns)


def write_grades(table, path: str | Path) -> Path:
    """Write a ``grade`` table as a CSV for a gradebook (formula-safe, UTF-8 with BOM)."""
    path = Path(path)
    _write_csv(table.to_dict("records"), path, list(table.columns))
    return path


def _md(text: str) -> str:
    text = html.escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", text)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summarize(paths_in: Iterable[str | Path] | str | Path, out_dir: str | Path) -> dict[str, Any]:
    """Class summary: ``class.csv``, one PNG chart per exercise, and ``summary.md`` describing
    every chart in words (its text alternative). Returns the written paths.

    Each chart shows how many learners answered correctly and the most common wrong answers,
    in Okabe-Ito colours.
    """
    import warnings as _w

    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from primary_source.exercise_bank.loader import shorten
    from primary_source.palette import OKABE_ITO

    bank = _bank()
    table = grade(paths_in, bank)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    class_csv = write_grades(table, out / "class.csv")
    answers = table[table["exercise"] != "TOTAL"]
    learners = sorted(table["learner"].unique())
    md = ["# Class summary", "",
          f"{_count(len(learners), 'learner')}, "
          f"{_count(answers['exercise'].nunique(), 'exercise')} answered. "
          "The table of every answer is in `class.csv`.", ""]
    charts: list[Path] = []
    order = {e.id: i for i, e in enumerate(bank)} if bank is not None else {}
    ids = sorted(answers["exercise"].unique(), key=lambda i: (order.get(i, 10**9), i))
    for ex_id in ids:
        group = answers[answers["exercise"] == ex_id]
        n = len(group)
        ex = bank.get(ex_id) if bank is not None else None
        prompt = ex.prompt if ex else (group["prompt"].iloc[0] or "")
        free_text = (ex is not None and ex.type == "text") or group["correct"].isna().all()
        if free_text:
            labels = ["answered"]
            counts = [int((group["answer"].astype(str).str.strip() != "").sum())]
            colours = [OKABE_ITO["sky blue"]]
            words = (f"{counts[0]} of {_count(n, 'learner')} wrote an answer. Free text is not marked "
                     "automatically: read the answers in class.csv.")
        else:
            right = int((group["correct"] == True).sum())  # noqa: E712 - may hold None
            wrong = Counter(group.loc[group["correct"] != True, "answer"].astype(str))  # noqa: E712
            common = wrong.most_common(3)
            labels = ["correct answer"] + [shorten(a or "(no answer)", 40) for a, _c in common]
            counts = [right] + [c for _a, c in common]
            colours = [OKABE_ITO["bluish green"]] + [OKABE_ITO["vermillion"]] * len(common)
            share = right / n if n else 0.0
            words = f"{right} of {_count(n, 'learner')} ({share:.0%}) answered correctly."
            if common:
                words += " Most common wrong answers: " + "; ".join(
                    f"\u201c{a}\u201d ({_count(c, 'learner')})" for a, c in common
                ) + "."
        fig = Figure(figsize=(8, 1.6 + 0.5 * len(labels)), dpi=100)
        ax = fig.add_subplot()
        y = list(range(len(labels)))[::-1]
        ax.barh(y, counts, color=colours, edgecolor=OKABE_ITO["black"])
        ax.set_yticks(y, labels)
        ax.set_xlabel("number of learners")
        ax.set_xlim(0, max(n, 1))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for yi, c in zip(y, counts, strict=True):
            ax.text(c, yi, f" {c}", va="center")
        title = textwrap.wrap(f"{ex_id}: {prompt}", 90, max_lines=2, placeholder=" …")
        fig.suptitle("\n".join(title), fontsize=10, x=0.01, ha="left")
        fig.tight_layout()
        png = out / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', ex_id)}.png"
        with _w.catch_warnings():
            _w.simplefilter("ignore")  # a missing glyph (emoji) must not stop the summary
            fig.savefig(png)
        charts.append(png)
        md += [f"## {_md(ex_id)}", "", f"*{_md(prompt)}*", "",
               f"![{_md(words)}]({png.name})", "", _md(words), ""]
    summary = out / "summary.md"
    summary.write_text("\n".join(md) + "\n", encoding="utf-8")
    return {"table": class_csv, "summary": summary, "charts": charts}
