"""Widgets for the provenance lesson: citation decoder, journey explorer, text layers."""

from __future__ import annotations

import html

import ipywidgets as widgets

from primary_source.archive_levels import decode_citation
from primary_source.chainchart import chain_svg
from primary_source.citing import display_citation
from primary_source.editorial import text_layers
from primary_source.journey import chain_description, chain_frame
from primary_source.metadata import date_label, load_metadata
from primary_source.notices import needs_metadata, notice_html
from primary_source.palette import OKABE_ITO
from primary_source.record import load_document
from primary_source.telegram import parse_telegram
from primary_source.ui.images import chart_view, show_image
from primary_source.ui.notes import escape_words

__all__ = ["citation_decoder", "journey_explorer", "text_layers_view"]

_BOX = ("border:1px solid #767676; border-radius:4px; padding:8px 12px; margin:4px 0; "
        "max-width:60em; line-height:1.45")
_PUZZLE_BOX = (f"border:3px solid {OKABE_ITO['vermillion']}; border-radius:4px; "
               "padding:8px 12px; margin:4px 0; max-width:60em; background:#fff7ef; color:#000")


def _caption(text: str) -> str:
    return f'<p class="ps-caption" role="status"><strong>{escape_words(text)}</strong></p>'


def _words(value) -> str:
    """A curated text on one line."""
    return " ".join(str(value or "").split())


def _date_puzzle(meta) -> tuple[dict, str]:
    """The record's ``date_puzzle:`` and the note of the chain step that explains it."""
    puzzle = dict((meta.get("date_puzzle") if meta is not None else None) or {})
    steps = meta.chain() if puzzle else []
    step = next((s for s in steps if s["id"] == puzzle.get("step")), None)
    return (puzzle, _words(step.get("note"))) if step is not None else ({}, "")


def citation_decoder(doc=None, meta=None) -> widgets.VBox:
    """A dropdown of every part of the citation (each level of each archive, the address,
    the date); the panel below says what the value is, what it means and why it matters.

    The caption line reads like ``APRF › fond 45: collection``. A record without curated
    metadata is decoded in general terms, with a note saying what the metadata would add.
    """
    doc = doc if doc is not None else load_document()
    meta = meta if meta is not None else _metadata_or_none()
    frame = decode_citation(doc, meta)
    entries: list[dict] = []
    for row in frame.itertuples(index=False):
        entries.append({"option": f"{row.archive} › {row.level} {row.value}"
                        if row.level != "archive" else f"{row.archive} (archive)",
                        "caption": row.caption, "value": row.value, "label": row.label,
                        "meaning": row.meaning, "why": row.why_it_matters})
    quirks = meta.quirks() if meta is not None else []
    quirk = next((q for q in quirks if q.get("kind") == "address"), None)
    stable = f" The stable address is {meta.stable_url}." if meta is not None else ""
    entries.append({
        "option": "Address (URL)", "caption": "Address: where the record is published online",
        "value": doc.url or "(none given)", "label": "address = web page",
        "meaning": (f"The citation's address is {doc.url or 'not given'}. "
                    + (_words(quirk["explanation"]) if quirk else "")
                    + stable),
        "why": "An address lets anyone check the text you quote; a test copy can vanish or "
               "change, so cite the stable address and the date you consulted it."})
    puzzle, explained = _date_puzzle(meta)
    if puzzle:
        entries.append({
            "option": "Date", "caption": "Date: when the telegram was written and registered",
            "value": date_label(doc.date.isoformat()), "label": "date = registration date",
            "meaning": _words(puzzle["registered"]),
            "why": f"{_words(puzzle['not_when_heard'])} {explained}"})
    else:
        entries.append(_date_entry(doc))

    dropdown = widgets.Dropdown(
        options=[(entry["option"], i) for i, entry in enumerate(entries)], value=1,
        description="Part of the citation", style={"description_width": "initial"},
        layout=widgets.Layout(width="32em"))
    caption = widgets.HTML()
    panel = widgets.HTML()
    citation = widgets.HTML(
        f'<p><strong>The citation as published:</strong> {escape_words(doc.citation)}</p>'
        f'<p><strong>Cite it as:</strong> {escape_words(display_citation(doc, meta))}</p>')

    def show(change=None):
        entry = entries[dropdown.value]
        caption.value = _caption(entry["caption"])
        panel.value = (f'<div style="{_BOX}">'
                       f"<p><strong>Value:</strong> {escape_words(entry['value'])} "
                       f"<em>({escape_words(entry['label'])})</em></p>"
                       f"<p><strong>What it means:</strong> {escape_words(entry['meaning'])}</p>"
                       f"<p><strong>Why it matters:</strong> {escape_words(entry['why'])}</p></div>")

    dropdown.observe(show, names="value")
    show()
    parts = [citation, dropdown, caption, panel]
    if meta is None:
        parts.append(widgets.HTML(notice_html(
            "The decoder explains each level in general terms. " + needs_metadata()
            + " Curated metadata adds what each archive and fond is, the neighbours of the "
            "document in its file, and the record's stable address.")))
    box = widgets.VBox(parts)
    box.add_class("ps-citation-decoder")
    return box


