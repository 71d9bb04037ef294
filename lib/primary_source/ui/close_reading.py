"""Close-reading widgets: the point-by-point reader with layers, keyword in context, word use."""

from __future__ import annotations

import html

import ipywidgets as w

from primary_source.glossary import define, find_terms, mark_terms_html
from primary_source.metadata import load_metadata
from primary_source.palette import OKABE_ITO
from primary_source.record import BRACKET_RE, Document, load_document
from primary_source.text import (
    DEFAULT_STOPWORDS,
    frequencies,
    kwic,
    paragraph_units,
    strip_editorial,
    word_use_svg,
    words,
)
from primary_source.ui.images import chart_view, show_image
from primary_source.ui.text_size import TextSize, large_print_switch, text_size_slider

__all__ = [
    "LAYERS",
    "CloseReader",
    "KwicExplorer",
    "WordUseChart",
    "close_reader",
    "kwic_explorer",
    "word_use_chart",
    "adapted_version",
    "kwic_table_html",
    "WORD_COUNT_CAUTION",
]

#: The three layers of the reader.
LAYERS = ("As published", "Without editor's brackets", "Adapted")

#: Shown under the word-use chart.
WORD_COUNT_CAUTION = (
    "Read these counts with care. The telegram has only about 500 words, so a word used three "
    "times instead of two changes its rank. The counts are of an English translation: the "
    "translator chose the words (and spelled the name \"Kim II Sung\", which is why \"ii\" "
    "appears), and a Russian word can become two English words or the other way round. Use the "
    "counts to find passages worth reading again, not as proof on their own."
)

_NO_TERM = ("Choose a term", "")


def _note(text: str, colour: str = OKABE_ITO["black"]) -> str:
    # The colour marks the edge, never the words: most Okabe-Ito colours are too light for
    # text on white (vermillion is 3.8:1, under the 4.5:1 that WCAG asks for).
    edge = "" if colour == OKABE_ITO["black"] else f"border-left:4px solid {colour};padding-left:0.6em;"
    return f'<p style="{edge}margin:0.3em 0">{text}</p>'


# --------------------------------------------------------------------------------------------
# The adapted version
# --------------------------------------------------------------------------------------------

def adapted_version(doc_id: str | None = None) -> dict | None:
    """The metadata's adapted reading version (``paragraphs`` and ``changes``), or ``None``.

    ``None`` when the metadata file is missing, broken, or has no ``adapted:`` section yet.
    """
    try:
        adapted = load_metadata(doc_id).adapted()
    except (FileNotFoundError, KeyError, ValueError, TypeError):
        return None
    if not isinstance(adapted, dict) or not adapted.get("paragraphs"):
        return None
    return adapted


def _overlap(a: str, b: str) -> float:
    first = {x.casefold() for x in words(a) if x.casefold() not in DEFAULT_STOPWORDS}
    second = {x.casefold() for x in words(b) if x.casefold() not in DEFAULT_STOPWORDS}
    return len(first & second) / len(first) if first else 0.0


def _matching_adapted(unit: dict, adapted: dict) -> dict | None:
    """The adapted paragraph for a published one: same point number, else most words shared."""
    paragraphs = [p for p in adapted.get("paragraphs", []) if isinstance(p, dict)]
    if unit["number"] is not None:
        return next((p for p in paragraphs if p.get("number") == unit["number"]), None)
    loose = [p for p in paragraphs if p.get("number") is None]
    scored = [(_overlap(strip_editorial(unit["text"]), str(p.get("text", ""))), i)
              for i, p in enumerate(loose)]
    if not scored:
        return None
    score, best = max(scored)
    return loose[best] if score >= 0.25 else None


