"""Widgets for the synthesis lesson: pick a question, build a claim-evidence-reasoning argument, export."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from primary_source import responses, synthesis
from primary_source.export import export_portfolio, portfolio_path
from primary_source.palette import OKABE_ITO
from primary_source.presentation import PRESENTATION_NOTICE, presenting
from primary_source.synthesis import (
    ALL_PARTS_PRESENT,
    ANSWER_ID,
    KIND_LABELS,
    KINDS,
    NOTEBOOK,
    QUESTIONS,
    Evidence,
    argument_html,
    argument_problems,
    build_argument,
    question_by_id,
)
from primary_source.ui.notes import done_html, download_link, escape, note_html, warning_html
from primary_source.ui.synthesis_tables import (
    corroboration_view,
    evidence_view,
    limits_view,
    rubric_view,
    table_view,
)

__all__ = [
    "SHOW_ALL",
    "question_picker",
    "cer_builder",
    "portfolio_button",
    "table_view",
    "evidence_view",
    "corroboration_view",
    "limits_view",
    "rubric_view",
]

#: The first choice of the "Show evidence from" filter.
SHOW_ALL = "all"


_LABELLED = {"description_width": "9em"}



def _saved_argument(learner: str | None) -> tuple[dict | None, list[str]]:
    """The learner's saved argument (or None) and any warnings about a damaged answers file."""
    try:
        loaded = responses.read_answers(learner)
    except OSError as err:
        return None, [f"Your saved answers cannot be read: {err}"]
    entry, messages = loaded.answers.get(ANSWER_ID), loaded.notices
    answer = entry.get("answer") if isinstance(entry, dict) else None
    return (answer if isinstance(answer, dict) else None), messages


def _question_html(question) -> str:
    helpful = "".join(f"<li>{escape(h)}</li>" for h in question.helpful)
    more = f"<p>Evidence that may help:</p><ul>{helpful}</ul>" if helpful else ""
    return (f'<div class="ps-cer-question-help"><p><strong>{escape(question.text)}</strong></p>'
            f"<p>{escape(question.think)}</p>{more}</div>")


def question_picker(learner: str | None = None) -> w.VBox:
    """Choose the historical question: a "Question" menu and advice on how to begin.

    Starts on the question of the learner's saved argument, else on the default question.
    Pass the box to :func:`cer_builder` to keep the two menus in step. The box carries
    ``question`` (the menu) and ``view`` (the advice).
    """
    saved, _ = _saved_argument(learner or responses.current_learner())
    start = question_by_id((saved or {}).get("question"))
    question = w.Dropdown(options=[(q.text, q.id) for q in QUESTIONS], value=start.id,
                          description="Question", style=_LABELLED,
                          layout=w.Layout(width="60em", max_width="100%"))
    view = w.HTML(_question_html(start))
    view.add_class("ps-cer-question-view")

    def show(change) -> None:
        view.value = _question_html(question_by_id(change["new"]))

    question.observe(show, names="value")
    box = w.VBox([question, view])
    box.add_class("ps-cer-question-picker")
    box.question, box.view = question, view
    return box


def _chosen_summary(chosen: Sequence[Evidence]) -> str:
    if not chosen:
        return "<p><em>No evidence chosen yet.</em></p>"
    counts = [f"{sum(1 for e in chosen if e.kind == k)} from {KIND_LABELS[k]}" for k in KINDS
              if any(e.kind == k for e in chosen)]
    n = len(chosen)
    return (f"<p><strong>{n} piece{'s' if n != 1 else ''} of evidence chosen</strong>: "
            f"{escape(', '.join(counts))}.</p>")


def _detail_html(cards: Sequence[Evidence]) -> str:
    if not cards:
        return ("<p><em>Highlight a piece of evidence in the list to read it in full, then "
                "press Add to my evidence.</em></p>")
    items = []
    for card in cards[:4]:
        note = f"<br><small>{escape(card.note)}</small>" if card.note else ""
        items.append(f'<li><p dir="auto">{escape(card.text)}</p><p><small>Source: '
                     f"<cite>{escape(card.source)}</cite></small>{note}</p></li>")
    more = (f"<p><small>and {len(cards) - 4} more highlighted.</small></p>"
            if len(cards) > 4 else "")
    return f'<ul class="ps-cer-detail-list">{"".join(items)}</ul>{more}'