def _metadata_or_none():
    """The chosen record's curated metadata, or None when it has none yet."""
    try:
        return load_metadata()
    except FileNotFoundError:
        return None


def _date_entry(doc) -> dict:
    """The citation decoder's "Date" entry for any record, from its title and footer."""
    telegram = parse_telegram(doc)
    footer = f" The record's last line reads \u201c{telegram.footer}\u201d." if telegram.footer else ""
    differs = (telegram.footer_date is not None and telegram.footer_date != doc.date)
    return {
        "option": "Date", "caption": "Date: the date the record gives",
        "value": date_label(doc.date.isoformat()), "label": "date = the record's date",
        "meaning": "The date in the title and citation is the one the archive gives the record, "
                   "usually taken from the document itself." + footer
                   + (" Its footer gives another date: compare the two." if differs else ""),
        "why": "A message has several dates: written, registered, sent, received, read. Ask "
               "which one this is before you place the record on a timeline."}


def journey_explorer(meta=None) -> widgets.VBox:
    """Step through the telegram's journey with a slider or Previous/Next buttons.

    Shows the chain diagram with the current step highlighted, the step's details, a marked
    "Date puzzle" box for the steps of 28 and 29 August, and the diagram's text alternative.
    A record without curated metadata gets a box that says so instead.
    """
    meta = meta if meta is not None else _metadata_or_none()
    if meta is None:
        box = widgets.VBox([widgets.HTML(notice_html(needs_metadata()))])
        box.add_class("ps-journey-explorer")
        return box
    frame = chain_frame(meta)
    n = len(frame)
    date_puzzle, puzzle_note = _date_puzzle(meta)
    heading = f": {escape_words(_words(date_puzzle['heading']))}" if date_puzzle else ""

    slider = widgets.IntSlider(value=1, min=1, max=n, step=1, description="Step",
                               continuous_update=False,
                               layout=widgets.Layout(width="30em"))
    previous = widgets.Button(description="Previous", icon="arrow-left",
                              tooltip="Go to the previous step")
    following = widgets.Button(description="Next", icon="arrow-right",
                               tooltip="Go to the next step")
    caption = widgets.HTML()
    chart = chart_view(min_height="300px")
    details = widgets.HTML()
    puzzle = widgets.HTML()
    alternative = widgets.HTML(
        "<details><summary>Text description of the diagram</summary><ol>"
        + "".join(f"<li>{escape_words(step)}</li>" for step in chain_description(meta).steps)
        + "</ol></details>")

    def show(change=None):
        row = frame.iloc[slider.value - 1]
        previous.disabled = slider.value == 1
        following.disabled = slider.value == n
        caption.value = _caption(f"Step {row['step_no']} of {n}: {row['step']} "
                                 f"({row['date_label']})")
        note = (f"<p><strong>Note:</strong> {escape_words(row['note'])}</p>"
                if row["note"] and not row["date_puzzle"] else "")
        details.value = (f'<div style="{_BOX}">'
                         f"<p><strong>When:</strong> {escape_words(row['date_label'])} "
                         f"(known to the {escape_words(row['precision'])})</p>"
                         f"<p><strong>Who:</strong> {escape_words(row['actor'])}</p>"
                         f"<p><strong>By which means:</strong> {escape_words(row['means'])}</p>"
                         f"<p><strong>What happened:</strong> {escape_words(row['description'])}</p>"
                         f"{note}<p><small><strong>Source:</strong> {escape_words(row['source'])}"
                         f"</small></p></div>")
        if row["date_puzzle"]:
            explains = row["id"] == date_puzzle.get("step")
            step_note = escape_words(row["note"]) if row["note"] and not explains else ""
            puzzle.value = (
                f'<div style="{_PUZZLE_BOX}" role="note" aria-label="Date puzzle">'
                f"<p><strong>⚠ Date puzzle{heading}</strong></p>"
                + (f"<p>{escape_words(_words(date_puzzle['summary']))}</p>" if date_puzzle else "")
                + (f"<p>{step_note}</p>" if step_note else "")
                + f"<p>{escape_words(puzzle_note)}</p></div>")
        else:
            puzzle.value = ""
        show_image(chart, lambda: chain_svg(meta, int(row["step_no"]), frame).encode("utf-8"),
                   f"Diagram of the telegram's journey, step {row['step_no']} of {n} "
                   f"highlighted: {row['step']}. The steps are listed under Text description "
                   "of the diagram.", "image/svg+xml")

    def go(delta):
        slider.value = min(n, max(1, slider.value + delta))

    previous.on_click(lambda _button: go(-1))
    following.on_click(lambda _button: go(1))
    slider.observe(show, names="value")
    show()
    controls = widgets.HBox([previous, slider, following])
    box = widgets.VBox([controls, caption, chart, alternative, details, puzzle])
    box.add_class("ps-journey-explorer")
    return box


