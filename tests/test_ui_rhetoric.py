"""What a student sees in the rhetoric widgets: tagging against the key, the catalogue, the text."""

from __future__ import annotations

import textwrap
import uuid

import pytest

from primary_source import responses
from primary_source.exercises import exercises_for
from primary_source.rhetoric import NO_DEVICE, load_key, tag_units
from primary_source.ui.rhetoric import (
    ALL_DEVICES,
    annotated_text,
    device_catalogue,
    tagging_exercise,
)


@pytest.fixture(scope="module")
def key():
    return load_key()


@pytest.fixture
def learner():
    return "test-" + uuid.uuid4().hex[:8]


def tag(box, sentence, device):
    box.sentence.value = sentence
    box.device.value = device
    box.compare_button.click()


def test_the_tagging_exercise_starts_empty_with_labelled_controls(key, learner):
    box = tagging_exercise(key, learner=learner)
    assert box.sentence.description == "Sentence" and box.device.description == "Device"
    assert box.compare_button.description == "Compare with the key"
    assert box.show_tags.description == "Show all my tags"
    assert box.device.label == NO_DEVICE and box.device.value == ""
    assert [label for label, _ in box.device.options[1:]] == key.device_names
    assert "Agreement with the key: 0 of 0 tagged sentences" in box.agreement.value


def test_choosing_a_sentence_quotes_it_in_full(key, learner):
    box = tagging_exercise(key, learner=learner)
    box.sentence.value = "s07"
    assert "during the civil war and even more during the war with Germany." in \
        box.children[1].value


def test_a_matching_tag_shows_the_key_and_its_explanation(key, learner):
    box = tagging_exercise(key, learner=learner)
    tag(box, "s07", "historical analogy")
    assert "<strong>Match</strong>" in box.panel.value
    assert "The Russian Civil War that followed the revolution of 1917" in box.panel.value
    assert "Agreement with the key: 1 of 1 tagged sentence" in box.agreement.value


def test_a_different_device_shows_what_the_key_says_instead(key, learner):
    box = tagging_exercise(key, learner=learner)
    tag(box, "s07", "historical analogy")
    tag(box, "s14", "praise")
    assert "<strong>Different device</strong>" in box.panel.value
    assert "conditional offer" in box.panel.value
    assert "Agreement with the key: 1 of 2 tagged sentences" in box.agreement.value


def test_compare_without_a_choice_asks_for_one(key, learner):
    box = tagging_exercise(key, learner=learner)
    box.compare_button.click()
    assert "Choose a sentence first" in box.panel.value
    box.sentence.value = "s01"
    box.compare_button.click()
    assert "Choose a device first" in box.panel.value
    assert box.tags == {}


def test_show_all_my_tags_lists_every_tag_and_keeps_up_to_date(key, learner):
    box = tagging_exercise(key, learner=learner)
    box.show_tags.click()
    assert "You have not tagged any sentence yet" in box.tags_table.value
    tag(box, "s01", "secrecy and deniability")
    tag(box, "s06", "praise")
    box.show_tags.click()
    table = box.tags_table.value
    assert "<table" in table and table.count("<tr>") == 3
    assert "s06: In such a war continuous successes do not occur." in table
    assert "sweeping claim" in table and "Different device" in table
    tag(box, "s06", "sweeping claim")
    assert "Different device" not in box.tags_table.value
    assert "Agreement with the key: 2 of 2 tagged sentences" in box.agreement.value


def test_tags_are_saved_as_answers_and_come_back_in_a_new_session(key, learner):
    box = tagging_exercise(key, learner=learner)
    tag(box, "s12", "directive")
    saved = responses.load_answers(learner)["rhetoric-tag-s12"]
    assert saved["answer"] == "directive" and saved["correct"] is True
    assert saved["notebook"] == "04_rhetoric"
    again = tagging_exercise(key, learner=learner)
    assert "Agreement with the key: 1 of 1 tagged sentence" in again.agreement.value
    again.sentence.value = "s12"
    assert again.device.value == "directive" and "<strong>Match</strong>" in again.panel.value


def test_without_saving_the_tags_stay_in_memory(key, learner):
    box = tagging_exercise(key, learner=learner, save=False)
    tag(box, "s12", "directive")
    assert box.tags == {"s12": "directive"}
    assert responses.load_answers(learner) == {}


def answer_every_tagging_question(learner):
    for ex in exercises_for("04_rhetoric", "tagging"):
        responses.save_answer(ex.id, ex.device, learner=learner, notebook="04_rhetoric")


