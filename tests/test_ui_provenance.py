"""The provenance widgets respond as a student clicks and chooses."""

from __future__ import annotations

import ipywidgets as widgets

from primary_source.ui.provenance import citation_decoder, journey_explorer, text_layers_view


def find(box, kind, description=None):
    """The first widget of a kind (and description) anywhere inside a box."""
    stack = [box]
    while stack:
        widget = stack.pop(0)
        if isinstance(widget, kind) and (description is None
                                         or getattr(widget, "description", None) == description):
            return widget
        stack.extend(getattr(widget, "children", ()))
    raise LookupError(f"no {kind.__name__} {description or ''} in the box")


def htmls(box):
    found, stack = [], [box]
    while stack:
        widget = stack.pop(0)
        if isinstance(widget, widgets.HTML):
            found.append(widget.value)
        stack.extend(getattr(widget, "children", ()))
    return "\n".join(found)


# ---------------------------------------------------------------- citation decoder


def test_the_citation_decoder_lists_every_level_plus_address_and_date():
    box = citation_decoder()
    assert isinstance(box, widgets.VBox)
    dropdown = find(box, widgets.Dropdown, "Part of the citation")
    labels = [label for label, _ in dropdown.options]
    assert "APRF › fond 45" in labels and "AVPRF › papka 11" in labels
    assert "APRF › listy 5-6, 10-11" in labels
    assert labels[-2:] == ["Address (URL)", "Date"]
    assert len(labels) == 13


def test_the_decoder_opens_on_fond_45_with_its_caption():
    box = citation_decoder()
    shown = htmls(box)
    assert "APRF › fond 45: collection" in shown
    assert "What it means" in shown and "Why it matters" in shown


def test_choosing_a_part_changes_the_panel_and_caption():
    box = citation_decoder()
    dropdown = find(box, widgets.Dropdown, "Part of the citation")
    dropdown.value = dict(dropdown.options)["AVPRF › papka 11"]
    shown = htmls(box)
    assert "AVPRF › papka 11: box" in shown and "fond 45: collection" not in shown
    dropdown.value = dict(dropdown.options)["Address (URL)"]
    shown = htmls(box)
    assert "dvincitest.com" in shown and "https://digitalarchive.wilsoncenter.org/document/110696" in shown
    dropdown.value = dict(dropdown.options)["Date"]
    assert "28 August 1950" in htmls(box) and "29.8.50" in htmls(box)


# ---------------------------------------------------------------- journey explorer


def journey():
    box = journey_explorer()
    slider = find(box, widgets.IntSlider, "Step")
    previous = find(box, widgets.Button, "Previous")
    following = find(box, widgets.Button, "Next")
    return box, slider, previous, following


def test_the_journey_starts_at_step_one_with_previous_disabled():
    box, slider, previous, following = journey()
    assert (slider.value, slider.min, slider.max) == (1, 1, 9)
    assert previous.disabled and not following.disabled
    assert "Step 1 of 9: Drafted and registered (28 August 1950)" in htmls(box)
    assert "<img alt=\"Diagram of the telegram&#x27;s journey, step 1 of 9 highlighted" in htmls(box)


def test_next_and_previous_step_through_the_chain():
    box, slider, previous, following = journey()
    following.click()
    following.click()
    assert slider.value == 3
    assert "Step 3 of 9: Received and deciphered in Pyongyang" in htmls(box)
    assert "step 3 of 9 highlighted: Received and deciphered" in htmls(box)  # the diagram's alt
    previous.click()
    assert slider.value == 2 and "Step 2 of 9: Enciphered and sent" in htmls(box)


def test_the_date_puzzle_box_shows_for_28_and_29_august_only():
    box, slider, _previous, _following = journey()
    slider.value = 3
    shown = htmls(box)
    assert "Date puzzle: 28 or 29 August?" in shown and "six hours" in shown
    slider.value = 5
    assert "Date puzzle" not in htmls(box).split("</details>", 1)[1]
    assert "Reported back to Moscow" in htmls(box)


def test_the_last_step_disables_next():
    box, slider, previous, following = journey()
    slider.value = slider.max
    assert following.disabled and not previous.disabled
    following.click()
    assert slider.value == slider.max
    assert "record 110696" in htmls(box)


def test_the_diagram_has_a_text_alternative_beside_it():
    box, *_ = journey()
    shown = htmls(box)
    assert "Text description of the diagram" in shown
    for step in ("Drafted and registered", "Delivered orally to Kim Il Sung",
                 "Declassified and released by Russia", "Published online as record 110696"):
        assert step in shown


# ---------------------------------------------------------------- text layers


def test_the_text_layers_start_as_published():
    box = text_layers_view()
    toggle = find(box, widgets.ToggleButtons, "Layer")
    assert list(toggle.options) == ["As published", "Without editor's brackets",
                                    "Brackets highlighted"]
    assert toggle.value == "As published"
    assert "Feng Xi [Stalin]" in htmls(box) and "<mark" not in htmls(box)


def test_switching_layers_removes_then_highlights_the_brackets():
    box = text_layers_view()
    toggle = find(box, widgets.ToggleButtons, "Layer")
    toggle.value = "Without editor's brackets"
    shown = htmls(box)
    assert "[Stalin]" not in shown and "Feng Xi" in shown
    toggle.value = "Brackets highlighted"
    shown = htmls(box)
    assert shown.count('<mark class="ps-editorial"') == 2
    assert shown.count("[editor]") >= 2
    assert "Layer: Brackets highlighted" in shown


def test_every_control_is_labelled():
    for box in (citation_decoder(), journey_explorer(), text_layers_view()):
        stack = [box]
        while stack:
            widget = stack.pop()
            if isinstance(widget, (widgets.Dropdown, widgets.IntSlider, widgets.Button,
                                   widgets.ToggleButtons)):
                assert widget.description, widget
            stack.extend(getattr(widget, "children", ()))