def cer_builder(picker: w.VBox | None = None, learner: str | None = None,
                cards: Sequence[Evidence] | None = None) -> w.VBox:
    """Build an argument: claim, evidence from three places, reasoning; check it and save it.

    Controls, each labelled and usable from the keyboard: a "Question" menu; a "Claim" box; a
    "Show evidence from" switch (all, the document, its provenance, the timeline); the
    "Evidence" list and an "Add to my evidence" button. From the keyboard the list works with
    Home/End, Ctrl+arrows (move) and Ctrl+Space (highlight): in JupyterLab the plain arrow keys
    are taken by the notebook to move between cells; the "My evidence" list with "Remove"; a "Reasoning" box;
    "Check my argument" (gentle feedback, never a grade) and "Save". The preview shows claim,
    evidence and reasoning together, escaped.

    The argument is saved as the learner's answer ``05-cer-argument`` and shown again when the
    notebook is reopened. The box carries its parts as attributes: ``question``, ``claim``,
    ``show``, ``evidence``, ``add_button``, ``chosen``, ``remove_button``, ``reasoning``,
    ``check_button``, ``feedback``, ``save_button``, ``status``, ``preview``, ``detail``,
    ``summary``; ``selected_ids`` (the chosen ids, in order) and ``argument()``.
    """
    cards = list(cards) if cards is not None else synthesis.evidence_cards()
    by_id = {c.id: c for c in cards}
    saved, damaged = _saved_argument(learner or responses.current_learner())
    start = synthesis.argument_from_answer(saved or {}, cards)
    selected: list[str] = [e.id for e in start.evidence]

    question = w.Dropdown(options=[(q.text, q.id) for q in QUESTIONS], value=start.question.id,
                          description="Question", style=_LABELLED,
                          layout=w.Layout(width="60em", max_width="100%"))
    # continuous_update=False: the text reaches the kernel whole when the learner leaves the
    # box, before a click on Save (see ui.exercise_controls.TextControl)
    claim = w.Textarea(value=start.claim, description="Claim", style=_LABELLED,
                       continuous_update=False,
                       placeholder="One or two sentences that answer the question.",
                       layout=w.Layout(width="60em", max_width="100%", height="5em"))
    kinds_present = [k for k in KINDS if any(c.kind == k for c in cards)]
    show_options = [(SHOW_ALL, SHOW_ALL)] + [(KIND_LABELS[k], k) for k in kinds_present]
    show = w.ToggleButtons(options=show_options, value=SHOW_ALL,
                           description="Show evidence from", style={"description_width": "initial",
                                                                     "button_width": "auto"},
                           tooltips=[f"List evidence from {label}" for label, _ in show_options])
    evidence = w.SelectMultiple(options=[(c.label, c.id) for c in cards], value=(),
                                description="Evidence", rows=10, style=_LABELLED,
                                layout=w.Layout(width="60em", max_width="100%"))
    add_button = w.Button(description="Add to my evidence", icon="plus", button_style="info",
                          tooltip="Add the highlighted evidence to my argument",
                          layout=w.Layout(width="auto"))
    detail = w.HTML(_detail_html([]))
    chosen = w.SelectMultiple(options=[], value=(), description="My evidence", rows=5,
                              style=_LABELLED, layout=w.Layout(width="60em", max_width="100%"))
    remove_button = w.Button(description="Remove", icon="minus",
                             tooltip="Take the highlighted evidence out of my argument",
                             layout=w.Layout(width="auto"))
    summary = w.HTML()
    reasoning = w.Textarea(value=start.reasoning, description="Reasoning", style=_LABELLED,
                           continuous_update=False,
                           placeholder="How does each piece of evidence support your claim? "
                                       "Refer to it by number (E1, E2 ...) or quote its words.",
                           layout=w.Layout(width="60em", max_width="100%", height="9em"))
    check_button = w.Button(description="Check my argument", icon="check",
                            button_style="primary",
                            tooltip="Is anything missing from my argument?",
                            layout=w.Layout(width="auto"))
    save_button = w.Button(description="Save", icon="save", tooltip="Save my argument",
                           layout=w.Layout(width="auto"))
    feedback = w.HTML()
    status = w.HTML(warning_html(damaged) if damaged else "")
    preview = w.HTML()
    for widget, name in ((detail, "ps-cer-detail"), (summary, "ps-cer-summary"),
                         (feedback, "ps-cer-feedback"), (status, "ps-cer-status"),
                         (preview, "ps-cer-preview")):
        widget.add_class(name)

    def current():
        return build_argument(claim.value, selected, reasoning.value,
                              question_by_id(question.value), cards)

    def refresh(_change=None) -> None:
        arg = current()
        chosen.options = [(f"E{i + 1} \u00b7 {e.label}", e.id) for i, e in
                          enumerate(_ordered(arg.evidence))]
        summary.value = _chosen_summary(arg.evidence)
        preview.value = ('<div style="border:1px solid #999;padding:0.5em 1em;margin:0.5em 0">'
                         "<p><strong>Your argument</strong></p>"
                         f"{argument_html(arg, heading_level=4)}</div>")

    def on_show(change) -> None:
        kind = change["new"]
        visible = [c for c in cards if kind == SHOW_ALL or c.kind == kind]
        evidence.value = ()
        evidence.options = [(c.label, c.id) for c in visible]

    def on_highlight(change) -> None:
        detail.value = _detail_html([by_id[i] for i in change["new"] if i in by_id])

    def on_add(_=None) -> None:
        new = [i for i in evidence.value if i not in selected]
        if not evidence.value:
            feedback.value = note_html("Highlight a piece of evidence in the list first.")
            return
        selected.extend(new)
        feedback.value = ""
        refresh()

    def on_remove(_=None) -> None:
        gone = set(chosen.value)
        if not gone:
            feedback.value = note_html("Highlight a piece of evidence in My evidence first.")
            return
        selected[:] = [i for i in selected if i not in gone]
        refresh()

    def on_check(_=None) -> None:
        problems = argument_problems(current())
        refresh()
        if problems:
            items = "".join(f"<li>{escape(p)}</li>" for p in problems)
            feedback.value = note_html(f"<p><strong>Before you save, look at this:</strong></p>"
                                   f"<ul>{items}</ul>", OKABE_ITO["orange"])
        else:
            feedback.value = note_html(f"<p>{escape(ALL_PARTS_PRESENT)}</p>", OKABE_ITO["bluish green"])

    def on_save(_=None) -> None:
        if presenting():
            status.value = note_html(escape(PRESENTATION_NOTICE), OKABE_ITO["orange"])
            return
        who = learner or responses.current_learner()
        arg = current()
        try:
            saved = responses.save_answer(ANSWER_ID, arg.as_answer(), learner=who,
                                          notebook=NOTEBOOK)
        except (OSError, ValueError) as err:
            status.value = note_html(f"Your argument could not be saved: {escape(err)}. It is still "
                                 "here while this notebook is open.", OKABE_ITO["vermillion"],
                                 role="alert")
            return
        status.value = done_html(f'Saved for <b dir="auto">{escape(who)}</b> at '
                                 f'{escape(saved.entry["saved"])}.', saved.notices)

    question.observe(refresh, names="value")
    claim.observe(refresh, names="value")
    reasoning.observe(refresh, names="value")
    show.observe(on_show, names="value")
    evidence.observe(on_highlight, names="value")
    add_button.on_click(on_add)
    remove_button.on_click(on_remove)
    check_button.on_click(on_check)
    save_button.on_click(on_save)
    if picker is not None and hasattr(picker, "question"):
        if saved is None:
            question.value = picker.question.value
        else:
            picker.question.value = question.value
        w.link((picker.question, "value"), (question, "value"))
    refresh()
    if saved is not None:
        status.value += note_html("Your saved argument is shown. Change it if you like, then press "
                              "Save again.", OKABE_ITO["sky blue"])

    box = w.VBox([
        question, claim,
        w.HTML("<p><strong>Choose your evidence.</strong> Click pieces in the list to read "
               "them in full, then press <em>Add to my evidence</em>.</p>"
               '<details class="ps-keyboard-note"><summary>Keyboard</summary><p>Ctrl+click '
               "highlights several pieces. From the keyboard, Home and End highlight the first "
               "or last piece; Ctrl+\u2193 and Ctrl+\u2191 move without highlighting, and "
               "Ctrl+Space highlights or unhighlights the piece you are on.</p></details>"),
        show, evidence, w.HBox([add_button]), detail, chosen, w.HBox([remove_button]), summary,
        reasoning, w.HBox([check_button, save_button]), feedback, status, preview,
    ])
    box.add_class("ps-cer-builder")
    box.question, box.claim, box.show, box.evidence = question, claim, show, evidence
    box.add_button, box.chosen, box.remove_button = add_button, chosen, remove_button
    box.reasoning, box.check_button, box.feedback = reasoning, check_button, feedback
    box.save_button, box.status, box.preview = save_button, status, preview
    box.detail, box.summary = detail, summary
    box.selected_ids = selected
    box.argument = current
    return box


