"""The teacher's class tools: mark every answers file against the bank, and summarise a class."""

from __future__ import annotations

import html
import json
import re
import textwrap
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from primary_source.csvsafe import write_csv
from primary_source.exercises import answer_text, check_answer, load_with_problems
from primary_source.exercises.loader import shorten
from primary_source.palette import OKABE_ITO
from primary_source.responses import FORMAT, ResponsesFileError, responses_file, safe_name

__all__ = [
    "COLUMNS",
    "NOT_IN_BANK",
    "ClassGrades",
    "answer_files",
    "grade",
    "grade_class",
    "read_class_file",
    "summarize",
    "write_grades",
]

#: The columns of a gradebook table.
COLUMNS = ["learner", "notebook", "exercise", "type", "prompt", "answer", "correct", "score",
           "points", "attempts", "saved", "note"]
#: The note on a row whose exercise the teacher's bank does not have (it never adds points).
NOT_IN_BANK = "not in the bank: no points"
_MAX_DEPTH = 64


@dataclass
class ClassGrades:
    """A graded class: the table, the files left out (with why) and notes for the teacher."""

    table: Any
    skipped: list[ResponsesFileError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def answer_files(paths_in: Iterable[str | Path] | str | Path) -> list[Path]:
    """The answers files given, a folder standing for its ``*.json`` files.

    Settings (``.name``) and moved-aside files (``.damaged-``) in a folder are left out.
    """
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


def _depth(value: Any, limit: int) -> int:
    """How deeply ``value`` nests (stops counting past ``limit``)."""
    stack, deepest = [(value, 1)], 0
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(node, dict):
            stack += [(v, depth + 1) for v in node.values()]
        elif isinstance(node, list):
            stack += [(v, depth + 1) for v in node]
    return deepest


def _entry_problem(key: str, entry: Any) -> str | None:
    if not isinstance(entry, dict) or "answer" not in entry:
        return f"the entry for {key!r} has no answer"
    attempts = entry.get("attempts")
    if attempts is not None and (isinstance(attempts, bool) or not isinstance(attempts, int)
                                 or attempts < 0):
        return f"the attempts of {key!r} are not a whole number ({attempts!r:.40})"
    for name in ("saved", "notebook"):
        if entry.get(name) is not None and not isinstance(entry.get(name), str):
            return f"the {name!r} of {key!r} is not text"
    if _depth(entry.get("answer"), 3) > 3:
        return f"the answer to {key!r} is nested too deeply to be an answer"
    return None


def read_class_file(path: str | Path) -> dict[str, Any]:
    """One answers file read strictly for marking; ``ResponsesFileError`` says what is wrong.

    A byte-order mark is accepted; text or infinite attempts, a list where an object belongs,
    deep nesting and anything else not in the answers format are refused.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResponsesFileError(path, "is damaged (not UTF-8 text)") from None
    except OSError as err:
        raise ResponsesFileError(path, f"cannot be read ({err.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ResponsesFileError(path, f"is damaged (not valid JSON: line {err.lineno}: "
                                 f"{err.msg})") from None
    except (RecursionError, ValueError):
        raise ResponsesFileError(path, "is damaged (nested too deeply, or a number too "
                                 "long)") from None
    if not isinstance(data, dict):
        raise ResponsesFileError(path, "is not an answers file (the top level is not a JSON "
                                 "object)")
    if data.get("format") != FORMAT:
        raise ResponsesFileError(path, f"is not an answers file (no \"format\": \"{FORMAT}\")")
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise ResponsesFileError(path, "is damaged (\"answers\" is not a JSON object)")
    if data.get("learner") is not None and not isinstance(data.get("learner"), str):
        raise ResponsesFileError(path, "is damaged (\"learner\" is not text)")
    for key, entry in answers.items():
        problem = _entry_problem(key, entry)
        if problem:
            raise ResponsesFileError(path, f"is damaged ({problem})")
    return data


def _load_bank():
    """Every valid exercise of the teacher's bank (a broken exercise hides only itself)."""
    return load_with_problems(None)[0]


def _mark(ex, answer: Any) -> tuple[bool | None, float | None, str]:
    """Mark one answer again against the bank: (correct, score, note)."""
    if ex.type == "text":
        return None, None, ""
    try:
        result = check_answer(ex, answer)
    except (TypeError, ValueError, AttributeError, KeyError):
        return False, 0.0, "the answer is not in the shape this exercise takes"
    return result.correct, result.score, ""


def _file_of(learner: str, path: Path) -> bool:
    """Whether ``path`` is the file that the lessons save ``learner``'s answers in."""
    return path.stem in (responses_file(learner).stem, safe_name(learner))


def _who(files: list[Path], data_of: dict[Path, dict]) -> tuple[dict[Path, str], list[str]]:
    """Each file's learner (named by its file) and notes where files and names disagree."""
    notes: list[str] = []
    by_stem: dict[str, list[Path]] = {}
    for f in files:
        by_stem.setdefault(f.stem.casefold(), []).append(f)
    names: dict[Path, str] = {}
    for f in files:
        claimed = data_of[f].get("learner")
        agrees = isinstance(claimed, str) and _file_of(claimed, f)
        name = claimed if agrees else f.stem
        if isinstance(claimed, str) and claimed.strip() and not agrees:
            notes.append(f"{f}: the file says the learner is {claimed!r}; graded as {f.stem!r}, "
                         "the name of the file")
        if len(by_stem[f.stem.casefold()]) > 1:
            name = f"{name} ({f})"
        names[f] = name
    for group in by_stem.values():
        if len(group) > 1:
            notes.append("these files claim one learner and are kept apart: "
                         + ", ".join(str(f) for f in group))
    claims: dict[str, list[Path]] = {}
    for f in files:
        claimed = data_of[f].get("learner")
        if isinstance(claimed, str) and claimed.strip():
            claims.setdefault(safe_name(claimed).casefold(), []).append(f)
    for group in claims.values():
        if len({g.stem.casefold() for g in group}) > 1:
            notes.append("these files give the same learner's name and are kept apart: "
                         + ", ".join(str(f) for f in group))
    return names, notes


def _learner_rows(learner: str, answers: dict[str, Any], bank) -> list[dict[str, Any]]:
    position = {e.id: i for i, e in enumerate(bank)} if bank is not None else {}
    rows = []
    for ex_id, entry in answers.items():
        ex = bank.get(ex_id) if bank is not None else None
        row = {"learner": learner, "notebook": ex.notebook if ex else "", "exercise": ex_id,
               "type": ex.type if ex else "", "prompt": ex.prompt if ex else "",
               "answer": answer_text(entry.get("answer")), "correct": None, "score": None,
               "points": ex.points if ex else None, "attempts": entry.get("attempts"),
               "saved": entry.get("saved") or "", "note": ""}
        if ex is None:
            row["note"] = NOT_IN_BANK
        else:
            row["correct"], row["score"], row["note"] = _mark(ex, entry.get("answer"))
        rows.append(row)
    rows.sort(key=lambda r: (r["exercise"] not in position, r["notebook"],
                             position.get(r["exercise"], 0), r["exercise"]))
    return rows


def grade_class(paths_in: Iterable[str | Path] | str | Path, bank=None) -> ClassGrades:
    """Mark every answers file again against the teacher's bank; skip (and say) the bad ones.

    Only exercises of the bank count: an entry for an id the bank does not have is listed with
    the note "not in the bank" and adds no points; a stored ``score`` or ``correct`` is never
    used. Each learner is the name of their file; a ``learner`` field that disagrees, or two
    files for one name, give a note and are kept apart.
    """
    # lazy: pandas costs ~200 ms at import; the CLI loads this module for every command, and
    # only grade and summarize need it
    import pandas as pd

    bank = bank if bank is not None else _load_bank()
    report = ClassGrades(table=None)
    data_of: dict[Path, dict] = {}
    for f in answer_files(paths_in):
        try:
            data_of[f] = read_class_file(f)
        except ResponsesFileError as err:
            report.skipped.append(err)
    names, report.notes = _who(list(data_of), data_of)
    rows: list[dict[str, Any]] = []
    for f, data in data_of.items():
        learner = names[f]
        mine = _learner_rows(learner, data["answers"], bank)
        counted = [r for r in mine if r["note"] != NOT_IN_BANK]
        strangers = len(mine) - len(counted)
        if strangers:
            report.notes.append(f"{f}: {strangers} answer(s) to exercises not in the bank; "
                                "they add no points")
        rows += mine
        rows.append({
            "learner": learner, "notebook": "", "exercise": "TOTAL", "type": "", "prompt": "",
            "answer": "", "correct": None,
            "score": float(sum(r["score"] for r in counted if r["score"] is not None)),
            "points": float(sum(r["points"] for r in counted)),
            "attempts": sum(r["attempts"] or 0 for r in counted),
            "saved": max((r["saved"] for r in counted), default=""), "note": ""})
    report.table = pd.DataFrame(rows, columns=COLUMNS)
    return report


def grade(paths_in: Iterable[str | Path] | str | Path, bank=None):
    """A gradebook table: a row per learner and exercise, then a ``TOTAL`` row per learner.

    Like :func:`grade_class`, but the first damaged or foreign file raises
    ``ResponsesFileError`` naming it. Columns: see ``COLUMNS``.
    """
    report = grade_class(paths_in, bank)
    if report.skipped:
        raise report.skipped[0]
    return report.table


def write_grades(table, path: str | Path) -> Path:
    """Write a ``grade`` table as a CSV for a gradebook (formula-safe, UTF-8 with BOM)."""
    path = Path(path)
    write_csv(table.to_dict("records"), path, list(table.columns))
    return path


def _md(text: str) -> str:
    text = html.escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", text)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _chart(ex, group, out: Path) -> tuple[Path, str]:
    """One exercise's chart (PNG) and its description in words."""
    # lazy: matplotlib.figure costs ~200 ms at import (after pandas); only summarize's charts need it
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    n = len(group)
    if ex.type == "text" or group["correct"].isna().all():
        labels = ["answered"]
        counts = [int((group["answer"].astype(str).str.strip() != "").sum())]
        colours = [OKABE_ITO["sky blue"]]
        words = (f"{counts[0]} of {_count(n, 'learner')} wrote an answer. Free text is not "
                 "marked automatically: read the answers in class.csv.")
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
                f"\u201c{a}\u201d ({_count(c, 'learner')})" for a, c in common) + "."
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
    title = textwrap.wrap(f"{ex.id}: {ex.prompt}", 90, max_lines=2, placeholder=" …")
    fig.suptitle("\n".join(title), fontsize=10, x=0.01, ha="left")
    fig.tight_layout()
    png = out / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', ex.id)}.png"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a missing glyph (emoji) must not stop the summary
        fig.savefig(png)
    return png, words


