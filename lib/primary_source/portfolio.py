"""A learner's portfolio: every answer of every lesson, in lesson order, as one readable HTML page."""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from primary_source import paths
from primary_source.responses import _atomic_write, _result_words
from primary_source.responses import _bank as _bank_or_none

__all__ = ["lessons", "portfolio_rows", "portfolio_html", "export_portfolio", "portfolio_path"]



def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _notebook_heading(path: Path) -> str | None:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        first = "".join(nb["cells"][0]["source"]).splitlines()[0]
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None
    title = first.lstrip("#").strip()
    if "\u00b7" in title[:6]:
        title = title.split("\u00b7", 1)[1].strip()
    return title or None


def lessons(bank: Any = None) -> list[tuple[str, str]]:
    """The lessons in order, as ``(notebook, title)``: ``00_start_here`` ... ``05_synthesis``.

    The title is the one in the lesson's exercise file, else the notebook's first heading.

    >>> lessons()[0][0]
    '00_start_here'
    """
    bank = bank if bank is not None else _bank_or_none()
    titles = dict(bank.titles) if bank is not None else {}
    found = {p.stem: p for p in paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb")}
    for name in titles:
        if name[:2].isdigit():
            found.setdefault(name, None)
    result = []
    for name in sorted(found):
        title = titles.get(name) or (_notebook_heading(found[name]) if found[name] else None)
        result.append((name, title or name))
    return result


def _special_prompt(ex_id: str) -> str | None:
    """Prompts for answers saved by lesson widgets rather than by the exercise bank."""
    from primary_source import synthesis

    if ex_id == synthesis.ANSWER_ID:
        return "Your claim, evidence and reasoning"
    if ex_id == "00-predict-clues":
        return "The clues you used for your predictions"
    if ex_id.startswith("00-predict-"):
        try:
            from primary_source.reading import PREDICTIONS

            for p in PREDICTIONS:
                if p.id == ex_id:
                    return f"Your prediction before the source was revealed: {p.label}"
        except ImportError:
            pass
        return "Your prediction before the source was revealed"
    if ex_id.startswith("rhetoric-tag-"):
        return f"The device you tagged in sentence {ex_id[len('rhetoric-tag-'):]}"
    return None


def portfolio_rows(learner: str | None = None, answers: dict | None = None,
                   bank: Any = None) -> dict[str, list[dict[str, Any]]]:
    """The learner's answers grouped by lesson, each group in the order the lesson asks them.

    Each row has ``exercise``, ``prompt``, ``answer`` (as saved), ``text`` (one line),
    ``result``, ``attempts`` and ``saved``.
    """
    from primary_source.exercises import answer_text
    from primary_source.handin import teacher_feedback
    from primary_source.responses import DEFAULT_LEARNER, load_answers

    comments = teacher_feedback()
    bank = bank if bank is not None else _bank_or_none()
    if answers is None:
        answers = load_answers(learner or DEFAULT_LEARNER)
    position = {e.id: i for i, e in enumerate(bank)} if bank is not None else {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for ex_id, entry in answers.items():
        entry = entry if isinstance(entry, dict) else {"answer": entry}
        ex = bank.get(ex_id) if bank is not None else None
        notebook = str(entry.get("notebook") or (ex.notebook if ex else "") or "")
        prompt = ex.prompt if ex is not None else (_special_prompt(ex_id) or "")
        correct = entry.get("correct")
        result = _result_words({"correct": correct, "score": entry.get("score")})
        groups.setdefault(notebook, []).append({
            "exercise": ex_id, "prompt": prompt, "answer": entry.get("answer"),
            "text": answer_text(entry.get("answer")), "result": result,
            "attempts": entry.get("attempts") or "", "saved": entry.get("saved") or "",
            "feedback": comments.get(ex_id, ""),
        })
    for rows in groups.values():
        rows.sort(key=lambda r: (position.get(r["exercise"], 10**9), r["exercise"]))
    return groups


def _argument_block(answer: Any) -> str:
    from primary_source import synthesis

    try:
        cards = synthesis.evidence_cards()
    except Exception:  # noqa: BLE001 - show the argument even if the data cannot be read
        cards = []
    argument = synthesis.argument_from_answer(answer, cards)
    return synthesis.argument_html(argument, heading_level=4)


def _source_line() -> list[str]:
    """The record's citation with its permanent address, or nothing if it cannot be read."""
    try:
        from primary_source.citing import display_citation
        from primary_source.record import load_document

        citation = display_citation(load_document())
    except (OSError, ValueError):
        return []
    return [f"<p><strong>Source:</strong> {_e(citation)}</p>"]


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;"
    "line-height:1.5;color:#000}h1,h2,h3{line-height:1.2}"
    "table{border-collapse:collapse;width:100%;margin:0.5em 0 1.5em}"
    "th,td{border:1px solid #999;padding:.4em;text-align:start;vertical-align:top}"
    ".answer{white-space:pre-wrap;overflow-wrap:anywhere}"
    ".ps-cer-argument{border-inline-start:4px solid #0072B2;padding:0.2em 1em;margin:1em 0}"
    "nav li{margin:0.2em 0}.empty{color:#555;font-style:italic}"
)


def portfolio_html(learner: str | None = None, answers: dict | None = None) -> str:
    """The portfolio page as a string: a contents list, then one section per lesson in order.

    Every piece of text is escaped; learner text keeps its own direction (``dir="auto"``).
    The claim-evidence-reasoning argument of lesson 05 is shown in full, evidence grouped by
    kind with its sources.
    """
    from primary_source import synthesis
    from primary_source.responses import DEFAULT_LEARNER

    learner = learner or DEFAULT_LEARNER
    bank = _bank_or_none()
    groups = portfolio_rows(learner, answers, bank)
    order = lessons(bank)
    known = {name for name, _ in order}
    extra = sorted(n for n in groups if n not in known)
    sections = [*order, *((n, "") for n in extra)]
    total = sum(len(rows) for rows in groups.values())
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Portfolio of {_e(learner)}</title>", f"<style>{_STYLE}</style>",
        "</head><body>",
        f'<h1>Portfolio of <span dir="auto">{_e(learner)}</span></h1>',
        "<p>The ciphered telegram of 28 August 1950 from \u201cFeng Xi\u201d (Stalin) to Kim Il "
        f"Sung: all the work saved in the lessons. Exported {_e(stamp)}; {total} saved "
        f"answer{'s' if total != 1 else ''}.</p>",
        *_source_line(),
        '<nav aria-label="Lessons"><h2>Lessons</h2><ol>',
    ]
    for i, (name, title) in enumerate(sections):
        count = len(groups.get(name, []))
        label = f"{name}: {title}" if title else (name or "Other work")
        parts.append(f'<li><a href="#lesson-{i}">{_e(label)}</a> '
                     f"({count} answer{'s' if count != 1 else ''})</li>")
    parts.append("</ol></nav>")
    for i, (name, title) in enumerate(sections):
        rows = groups.get(name, [])
        label = f"{name}: {title}" if title else (name or "Other work")
        parts.append(f'<section id="lesson-{i}"><h2>{_e(label)}</h2>')
        if not rows:
            parts.append('<p class="empty">No answers saved in this lesson yet.</p></section>')
            continue
        argument = [r for r in rows if r["exercise"] == synthesis.ANSWER_ID]
        table = [r for r in rows if r["exercise"] != synthesis.ANSWER_ID]
        for row in argument:
            parts.append("<h3>Your argument</h3>")
            parts.append(_argument_block(row["answer"]))
            parts.append(f"<p><small>Saved {_e(row['saved'])}; saved "
                         f"{_e(row['attempts'])} time(s).</small></p>")
        if table:
            parts.append('<table><thead><tr><th scope="col">Question</th>'
                         '<th scope="col">Your answer</th><th scope="col">Result</th>'
                         '<th scope="col">Attempts</th></tr></thead><tbody>')
            for row in table:
                prompt = row["prompt"] or row["exercise"]
                parts.append(
                    f'<tr><td dir="auto">{_e(prompt)}<br><small>{_e(row["exercise"])}</small></td>'
                    f'<td class="answer" dir="auto">{_e(row["text"])}'
                    + (f"<p><b>Your teacher's feedback:</b> <span dir=\"auto\">"
                       f"{_e(row['feedback'])}</span></p>" if row.get("feedback") else "")
                    + "</td>"
                    f"<td>{_e(row['result'])}</td><td>{_e(row['attempts'])}</td></tr>")
            parts.append("</tbody></table>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def portfolio_path(learner: str | None = None) -> Path:
    """Where the portfolio is written by default: ``responses/<name>-portfolio.html``."""
    from primary_source.responses import file_stem

    return paths.responses_dir() / f"{file_stem(learner)}-portfolio.html"  # one per name


def export_portfolio(learner: str | None, path: str | Path | None = None) -> Path:
    """Write the learner's whole portfolio as one HTML page and return its path.

    >>> export_portfolio("me", "/tmp/me-portfolio.html")   # doctest: +SKIP
    PosixPath('/tmp/me-portfolio.html')
    """
    from primary_source.responses import DEFAULT_LEARNER

    learner = learner or DEFAULT_LEARNER
    path = Path(path) if path is not None else portfolio_path(learner)
    text = portfolio_html(learner)
    _atomic_write(path, text)
    return path
