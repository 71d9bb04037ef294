"""The related-record cards as a widget: choose a record, read its card, and its full text if added."""

from __future__ import annotations

import html

import ipywidgets as widgets

from primary_source.record import load_document
from primary_source.related import RelatedCard, full_text_for, load_related, teacher_records
from primary_source.ui.notes import escape_words

__all__ = ["card_html", "related_records_view", "side_by_side_html"]

_BOX = ("border:1px solid #767676; border-radius:4px; padding:8px 12px; margin:4px 0; "
        "max-width:60em; line-height:1.45")
_COLUMN = ("flex:1 1 24em; min-width:18em; border:1px solid #767676; border-radius:4px; "
           "padding:8px 12px; white-space:pre-wrap; line-height:1.5")


def card_html(card: RelatedCard) -> str:
    """One card as escaped HTML: title, who to whom, date and times, citation, address,
    summary, the quoted phrases, how it bears on the telegram, and any caution.

    >>> from primary_source.related import load_related
    >>> "<q>" in card_html(load_related()[0])
    True
    """
    rows = [f"<h4 style='margin:0 0 6px 0'>{escape_words(card.title)}</h4>",
            f"<p><strong>From:</strong> {escape_words(card.sender)}<br>"
            f"<strong>To:</strong> {escape_words(card.recipient)}<br>"
            f"<strong>Date:</strong> {escape_words(card.date_label)}"
            + (f"<br><strong>Times in the record:</strong> {escape_words(card.times)}" if card.times
               else "") + "</p>",
            f"<p><strong>Summary (our words):</strong> {escape_words(card.summary)}</p>"]
    if card.quotes:
        items = "".join(f"<li><q>{escape_words(q)}</q></li>" for q in card.quotes)
        rows.append(f"<p><strong>In the record's own words:</strong></p><ul>{items}</ul>")
    rows.append(f"<p><strong>Beside the telegram:</strong> {escape_words(card.relation)}</p>")
    address = (f'<a href="{html.escape(card.url, quote=True)}" target="_blank" '
               f'rel="noopener">{escape_words(card.url)}</a>' if card.url
               else "<em>no permanent address verified</em>")
    rows.append(f"<p><strong>Citation:</strong> {escape_words(card.citation)}<br>"
                f"<strong>Permanent address:</strong> {address}<br>"
                f"<small>Read in: {escape_words(card.source)}</small></p>")
    if card.note:
        rows.append(f"<p><strong>Note:</strong> {escape_words(card.note)}</p>")
    return f'<div style="{_BOX}" role="region" aria-label="{escape_words(card.title)}">{"".join(rows)}</div>'


def side_by_side_html(left_title: str, left_text: str, right_title: str,
                      right_text: str) -> str:
    """Two texts in columns that wrap on a narrow screen, each with its heading; all escaped.

    >>> "&lt;b&gt;" in side_by_side_html("A", "<b>", "B", "text")
    True
    """
    def column(title: str, text: str) -> str:
        return (f'<div style="{_COLUMN}"><h4 style="margin:0 0 6px 0">{escape_words(title)}</h4>'
                f"{html.escape(text.strip())}</div>")

    return (f'<div style="display:flex; flex-wrap:wrap; gap:12px; max-width:72em">'
            f"{column(left_title, left_text)}{column(right_title, right_text)}</div>")


def related_records_view(cards: list[RelatedCard] | None = None, doc=None,
                         records: dict | None = None) -> widgets.VBox:
    """A dropdown of the related records; below it the chosen record's card and, when a
    teacher has added the record's full text to ``data/documents/``, that text beside the
    telegram's.

    The box offers ``.dropdown`` (its ``value`` is a card id), ``.card`` and ``.texts``
    (HTML widgets) for notebooks and tests.
    """
    cards = load_related() if cards is None else cards
    doc = load_document() if doc is None else doc
    records = teacher_records() if records is None else records
    dropdown = widgets.Dropdown(options=[(c.label, c.id) for c in cards],
                                value=cards[0].id if cards else None,
                                description="Related record",
                                style={"description_width": "initial"},
                                layout=widgets.Layout(width="44em"))
    card_view = widgets.HTML()
    texts = widgets.HTML()
    by_id = {c.id: c for c in cards}

    def show(change=None):
        card = by_id.get(dropdown.value)
        if card is None:
            card_view.value = "<p>No related records are listed.</p>"
            texts.value = ""
            return
        card_view.value = card_html(card)
        full = full_text_for(card, records)
        if full is None:
            name = card.document or card.id
            texts.value = (f"<p><em>The full text of this record is not in the lesson data. "
                           f"A teacher who has it can save it as "
                           f"<code>data/documents/{escape_words(name)}.txt</code> in the record format; "
                           f"it then appears here beside the telegram.</em></p>")
            return
        texts.value = side_by_side_html(f"The telegram: {doc.title}", doc.body,
                                        f"Beside it: {full.title}", full.body)

    dropdown.observe(show, names="value")
    show()
    heading = widgets.HTML(f"<p><strong>{len(cards)} records around the telegram.</strong> "
                           "Choose one to read its card; compare what it says with the "
                           "telegram.</p>")
    box = widgets.VBox([heading, dropdown, card_view, texts])
    box.add_class("ps-related-records")
    box.dropdown, box.card, box.texts = dropdown, card_view, texts
    return box
