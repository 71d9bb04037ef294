"""What a student sees in the close-reading widgets when they change a control."""

from __future__ import annotations

import html as html_module
import re

import ipywidgets as w
import pytest

from primary_source.ui import close_reading
from primary_source.ui.close_reading import (
    LAYERS,
    close_reader,
    kwic_explorer,
    kwic_table_html,
    word_use_chart,
)


def visible(markup: str) -> str:
    """The text a reader sees in an HTML value: tags dropped, entities decoded."""
    return html_module.unescape(re.sub(r"<[^>]+>", "", markup))


def controls(box):
    """Every control inside a box, by its description."""
    found = {}
    stack = [box]
    while stack:
        widget = stack.pop()
        if getattr(widget, "description", None):
            found[widget.description] = widget
        stack.extend(getattr(widget, "children", ()))
    return found


# --- reader ----------------------------------------------------------------------------------

def test_the_reader_opens_on_point_1_with_every_control_labelled():
    reader = close_reader()
    assert isinstance(reader, w.VBox)
    assert {"Point", "Layer", "Define a term", "Text size"} <= set(controls(reader))
    assert reader.point.label == "Point 1"
    assert list(reader.layer.options) == list(LAYERS)
    assert "The CC VKP(b)" in visible(reader.page.value)


def test_the_layers_show_brackets_then_hide_them_then_the_adapted_text():
    reader = close_reader()
    assert "[Central Committee" in visible(reader.page.value)  # as published
    reader.layer.value = "Without editor's brackets"
    assert "[Central Committee" not in visible(reader.page.value)
    assert "The CC VKP(b) salutes" in visible(reader.page.value)
    reader.layer.value = "Adapted"
    shown = visible(reader.page.value)
    assert "Kim Il Sung" in shown and "Kim II Sung" not in shown
    assert "became" in reader.changes.value  # the list of changes for this paragraph
    assert "adapted" in reader.caption.value


def test_the_adapted_layer_explains_itself_when_the_metadata_has_none(monkeypatch):
    monkeypatch.setattr(close_reading, "adapted_version", lambda doc_id=None: None)
    reader = close_reader()
    reader.layer.value = "Adapted"
    assert "no <code>adapted:</code> section" in reader.page.value


def test_changing_the_point_changes_the_text_and_the_terms_offered():
    reader = close_reader()
    reader.point.value = next(i for label, i in reader.point.options if label == "Point 3")
    assert "Advise Comrade Kim II Sung" in visible(reader.page.value)
    offered = [value for _, value in reader.term.options]
    assert "assault aircraft" in offered and "fighter aircraft" in offered
    assert "VKP(b)" not in offered


def test_glossary_terms_are_marked_with_a_dotted_underline_and_a_tooltip():
    reader = close_reader()
    assert reader.page.value.count("<abbr") >= 5
    assert "underline dotted" in reader.page.value


def test_define_a_term_shows_its_definition_and_source_on_demand():
    reader = close_reader()
    assert "Choose a term" in reader.definition.value
    reader.term.value = "VKP(b)"
    assert "All-Union Communist Party" in reader.definition.value
    assert "Source:" in reader.definition.value


def test_the_text_size_slider_sets_the_font_size():
    from primary_source.ui.text_size import TextSize

    reader = close_reader(text_size=TextSize())  # not the kernel's shared setting
    reader.size.value = 26
    assert "font-size:26px" in reader.page.value
    assert "26px" in reader.caption.value


# --- keyword in context ----------------------------------------------------------------------

def test_kwic_explorer_answers_as_one_types_and_has_a_search_button():
    box = kwic_explorer()
    keyword = controls(box)["Keyword"]
    assert keyword.continuous_update is True, "each key press searches, no Enter needed"
    keyword.value = "Kor"
    assert "0 matches for &quot;Kor&quot;" in box.caption.value
    keyword.value = "Korea"
    assert "3 matches for &quot;Korea&quot;" in box.caption.value
    assert box.results.value.count("<mark><strong>Korea</strong></mark>") == 3
    assert box.search.description == "Search" and box.search in box.children[0].children
    box.caption.value = ""
    box.search.click()
    assert "3 matches for &quot;Korea&quot;" in box.caption.value


def test_kwic_explorer_context_slider_and_name_variants():
    box = kwic_explorer(keyword="Kim Il Sung")
    assert "0 matches" in box.caption.value
    assert "Other spellings" in box.results.value
    box.variants.value = True
    assert "6 matches" in box.caption.value
    ctl = controls(box)["Words of context"]
    ctl.value = 1
    assert len(box.table.iloc[0]["left"].split()) == 1


def test_kwic_explorer_escapes_what_the_learner_types():
    box = kwic_explorer(keyword="<b>Korea</b>")
    assert "<b>" not in box.caption.value and "&lt;b&gt;" in box.caption.value
    box.keyword.value = "   "
    assert "Type a word or phrase" in box.caption.value


def test_kwic_table_html_escapes_the_context():
    import pandas as pd

    table = pd.DataFrame([{"left": "<i>", "keyword": "x&y", "right": "</i>", "paragraph": 1,
                           "label": "Point 1"}])
    html = kwic_table_html(table)
    assert "&lt;i&gt;" in html and "x&amp;y" in html and "<i>" not in html


# --- word use --------------------------------------------------------------------------------

def test_word_use_chart_has_labelled_controls_a_table_and_a_caution():
    box = word_use_chart()
    assert {"Top words", "Leave out common words"} <= set(controls(box))
    assert box.chart.value.startswith('<img alt="Bar chart: The 10 most used words')
    assert "500 words" in box.caution.value and "translat" in box.caution.value
    assert box.table_html.value.count("<tr>") == 10 + 1  # header + ten words


@pytest.mark.parametrize("top", [3, 12])
def test_the_top_words_slider_changes_the_bars_and_the_table(top):
    box = word_use_chart()
    box.top.value = top
    assert box.svg.count('class="bar"') == top
    assert box.table_html.value.count("<tr>") == top + 1
    assert f"The {top} most used words" in box.caption.value
    assert f"Bar chart: The {top} most used words" in box.chart.value  # the image's alt text


def test_leaving_common_words_in_puts_the_at_the_top():
    box = word_use_chart()
    assert box.table.iloc[0]["word"] != "the"
    box.common.value = False
    assert box.table.iloc[0]["word"] == "the"
    assert "all words" in box.caption.value