def _changes_html(paragraph: dict, adapted: dict) -> str:
    label = str(paragraph.get("label", ""))
    rows = []
    for change in adapted.get("changes", []) or []:
        if isinstance(change, dict):
            if str(change.get("paragraph", "all")) not in (label, "all"):
                continue
            original = html.escape(str(change.get("original", "")))
            new = html.escape(str(change.get("adapted", "")))
            why = html.escape(str(change.get("why", "")))
            rows.append(f"<li>&ldquo;{original}&rdquo; became &ldquo;{new}&rdquo;"
                        + (f" <em>({why})</em>" if why else "") + "</li>")
        else:
            rows.append(f"<li>{html.escape(str(change))}</li>")
    if not rows:
        return ""
    return ("<details><summary>What was changed in this paragraph "
            f"({len(rows)} change{'s' if len(rows) != 1 else ''})</summary>"
            f"<ul>{''.join(rows)}</ul></details>")


# --------------------------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------------------------

def _published_html(text: str, brackets: bool) -> str:
    """Escaped HTML of a paragraph with glossary terms marked; editor's brackets set apart."""
    if not brackets:
        return mark_terms_html(strip_editorial(text))
    parts, last = [], 0
    for match in BRACKET_RE.finditer(text):
        parts.append(mark_terms_html(text[last:match.start()]))
        parts.append('<span class="ps-editorial" title="added by the translator or editor" '
                     'style="font-style:italic;background:#EEEEEE;color:#000;padding:0 0.15em">'
                     f"{mark_terms_html(match.group(0))}</span><sup>editor</sup>")
        last = match.end()
    parts.append(mark_terms_html(text[last:]))
    return "".join(parts)


class CloseReader(w.VBox):
    """The reader's box; its controls are attributes so tests and notebooks can drive them."""


def close_reader(doc: Document | None = None, text_size: TextSize | None = None) -> CloseReader:
    """Read the telegram point by point, in three layers, with the glossary at hand.

    Controls: "Point" (which paragraph), "Layer" (as published / without the editor's
    brackets / the adapted version from the metadata), "Define a term" (the definition and its
    source, for any glossary term in the paragraph), "Text size" and "Large print" (both the
    kernel's one shared text size unless ``text_size`` is given, so the timeline grows too).
    Glossary terms are marked with a dotted underline and explained in a tooltip.
    """
    doc = doc or load_document()
    units = paragraph_units(doc)
    adapted = adapted_version()
    first_point = next((u["index"] for u in units if u["number"] is not None), 0)

    point = w.Dropdown(options=[(u["label"], u["index"]) for u in units], value=first_point,
                       description="Point", layout=w.Layout(width="24em"))
    layer = w.ToggleButtons(options=list(LAYERS), value=LAYERS[0], description="Layer",
                            style={"button_width": "auto"},
                            tooltips=["The translation exactly as the archive published it",
                                      "The same text without the translator's [insertions]",
                                      "An easier version, with every change listed"])
    term = w.Dropdown(options=[_NO_TERM], value="", description="Define a term",
                      style={"description_width": "initial"}, layout=w.Layout(width="24em"))
    size = text_size_slider(text_size)
    large = large_print_switch(text_size)
    page, definition, caption, changes = w.HTML(), w.HTML(), w.HTML(), w.HTML()
    page.add_class("ps-close-page")
    caption.add_class("ps-close-caption")

    def current_text() -> tuple[str, str, dict | None]:
        """(plain text shown, HTML shown, adapted paragraph or None) for the current state."""
        unit = units[point.value]
        if layer.value == LAYERS[2]:
            if adapted is None:
                return "", "", None
            match = _matching_adapted(unit, adapted)
            if match is None:
                return "", "", {}
            text = str(match.get("text", ""))
            return text, mark_terms_html(text), match
        brackets = layer.value == LAYERS[0]
        plain = unit["text"] if brackets else strip_editorial(unit["text"])
        return plain, _published_html(unit["text"], brackets), None

    def show(_=None):
        unit = units[point.value]
        plain, body, match = current_text()
        changes.value = ""
        if layer.value == LAYERS[2] and adapted is None:
            body = _note("The adapted version is not available: the metadata file has no "
                         "<code>adapted:</code> section yet. Choose another layer.",
                         OKABE_ITO["vermillion"])
        elif layer.value == LAYERS[2] and not match:
            body = _note("The adapted version has no separate paragraph for this part of the "
                         "telegram.")
        elif match:
            changes.value = _changes_html(match, adapted)
        page.value = (f'<div lang="en" style="font-size:{int(size.value)}px;line-height:1.6;'
                      f'max-width:48em">{body}</div>')
        found = []
        for name, _, _ in find_terms(plain):
            if name not in found:
                found.append(name)
        keep = term.value if term.value in found else ""
        term.options = [_NO_TERM, *[(name, name) for name in sorted(found, key=str.casefold)]]
        term.value = keep
        marked = f"{len(found)} glossary term{'s' if len(found) != 1 else ''} marked"
        caption.value = (f"<em>{html.escape(unit['label'])}: {html.escape(layer.value.lower())}; "
                         f"{marked} with a dotted underline; text size {size.value}px</em>")
        describe()

    def describe(_=None):
        if not term.value:
            definition.value = _note("<em>Choose a term to see what it means and where the "
                                     "definition comes from.</em>")
            return
        found = define(term.value)
        if found is None:
            definition.value = ""
            return
        meaning, source = found
        definition.value = (
            f'<div role="region" aria-label="Definition" style="border-left:4px solid '
            f'{OKABE_ITO["blue"]};padding-left:0.6em;max-width:48em">'
            f"<p><strong>{html.escape(term.value)}</strong>: {html.escape(meaning)}</p>"
            f"<p><small>Source: {html.escape(source)}</small></p></div>")

    for control in (point, layer, size):
        control.observe(show, names="value")
    term.observe(describe, names="value")
    show()
    box = CloseReader([w.HBox([point, size, large]), layer, page, changes, caption, term, definition])
    box.point, box.layer, box.term, box.size = point, layer, term, size
    box.page, box.definition, box.caption, box.changes = page, definition, caption, changes
    return box


