"""The blind first reading: read without the source, predict, then reveal and compare."""

from __future__ import annotations

import html

import ipywidgets as w

from primary_source import responses
from primary_source.reading import PREDICTIONS, blind_paragraphs, source_facts
from primary_source.record import Document, load_document

__all__ = ["blind_text", "prediction_board"]

NOTEBOOK = "00_start_here"


def blind_text(doc: Document | None = None) -> w.VBox:
    """The body with title, citation, signature, footer and editor's brackets taken out."""
    doc = doc or load_document()
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in blind_paragraphs(doc))
    box = w.HTML(f'<div style="font-size:16px;line-height:1.6;max-width:48em">{paragraphs}</div>')
    return w.VBox([w.HTML("<strong>The text, without its source</strong>"), box])


def _save(exercise_id: str, answer) -> str | None:
    """Save a prediction as a learner's answer; return a warning to show, if any."""
    try:
        saved = responses.save_answer(exercise_id, answer, learner=responses.current_learner(),
                                      notebook=NOTEBOOK)
    except (OSError, ValueError) as err:
        return (f"Your predictions could not be saved ({err}). They are shown below while "
                "this notebook is open: copy them somewhere safe and tell your teacher.")
    return "; ".join(saved.notices) or None


def _previous_answers() -> tuple[dict, list[str]]:
    """The learner's saved answers, read once (``{exercise_id: answer}``), and what to tell."""
    try:
        loaded = responses.read_answers(responses.current_learner())
    except OSError as err:
        return {}, [f"Your saved answers cannot be read: {err}"]
    return {key: entry.get("answer") for key, entry in loaded.answers.items()}, loaded.notices


def _warnings_html(messages) -> str:
    return "".join(f"<p role='alert'><strong>Warning:</strong> {html.escape(m)}</p>"
                   for m in messages if m)


def prediction_board(doc: Document | None = None) -> w.VBox:
    """Four guesses (author, audience, purpose, date) and a clue box, then "Reveal the source".

    Every guess is saved as the learner's answer when the source is revealed, and a reopened
    notebook shows the guesses made before.
    """
    doc = doc or load_document()
    facts = source_facts(doc)
    previous, told = _previous_answers()
    pickers = {}
    for p in PREDICTIONS:
        before = previous.get(p.id)
        pickers[p.id] = w.Dropdown(options=("\u2014 choose \u2014",) + p.options,
                                   value=before if before in p.options else "\u2014 choose \u2014",
                                   description=p.label, style={"description_width": "16em"},
                                   layout=w.Layout(width="36em"))
    clues = w.Textarea(value=previous.get("00-predict-clues") or "",
                       placeholder="Which words or details made you guess?",
                       description="Your clues", continuous_update=False,  # see TextControl
                       layout=w.Layout(width="36em", height="6em"))
    reveal = w.Button(description="Reveal the source", button_style="primary", icon="eye",
                      layout=w.Layout(width="auto"),
                      tooltip="Save your guesses and show what the record says")
    result = w.HTML(_warnings_html(told))  # a damaged answers file was moved aside
    result.add_class("ps-reveal")

    def on_reveal(_):
        warnings = []
        rows = []
        for p in PREDICTIONS:
            guess = pickers[p.id].value
            warnings.append(_save(p.id, guess))
            rows.append(f"<tr><th scope='row'>{html.escape(p.label)}</th>"
                        f"<td>{html.escape(guess)}</td><td>{html.escape(facts[p.reveal])}</td></tr>")
        warnings.append(_save("00-predict-clues", clues.value))
        warnings = list(dict.fromkeys(warnings))  # one failing folder: one message
        rows.append("<tr><th scope='row'>Your clues</th>"
                    f"<td colspan='2'>{html.escape(clues.value) or '(none written)'}</td></tr>")
        notes = _warnings_html(warnings)
        result.value = (
            f"{notes}<p><strong>Revealed:</strong> {html.escape(facts['title'])}</p>"
            "<table><caption>Your predictions beside the source</caption>"
            "<thead><tr><th scope='col'>Question</th><th scope='col'>Your prediction</th>"
            "<th scope='col'>What the record says</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            f"<p><strong>Citation:</strong> {html.escape(facts['citation'])}</p>"
            + ("" if any(warnings) else "<p><em>Your predictions are saved.</em></p>"))

    reveal.on_click(on_reveal)
    return w.VBox(list(pickers.values()) + [clues, reveal, result])
