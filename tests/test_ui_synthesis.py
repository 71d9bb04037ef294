"""What a student sees in the synthesis lesson: the question, the argument builder, the portfolio."""

from __future__ import annotations

import base64
import html
import re

import pytest
from ipywidgets import HTML

from primary_source import responses
from primary_source.exercises import load_bank
from primary_source.export import export_portfolio, lessons
from primary_source.synthesis import ALL_PARTS_PRESENT, ANSWER_ID, QUESTIONS, evidence_cards
from primary_source.ui.synthesis import (
    SHOW_ALL,
    cer_builder,
    corroboration_view,
    evidence_view,
    limits_view,
    portfolio_button,
    question_picker,
    rubric_view,
)

HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
RTL_EMOJI = "مرحبا، هذه حجتي — שלום 🤔📜✅"


@pytest.fixture(scope="module")
def cards():
    return evidence_cards()


@pytest.fixture
def answers(answers):
    """A private answers folder, with a learner who has told the notebook their name."""
    responses.set_current_learner("Ana")
    return answers


def choose(box, *ids):
    box.show.value = SHOW_ALL
    box.evidence.value = ids
    box.add_button.click()


def fill(box, claim="Moscow advised Kim closely but hid its part.",
         reasoning="E1 gives advice on the air force; E2, Shtykov's report, shows it arrived."):
    box.claim.value = claim
    choose(box, "doc-s12", "chain-reported")
    box.reasoning.value = reasoning


# --------------------------------------------------------------------------- the question


def test_the_question_picker_starts_on_the_main_question_and_gives_advice(answers):
    picker = question_picker()
    assert picker.question.description == "Question"
    assert picker.question.value == QUESTIONS[0].id
    assert "How far did Moscow direct" in picker.view.value
    picker.question.value = "hidden-role"
    assert "pseudonym" in picker.view.value


# --------------------------------------------------------------------------- the builder


def test_every_control_of_the_builder_has_a_label(answers, cards):
    box = cer_builder(cards=cards)
    assert box.question.description == "Question"
    assert box.claim.description == "Claim"
    assert box.show.description == "Show evidence from"
    assert box.evidence.description == "Evidence"
    assert box.chosen.description == "My evidence"
    assert box.reasoning.description == "Reasoning"
    assert box.check_button.description == "Check my argument"
    assert box.save_button.description == "Save"
    assert box.add_button.description == "Add to my evidence"
    assert [label for label, _ in box.show.options] == [SHOW_ALL, "the document",
                                                        "its provenance", "the timeline"]
    assert len(box.evidence.options) == len(cards)


def test_the_instructions_are_short_and_the_keyboard_help_sits_in_its_own_note(answers, cards):
    box = cer_builder(cards=cards)
    instructions = next(c.value for c in box.children
                        if isinstance(c, HTML) and "Choose your evidence" in c.value)
    lead, note = instructions.split("<details", 1)
    assert "Add to my evidence" in lead and "Ctrl" not in lead and "Home" not in lead
    assert "<summary>Keyboard</summary>" in note and "Ctrl+Space" in note


def test_the_filter_shows_one_kind_and_keeps_what_was_chosen(answers, cards):
    box = cer_builder(cards=cards)
    box.show.value = "document"
    assert all(value.startswith("doc-") for _, value in box.evidence.options)
    box.evidence.value = ("doc-s12",)
    assert "Advise Comrade Kim II Sung not to scatter the air force" in box.detail.value
    box.add_button.click()
    box.show.value = "provenance"
    assert all(not value.startswith("doc-") for _, value in box.evidence.options)
    box.evidence.value = ("chain-reported",)
    box.add_button.click()
    assert box.selected_ids == ["doc-s12", "chain-reported"]
    assert "2 pieces of evidence chosen" in box.summary.value
    assert [label[:2] for label, _ in box.chosen.options] == ["E1", "E2"]


def test_the_preview_shows_claim_evidence_and_reasoning_together(answers, cards):
    box = cer_builder(cards=cards)
    fill(box)
    preview = box.preview.value
    for text in ("Moscow advised Kim closely", "From the document", "From its provenance",
                 "Advise Comrade Kim II Sung", "Reported back to Moscow", "Shtykov's report"):
        assert html.escape(text) in preview, text
    assert preview.index("Claim") < preview.index("Evidence") < preview.index("Reasoning")