def _ordered(evidence: Sequence[Evidence]) -> list[Evidence]:
    """Evidence in the order the preview numbers it: by kind, then as chosen."""
    return [e for k in KINDS for e in evidence if e.kind == k]


def portfolio_button(learner: str | None = None) -> w.VBox:
    """A "Download my portfolio" button: one HTML page of the learner's work in every lesson.

    The page is written to ``responses/<name>-portfolio.html``; its path and a link are shown.
    The box carries ``button`` and ``output``.
    """
    button = w.Button(description="Download my portfolio", icon="download",
                      tooltip="Write all my work, lesson by lesson, to one web page",
                      layout=w.Layout(width="auto"))
    output = w.HTML()
    output.add_class("ps-portfolio-output")

    def export(_=None) -> None:
        if presenting():
            output.value = note_html(escape(PRESENTATION_NOTICE), OKABE_ITO["orange"])
            return
        who = learner or responses.current_learner()
        try:
            loaded = responses.read_answers(who)  # read once; a damaged file: moved aside, told
            notices = loaded.notices
            page = export_portfolio(who, portfolio_path(who), loaded.answers)
        except OSError as err:
            output.value = note_html(f"Your portfolio could not be written: {escape(err)}",
                                     OKABE_ITO["vermillion"], role="alert")
            return
        link = download_link(page, f"download {page.name}")
        output.value = done_html(f"Your portfolio is saved: {link}, or find it at "
                                 f"<code>{escape(page)}</code>. Hand it in, or keep it.", notices)

    button.on_click(export)
    box = w.VBox([button, output])
    box.add_class("ps-portfolio")
    box.button, box.output = button, output
    return box