def test_the_device_catalogue_shows_definition_and_every_quote_in_context(key, learner):
    answer_every_tagging_question(learner)
    box = device_catalogue(key, learner=learner)
    assert box.device.description == "Device"
    box.device.value = "historical analogy"
    view = box.view.value
    assert "3 passages in the key" in view and view.count("<mark") == 3
    assert "the Anglo-French-American intervention in 1919</mark>" in view
    box.device.value = "conditional offer"
    assert "1 passage in the key" in box.view.value
    assert "historical analogy</h4>" not in box.view.value


def test_the_annotated_text_filters_by_device_with_labels_not_only_colour(key, learner):
    answer_every_tagging_question(learner)
    box = annotated_text(key, learner=learner)
    assert box.show.description == "Show" and box.show.value == ALL_DEVICES
    assert box.view.value.count("<mark") == len(key.annotations)
    assert f"Marked: {len(key.annotations)} passages" in box.caption.value
    box.show.value = "naming the enemy"
    assert box.view.value.count("<mark") == 5
    assert box.view.value.count("[naming the enemy]</sup>") == 5
    assert "Marked: 5 passages (naming the enemy)" in box.caption.value


def test_the_key_does_not_label_a_tagging_question_s_passage_before_it_is_tagged(key, learner):
    asked = exercises_for("04_rhetoric", "tagging")
    question = next(e for e in asked if e.quote == "even more during the war with Germany")
    marked = annotated_text(key, learner=learner)
    catalogue = device_catalogue(key, learner=learner)
    for device in {e.device for e in asked}:
        marked.show.value = device
        catalogue.device.value = device
        for ex in asked:
            if ex.device == device:
                marked_quote = f"{ex.quote}</mark>"
                assert marked_quote not in marked.view.value
                assert marked_quote not in catalogue.view.value
    marked.show.value = ALL_DEVICES
    text = marked.view.value
    kept = text.count("[tag it first]</sup>")
    assert kept >= len(asked)
    withheld = text[:text.index(question.quote)][-400:] + text[text.index(question.quote):][:200]
    assert "historical analogy" not in withheld
    assert "tagging questions of section 6" in marked.caption.value
    catalogue.device.value = "historical analogy"
    assert "3 passages in the key; 2 of them are shown once you have answered" in \
        catalogue.view.value

    responses.save_answer(question.id, "historical analogy", learner=learner,
                          notebook="04_rhetoric")
    marked.refresh.click()
    assert marked.view.value.count("[tag it first]</sup>") < kept
    marked.show.value = "historical analogy"
    assert f"{question.quote}</mark>" in marked.view.value
    assert marked.view.value.count("<mark") == 3


def test_tagging_a_sentence_in_the_tagging_widget_also_shows_its_key(key, learner):
    box = tagging_exercise(key, learner=learner)
    unit = next(u for u in tag_units(key.text) if "Korea is not alone now" in u.text)
    tag(box, unit.id, "praise")
    marked = annotated_text(key, learner=learner)
    assert marked.view.value.count("[tag it first]</sup>") < \
        annotated_text(key, learner="nobody-" + learner).view.value.count("[tag it first]</sup>")


def test_hostile_text_in_a_key_is_escaped_in_every_widget(tmp_path, learner):
    text = "Intro.\n\n- 1. Say <script>alert(1)</script> now. We salute you all.\n"
    path = tmp_path / "rhetoric.yaml"
    path.write_text(textwrap.dedent("""\
        devices:
          - name: "<img src=x onerror=alert(2)>"
            definition: "<script>alert(4)</script>"
        annotations:
          - id: one
            quote: <script>alert(1)</script>
            device: "<img src=x onerror=alert(2)>"
            point: 1
            explanation: "</li><script>alert(3)</script>"
        """), encoding="utf-8")
    key = load_key(path, text=text)
    box = tagging_exercise(key, learner=learner, save=False)
    tag(box, "s01", "<img src=x onerror=alert(2)>")
    box.show_tags.click()
    catalogue = device_catalogue(key)
    marked = annotated_text(key)
    for html in (box.panel.value, box.tags_table.value, box.children[1].value,
                 catalogue.view.value, marked.view.value):
        assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in box.panel.value


def test_in_presentation_mode_a_tag_is_compared_but_not_saved(key, learner, monkeypatch):
    monkeypatch.setenv("PRIMARY_SOURCE_PRESENT", "1")
    box = tagging_exercise(key, learner=learner)
    tag(box, "s07", "historical analogy")
    assert "Match" in box.panel.value and "Presentation mode" in box.children[4].value
    monkeypatch.delenv("PRIMARY_SOURCE_PRESENT")
    assert responses.load_answers(learner) == {}