def test_check_my_argument_gives_gentle_feedback_then_confirms_a_complete_one(answers, cards):
    box = cer_builder(cards=cards)
    box.check_button.click()
    assert "Write your claim first" in box.feedback.value
    box.claim.value = "Moscow advised Kim."
    choose(box, "doc-s12")
    box.check_button.click()
    assert "Add at least one more" in box.feedback.value
    assert "Write your claim first" not in box.feedback.value
    choose(box, "chain-reported")
    box.reasoning.value = "E1 shows advice; E2 shows it was delivered."
    box.check_button.click()
    assert html.escape(ALL_PARTS_PRESENT) in box.feedback.value


def test_removing_evidence_takes_it_out_of_the_argument(answers, cards):
    box = cer_builder(cards=cards)
    fill(box)
    box.chosen.value = ("doc-s12",)
    box.remove_button.click()
    assert box.selected_ids == ["chain-reported"]
    assert "Advise Comrade" not in box.preview.value


def test_a_saved_argument_is_shown_again_in_a_new_builder(answers, cards):
    box = cer_builder(cards=cards)
    box.question.value = "kim-morale"
    fill(box)
    box.save_button.click()
    assert "Saved for" in box.status.value and "Ana" in box.status.value
    entry = responses.load_answers("Ana")[ANSWER_ID]
    assert entry["notebook"] == "05_synthesis"
    assert entry["answer"]["evidence"] == ["doc-s12", "chain-reported"]

    again = cer_builder(cards=cards)
    assert again.question.value == "kim-morale"
    assert again.claim.value == "Moscow advised Kim closely but hid its part."
    assert again.selected_ids == ["doc-s12", "chain-reported"]
    assert again.reasoning.value.startswith("E1 gives advice")
    assert "Your saved argument is shown" in again.status.value
    assert "Moscow advised Kim closely" in again.preview.value
    picker = question_picker()
    assert picker.question.value == "kim-morale"


def test_the_question_picker_and_the_builder_stay_in_step(answers, cards):
    picker = question_picker()
    box = cer_builder(picker, cards=cards)
    picker.question.value = "hidden-role"
    assert box.question.value == "hidden-role"
    assert "Why did Moscow keep its part" in box.preview.value


def test_hostile_text_is_escaped_and_rtl_and_emoji_survive_a_save(answers, cards):
    box = cer_builder(cards=cards)
    fill(box, claim=HOSTILE, reasoning=RTL_EMOJI)
    box.check_button.click()
    box.save_button.click()
    for shown in (box.preview.value, box.feedback.value, box.status.value):
        assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in box.preview.value and RTL_EMOJI in box.preview.value
    again = cer_builder(cards=cards)
    assert again.claim.value == HOSTILE and again.reasoning.value == RTL_EMOJI


def test_a_damaged_answers_file_is_reported_and_the_builder_still_works(answers, cards):
    answers.mkdir(parents=True, exist_ok=True)
    responses.responses_file("Ana").write_text("{not json", encoding="utf-8")
    box = cer_builder(cards=cards)
    assert "Warning" in box.status.value and "moved aside" in box.status.value
    fill(box)
    box.save_button.click()
    assert "Saved for" in box.status.value


def test_the_tables_are_shown_in_full_with_captions(answers):
    for view, words in ((evidence_view("provenance"), "Evidence from its provenance"),
                        (corroboration_view(), "Related records"),
                        (limits_view(), "What the telegram cannot tell us"),
                        (rubric_view(), "How your argument is assessed")):
        assert "<caption" in view.value and words in view.value
        assert '<th scope="col"' in view.value
    assert "\u2026" not in corroboration_view().value.replace("...", "")


# --------------------------------------------------------------------------- the portfolio


def save_work_in_every_lesson(learner: str, huge: str) -> dict[str, str]:
    """One answer per lesson of the bank, plus the widgets' own answers; returns id -> text."""
    bank = load_bank()
    saved = {}
    for notebook, _title in lessons(bank):
        text_ex = next((e for e in bank.for_notebook(notebook) if e.type == "text"), None)
        if text_ex is None:
            continue
        answer = f"{notebook}: {HOSTILE} {RTL_EMOJI}"
        responses.save_answer(text_ex.id, answer, learner=learner, notebook=notebook)
        saved[text_ex.id] = answer
    responses.save_answer("00-predict-author", "a Soviet leader", learner=learner,
                          notebook="00_start_here")
    responses.save_answer("rhetoric-tag-s07", "historical analogy", learner=learner,
                          notebook="04_rhetoric")
    responses.save_answer("00-predict-clues", huge, learner=learner, notebook="00_start_here")
    responses.save_answer(ANSWER_ID, {"question": "moscow-direct", "claim": HOSTILE,
                                      "evidence": ["doc-s12", "chain-reported",
                                                   "event-1950-09-15-inchon-landing"],
                                      "reasoning": RTL_EMOJI},
                          learner=learner, notebook="05_synthesis")
    return saved