def summarize(paths_in: Iterable[str | Path] | str | Path, out_dir: str | Path,
              report: ClassGrades | None = None) -> dict[str, Any]:
    """Class summary: ``class.csv``, one PNG chart per bank exercise, and ``summary.md``
    describing every chart in words (its text alternative). Returns the written paths.

    Each chart shows how many learners answered correctly and the most common wrong answers,
    in Okabe-Ito colours. Answers to exercises not in the bank get no chart. Without a
    ``report`` (from :func:`grade_class`), a damaged file raises ``ResponsesFileError``.
    """
    bank = _load_bank()
    if report is None:
        report = grade_class(paths_in, bank)
        if report.skipped:
            raise report.skipped[0]
    table = report.table
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    class_csv = write_grades(table, out / "class.csv")
    answers = table[(table["exercise"] != "TOTAL") & (table["note"] != NOT_IN_BANK)]
    strangers = int((table["note"] == NOT_IN_BANK).sum())
    learners = sorted(table["learner"].unique())
    md = ["# Class summary", "",
          f"{_count(len(learners), 'learner')}, "
          f"{_count(answers['exercise'].nunique(), 'exercise')} answered. "
          "The table of every answer is in `class.csv`.", ""]
    if strangers:
        md += [f"{_count(strangers, 'answer')} to exercises not in the bank got no chart and "
               "no points.", ""]
    charts: list[Path] = []
    present = set(answers["exercise"])
    for ex in bank:
        if ex.id not in present:
            continue
        png, words = _chart(ex, answers[answers["exercise"] == ex.id], out)
        charts.append(png)
        md += [f"## {_md(ex.id)}", "", f"*{_md(ex.prompt)}*", "",
               f"![{_md(words)}]({png.name})", "", _md(words), ""]
    summary = out / "summary.md"
    summary.write_text("\n".join(md) + "\n", encoding="utf-8")
    return {"table": class_csv, "summary": summary, "charts": charts}
