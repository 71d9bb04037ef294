"""A learner's work written out: the work page, the portfolio (Jinja2, autoescaped) and the CSV."""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from primary_source import paths
from primary_source.atomicfile import atomic_write
from primary_source.citing import display_citation, record_names
from primary_source.csvsafe import write_csv
from primary_source.export.rows import answer_rows, bank_or_none, by_notebook
from primary_source.handin import teacher_feedback
from primary_source.record import load_document
from primary_source.responses import DEFAULT_LEARNER, file_stem, load_answers

__all__ = ["render", "export_csv", "export_html", "lessons", "portfolio_rows", "portfolio_html",
           "portfolio_path", "export_portfolio"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_CSV_COLUMNS = ["notebook", "exercise", "prompt", "answer", "correct", "score", "attempts",
                "saved"]


def _escaped(value: Any) -> Any:
    """Every value escaped as ``html.escape`` does (quotes too); ``None`` shows as nothing."""
    # lazy: markupsafe costs ~8 ms at import; ui.learner loads this module in every lesson's
    # first cell, and only Download my work renders a page
    from markupsafe import Markup

    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def render(template: str, **context: Any) -> str:
    """One of the export templates filled in; every value is escaped unless marked safe.

    >>> "&lt;b&gt;" in render("work.html.j2", learner="<b>", stamp="now", rows=[], groups={},
    ...                       titles={})
    True
    """
    # lazy: jinja2 costs ~20 ms at import; ui.learner loads this module in every lesson's first
    # cell, and only Download my work renders a page
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, finalize=_escaped, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template(template).render(**context)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def export_csv(learner: str | None, path: str | Path, answers: dict | None = None) -> Path:
    """Write a learner's answers (read from their file unless given) as CSV (UTF-8 with a
    byte-order mark, for spreadsheets)."""
    learner = learner or DEFAULT_LEARNER
    answers = load_answers(learner) if answers is None else answers
    rows = answer_rows(learner, answers, bank_or_none())
    path = Path(path)
    write_csv([{**row, "answer": row["text"]} for row in rows], path, _CSV_COLUMNS)
    return path


def export_html(learner: str | None, path: str | Path, answers: dict | None = None) -> Path:
    """Write a learner's answers (read from their file unless given) as a readable HTML page
    (every string escaped)."""
    learner = learner or DEFAULT_LEARNER
    answers = load_answers(learner) if answers is None else answers
    bank = bank_or_none()
    rows = answer_rows(learner, answers, bank)
    page = render("work.html.j2", learner=learner, stamp=_now(), rows=rows,
                  groups=by_notebook(rows), titles=dict(bank.titles) if bank is not None else {})
    return atomic_write(Path(path), page)


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
    bank = bank if bank is not None else bank_or_none()
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


def portfolio_rows(learner: str | None = None, answers: dict | None = None,
                   bank: Any = None) -> dict[str, list[dict[str, Any]]]:
    """The learner's answers grouped by lesson, each group in the order the lesson asks them.

    Each row is one of ``answer_rows`` (``exercise``, ``prompt``, ``answer`` as saved,
    ``text`` in one line, ``result``, ``attempts``, ``saved`` ...).

    >>> rows = portfolio_rows("me", {"x": {"answer": "yes", "notebook": "01_provenance"}})
    >>> rows["01_provenance"][0]["text"]
    'yes'
    """
    learner = learner or DEFAULT_LEARNER
    bank = bank if bank is not None else bank_or_none()
    if answers is None:
        answers = load_answers(learner)
    comments = teacher_feedback()  # on a class hub: the teacher's comments, by exercise
    rows = answer_rows(learner, answers, bank, special=True)
    for row in rows:
        row["feedback"] = comments.get(row["exercise"], "")
    return by_notebook(rows)


def _argument_block(answer: Any):
    # lazy: markupsafe (~8 ms) and primary_source.synthesis (~17 ms at import); ui.learner loads
    # this module in every lesson's first cell, and only Download my work renders a page
    from markupsafe import Markup

    from primary_source import synthesis

    try:
        cards = synthesis.evidence_cards()
    except Exception:  # noqa: BLE001 - show the argument even if the data cannot be read
        cards = []
    argument = synthesis.argument_from_answer(answer, cards)
    return Markup(synthesis.argument_html(argument, heading_level=4))  # escaped by its builder


def _record() -> tuple[str, str | None]:
    """The record's long name and its citation with the permanent address (``None`` if the
    record cannot be read)."""
    try:
        doc = load_document()
        return record_names(doc=doc)[1], display_citation(doc)
    except (OSError, ValueError):
        return "The record", None


def portfolio_html(learner: str | None = None, answers: dict | None = None) -> str:
    """The portfolio page as a string: a contents list, then one section per lesson in order.

    Every piece of text is escaped; learner text keeps its own direction (``dir="auto"``).
    The claim-evidence-reasoning argument of lesson 05 is shown in full, evidence grouped by
    kind with its sources.
    """
    # lazy: primary_source.synthesis costs ~17 ms at import; ui.learner loads this module in
    # every lesson's first cell, and only Download my work renders a page
    from primary_source import synthesis

    learner = learner or DEFAULT_LEARNER
    bank = bank_or_none()
    groups = portfolio_rows(learner, answers, bank)
    order = lessons(bank)
    known = {name for name, _ in order}
    sections = []
    for name, title in [*order, *((n, "") for n in sorted(n for n in groups if n not in known))]:
        rows = groups.get(name, [])
        sections.append({
            "label": f"{name}: {title}" if title else (name or "Other work"),
            "count": len(rows),
            "arguments": [{**r, "html": _argument_block(r["answer"])}
                          for r in rows if r["exercise"] == synthesis.ANSWER_ID],
            "table": [r for r in rows if r["exercise"] != synthesis.ANSWER_ID],
        })
    record, citation = _record()
    return render("portfolio.html.j2", learner=learner, stamp=_now(), record=record,
                  citation=citation,
                  total=sum(len(rows) for rows in groups.values()), sections=sections)


def portfolio_path(learner: str | None = None) -> Path:
    """Where the portfolio is written by default: ``responses/<name>-portfolio.html``.

    >>> portfolio_path("Ana").name
    'Ana-portfolio.html'
    """
    return paths.responses_dir() / f"{file_stem(learner)}-portfolio.html"  # one per name


def export_portfolio(learner: str | None, path: str | Path | None = None,
                     answers: dict | None = None) -> Path:
    """Write the learner's whole portfolio (answers read from their file unless given) as one
    HTML page and return its path.

    >>> export_portfolio("me", "/tmp/me-portfolio.html")   # doctest: +SKIP
    PosixPath('/tmp/me-portfolio.html')
    """
    learner = learner or DEFAULT_LEARNER
    path = Path(path) if path is not None else portfolio_path(learner)
    return atomic_write(path, portfolio_html(learner, answers))