_LAYERS = {
    "As published": "published",
    "Without editor's brackets": "plain",
    "Brackets highlighted": "highlighted",
}
_EXPLAIN = {
    "published": "The English translation exactly as the archive publishes it, the editor's "
                 "[brackets] included.",
    "plain": "The same text with every [bracketed] insertion taken out: closer to what the "
             "telegram itself said (in translation).",
    "highlighted": "Each insertion is highlighted and followed by the label [editor]: these "
                   "words were added by the translator or editor, not by the author.",
}


def text_layers_view(doc=None) -> widgets.VBox:
    """Toggle between the published text, the text without the editor's brackets, and the
    text with each bracket highlighted and labelled "[editor]"."""
    doc = doc if doc is not None else load_document()
    layers = text_layers(doc)
    toggle = widgets.ToggleButtons(
        options=list(_LAYERS), value="As published", description="Layer",
        tooltips=[_EXPLAIN[key] for key in _LAYERS.values()],
        style={"button_width": "auto"})
    caption = widgets.HTML()
    panel = widgets.HTML()
    style = ("<style>.ps-editorial{background:#F0E442;color:#000;padding:0 2px;"
             "border-bottom:2px solid #000}.ps-editor-cue{font-size:85%;font-weight:bold}"
             "</style>")

    def show(change=None):
        key = _LAYERS[toggle.value]
        text = layers[key] if key == "highlighted" else html.escape(layers[key])
        caption.value = _caption(f"Layer: {toggle.value}. {_EXPLAIN[key]}")
        panel.value = (f'{style}<div class="ps-text-layer" style="{_BOX};white-space:pre-wrap">'
                       f"{text}</div>")

    toggle.observe(show, names="value")
    show()
    box = widgets.VBox([toggle, caption, panel])
    box.add_class("ps-text-layers")
    return box