def test_the_portfolio_is_one_page_of_every_lesson_in_order_all_escaped(answers):
    huge = ("Korea 1950 — كوريا — קוריאה 🤝 <b>x</b> " * 30000)[: 1024 * 1024]
    saved = save_work_in_every_lesson("Ana", huge)
    box = portfolio_button()
    assert box.button.description == "Download my portfolio"
    box.button.click()
    assert "Your portfolio is saved" in box.output.value
    page_path = answers / "Ana-portfolio.html"
    assert page_path.exists() and str(page_path) in box.output.value
    page = page_path.read_text(encoding="utf-8")
    link = re.search(r'<a href="data:text/html;charset=utf-8;base64,([^"]+)" '
                     r'download="Ana-portfolio.html">', box.output.value)
    assert link, "the link downloads the portfolio itself, under its own name"
    assert base64.b64decode(link.group(1)).decode("utf-8") == page

    titles = [title for _, title in lessons()]
    names = [name for name, _ in lessons()]
    assert names[:6] == ["00_start_here", "01_provenance", "02_context_timeline", "03_content",
                         "04_rhetoric", "05_synthesis"]
    positions = [page.index(f"<h2>{html.escape(f'{n}: {t}')}</h2>")
                 for n, t in zip(names, titles, strict=True)]
    assert positions == sorted(positions), "lessons appear in order 00 .. 05"
    for ex_id, answer in saved.items():
        assert html.escape(answer) in page, ex_id
    assert "<script>" not in page and "<img" not in page and "<b>x</b>" not in page
    assert html.escape(huge) in page, "a 1 MB answer is kept whole"
    assert RTL_EMOJI in page and 'dir="auto"' in page
    assert "Your prediction before the source was revealed: Who wrote it?" in page
    assert "The device you tagged in sentence s07" in page

    argument = page[page.index("<h3>Your argument</h3>"):]
    assert argument.index("From the document") < argument.index("From its provenance") \
        < argument.index("From the timeline")
    assert "Advise Comrade Kim II Sung" in argument and "Roy E. Appleman" in argument
    assert html.escape(HOSTILE) in argument


def test_a_portfolio_with_no_answers_says_so_for_each_lesson(answers, tmp_path):
    page = export_portfolio("Nobody", tmp_path / "p.html").read_text(encoding="utf-8")
    assert page.count("No answers saved in this lesson yet.") == len(lessons())
    assert "0 saved answers" in page


def test_a_document_without_metadata_offers_only_its_words_and_the_timeline(answers, tmp_path,
                                                                            monkeypatch):
    import shutil

    from primary_source import paths

    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    (data / "documents" / f"{paths.document_id()}.yaml").unlink()
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    box = cer_builder()
    assert [label for label, _ in box.show.options] == [SHOW_ALL, "the document", "the timeline"]
    assert "This document has no list of related records" in corroboration_view().value
    choose(box, "doc-s12", "event-1950-09-15-inchon-landing")
    assert "From the timeline" in box.preview.value


def test_in_presentation_mode_the_portfolio_button_writes_nothing_and_says_so(answers,
                                                                            monkeypatch):
    save_work_in_every_lesson("Ana", "short")
    responses.set_current_learner("Ana")
    monkeypatch.setenv("PRIMARY_SOURCE_PRESENT", "1")
    box = portfolio_button()
    box.button.click()
    assert "Presentation mode" in box.output.value and "saves nothing" in box.output.value
    assert not (answers / "Ana-portfolio.html").exists()


def test_in_presentation_mode_the_argument_is_checked_but_not_saved(answers, monkeypatch, cards):
    before = sorted(answers.iterdir())
    monkeypatch.setenv("PRIMARY_SOURCE_PRESENT", "1")
    box = cer_builder(cards=cards)
    box.claim.value = "Moscow advised Kim closely."
    box.save_button.click()
    assert "Presentation mode" in box.status.value and "Saved for" not in box.status.value
    assert sorted(answers.iterdir()) == before