# --------------------------------------------------------------------------------------------
# Keyword in context
# --------------------------------------------------------------------------------------------

class KwicExplorer(w.VBox):
    """The keyword-in-context box; ``keyword``, ``window``, ``results``, ``caption`` and ``table``."""


def kwic_table_html(table) -> str:
    """A :func:`primary_source.text.kwic` table as escaped HTML, the keyword marked."""
    if table is None or not len(table):
        return ""
    rows = []
    for row in table.itertuples(index=False):
        where = row.label if isinstance(row.label, str) else ""
        pad = "padding:0.15em 0.5em"
        rows.append(
            f'<tr><td style="{pad}">{html.escape(where)}</td>'
            f'<td style="{pad};text-align:right">{html.escape(row.left)}</td>'
            f'<td style="{pad};text-align:center"><mark><strong>{html.escape(row.keyword)}'
            f'</strong></mark></td><td style="{pad}">{html.escape(row.right)}</td></tr>')
    return ('<table class="ps-kwic" style="border-collapse:collapse">'
            "<caption style=\"text-align:left\">Each line is one use of the keyword, "
            "with the words before and after it</caption>"
            '<thead><tr><th scope="col">Where</th><th scope="col" style="text-align:right">'
            'Before</th><th scope="col">Keyword</th><th scope="col" style="text-align:left">'
            f"After</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def kwic_explorer(doc: Document | None = None, keyword: str = "Korea") -> KwicExplorer:
    """Type a word or phrase and see every use of it with its context, as you type.

    Controls: "Keyword" (case does not matter; phrases allowed; the answer follows each key
    press; the "Search" button searches again), "Words of context" and
    "Other spellings of a name" (so "Kim Il Sung" also finds "Kim II Sung"). The caption
    says how many matches there are, e.g. ``3 matches for "Korea"``. The box carries
    ``keyword``, ``search``, ``window``, ``variants``, ``caption`` and ``results``.
    """
    doc = doc or load_document()
    box_keyword = w.Text(value=keyword, description="Keyword", continuous_update=True,
                         placeholder="a word or phrase")
    search = w.Button(description="Search", icon="search", tooltip="Find every use of the keyword",
                      layout=w.Layout(width="auto"))
    window = w.IntSlider(value=5, min=1, max=15, description="Words of context",
                         style={"description_width": "initial"})
    variants = w.Checkbox(value=False, description="Other spellings of a name", indent=False)
    caption, results = w.HTML(), w.HTML()
    caption.add_class("ps-kwic-caption")
    box = KwicExplorer()

    def show(_=None):
        wanted = box_keyword.value.strip()
        if not wanted:
            box.table = None
            caption.value = ('<p role="status">Type a word or phrase in the Keyword box.'
                             "</p>")
            results.value = ""
            return
        table = kwic(doc, wanted, window=window.value, variants=variants.value)
        box.table = table
        n = len(table)
        caption.value = (f'<p role="status"><strong>{n} match{"es" if n != 1 else ""} for '
                         f"&quot;{html.escape(wanted)}&quot;</strong></p>")
        results.value = kwic_table_html(table) or _note(
            "No whole-word matches. Try a shorter form of the word, or tick "
            "&ldquo;Other spellings of a name&rdquo;.")

    for control in (box_keyword, window, variants):
        control.observe(show, names="value")
    search.on_click(show)
    show()
    box.children = [w.HBox([box_keyword, search, window]), variants, caption, results]
    box.keyword, box.search, box.window, box.variants = box_keyword, search, window, variants
    box.caption, box.results = caption, results
    return box


# --------------------------------------------------------------------------------------------
# Word use
# --------------------------------------------------------------------------------------------

class WordUseChart(w.VBox):
    """The word-use box; ``top``, ``common``, ``chart``, ``table_html``, ``svg``, ``table``."""


def _counts_html(table) -> str:
    rows = "".join(f"<tr><td>{i}</td><td>{html.escape(r.word)}</td>"
                   f'<td style="text-align:right">{r.count}</td>'
                   f'<td style="text-align:right">{r.share:.1%}</td></tr>'
                   for i, r in enumerate(table.itertuples(index=False), start=1))
    return ('<table class="ps-word-counts"><caption style="text-align:left">'
            "The same counts as a table</caption><thead><tr><th scope=\"col\">Rank</th>"
            '<th scope="col">Word</th><th scope="col">Times used</th>'
            '<th scope="col">Share of all words</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def word_use_chart(doc: Document | None = None) -> WordUseChart:
    """The most used words of the telegram as a bar chart, with the counts as a table.

    Controls: "Top words" (how many bars) and "Leave out common words" (the stop-word list of
    :data:`primary_source.text.DEFAULT_STOPWORDS`). Counted in the telegram's text without the
    translator's [brackets]. A caution explains why such small counts need care.
    """
    doc = doc or load_document()
    text = doc.text(editorial=False)
    top = w.IntSlider(value=10, min=3, max=30, description="Top words")
    common = w.Checkbox(value=True, description="Leave out common words", indent=False)
    chart = chart_view(min_height="12em")
    caption, table_html = w.HTML(), w.HTML()
    caption.add_class("ps-word-caption")
    caution = w.HTML(_note(f"<strong>Caution.</strong> {html.escape(WORD_COUNT_CAUTION)}"))
    box = WordUseChart()

    def show(_=None):
        table = frequencies(text, stopwords=DEFAULT_STOPWORDS if common.value else None,
                            top=top.value)
        which = "common words left out" if common.value else "all words"
        title = f"The {len(table)} most used words ({which})"
        box.table = table
        caption.value = f'<p role="status"><em>Chart: {html.escape(title)}</em></p>'
        table_html.value = _counts_html(table)

        def draw() -> bytes:
            box.svg = word_use_svg(table, title=title)
            return box.svg.encode("utf-8")

        show_image(chart, draw,
                   f"Bar chart: {title}. The same counts are in the table below.",
                   "image/svg+xml")

    top.observe(show, names="value")
    common.observe(show, names="value")
    show()
    box.children = [w.HBox([top, common]), caption, chart, table_html, caution]
    box.top, box.common, box.chart = top, common, chart
    box.caption, box.table_html, box.caution = caption, table_html, caution
    return box
