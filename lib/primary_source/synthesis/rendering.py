"""An argument and the rubric as accessible, escaped HTML."""

from __future__ import annotations

import html
import re
from typing import Any

from primary_source.synthesis.argument import Argument
from primary_source.synthesis.questions import KIND_HEADINGS, KINDS
from primary_source.synthesis.rubric import RUBRIC

__all__ = [
    "argument_html",
    "rubric_html",
]


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _paragraphs(text: str) -> str:
    blocks = [b for b in re.split(r"\n\s*\n", str(text).strip()) if b.strip()]
    return "".join(f'<p dir="auto" style="white-space:pre-wrap">{_e(b)}</p>' for b in blocks)


def argument_html(argument: Argument, heading_level: int = 3) -> str:
    """The argument as one readable block of HTML: question, claim, evidence by kind, reasoning.

    Every piece of learner text and data is escaped. Evidence is numbered E1, E2 ... in the
    order shown, grouped under "From the document", "From its provenance", "From the timeline",
    each with its citation.
    """
    h = f"h{max(1, min(6, heading_level))}"
    h2 = f"h{max(1, min(6, heading_level + 1))}"
    parts = ['<div class="ps-cer-argument">',
             f"<{h}>Question</{h}>", f'<p dir="auto"><em>{_e(argument.question.text)}</em></p>',
             f"<{h}>Claim</{h}>"]
    parts.append(_paragraphs(argument.claim) if argument.claim.strip()
                 else "<p><em>No claim written yet.</em></p>")
    parts.append(f"<{h}>Evidence</{h}>")
    if not argument.evidence:
        parts.append("<p><em>No evidence chosen yet.</em></p>")
    number = 0
    for kind in KINDS:
        group = [e for e in argument.evidence if e.kind == kind]
        if not group:
            continue
        parts.append(f"<{h2}>{_e(KIND_HEADINGS[kind])}</{h2}><ol class=\"ps-cer-evidence\" "
                     f"start=\"{number + 1}\">")
        for ev in group:
            number += 1
            body = (f"<blockquote dir=\"auto\" style=\"margin:0.2em 0 0.2em 1em\">"
                    f"\u201c{_e(ev.text)}\u201d</blockquote>" if kind == "document"
                    else f'<span dir="auto">{_e(ev.text)}</span>')
            where = f" ({_e(ev.where)})" if kind == "document" and ev.where else ""
            parts.append(f"<li><strong>E{number}</strong>{where}: {body}"
                         f"<br><small>Source: <cite>{_e(ev.source)}</cite></small></li>")
        parts.append("</ol>")
    if argument.unknown:
        parts.append(f"<p><small>Left out, no longer in the list: "
                     f"{_e(', '.join(argument.unknown))}</small></p>")
    parts.append(f"<{h}>Reasoning</{h}>")
    parts.append(_paragraphs(argument.reasoning) if argument.reasoning.strip()
                 else "<p><em>No reasoning written yet.</em></p>")
    parts.append("</div>")
    return "".join(parts)


def rubric_html() -> str:
    """The rubric as an accessible HTML table (caption, column and row headers)."""
    head = "".join(f'<th scope="col">{_e(h)}</th>'
                   for h in ("Criterion", "Looks for", "Beginning", "Developing", "Secure"))
    rows = "".join(
        f'<tr><th scope="row">{_e(c.name)}</th><td>{_e(c.looks_for)}</td>'
        f"<td>{_e(c.beginning)}</td><td>{_e(c.developing)}</td><td>{_e(c.secure)}</td></tr>"
        for c in RUBRIC)
    return (f'<table class="ps-cer-rubric"><caption>How an argument is assessed</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
