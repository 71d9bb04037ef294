"""The start-here lesson: a blind reading that hides the source, predictions, and the reader."""

from __future__ import annotations

from primary_source import responses
from primary_source.reading import PREDICTIONS, blind_paragraphs, paragraph_html, source_facts
from primary_source.ui.first_reading import blind_text, prediction_board
from primary_source.ui.reader import document_reader


def test_the_blind_text_hides_everything_that_names_the_author(doc):
    shown = "\n".join(blind_paragraphs(doc))
    for giveaway in ("Stalin", "Feng Xi", "[", "483/sh", "Copy No. 1"):
        assert giveaway not in shown
    assert "Verbally transmit the following" in shown
    assert shown.count("\n") == 5  # header, number line, instruction, three points
    assert "Stalin" not in blind_text(doc).children[1].value


def test_the_reveal_tells_what_the_record_says(doc):
    facts = source_facts(doc)
    assert facts["author"] == "Stalin, signing as \u201cFeng Xi\u201d"
    assert facts["audience"] == "Kim II Sung (via Shtykov)"
    assert facts["date"] == "28 August 1950"


def test_predictions_are_revealed_beside_the_source_and_saved(doc):
    board = prediction_board(doc)
    author, audience, purpose, date, clues, reveal, result = board.children
    author.value = "a North Korean leader"
    date.value = "1950"
    clues.value = "<script>alert('x')</script> the word Comrade"
    reveal.click()
    assert "Your predictions beside the source" in result.value
    assert "a North Korean leader" in result.value and "Stalin, signing as" in result.value
    assert "<script>" not in result.value and "&lt;script&gt;" in result.value
    saved = responses.load_answers(responses.current_learner())
    assert saved["00-predict-author"]["answer"] == "a North Korean leader"
    assert saved["00-predict-clues"]["answer"].startswith("<script>")
    again = prediction_board(doc)  # a reopened notebook shows the earlier guesses
    assert again.children[0].value == "a North Korean leader"
    assert again.children[4].value == clues.value
    assert len(PREDICTIONS) == 4


def test_the_reader_steps_through_paragraphs_and_hides_brackets(doc):
    reader = document_reader(doc)
    (choose, previous, following), (brackets, size), page, caption = (
        reader.children[0].children, reader.children[1].children, reader.children[2],
        reader.children[3])
    assert previous.disabled and "Paragraph 1 of 8" in caption.value
    following.click()
    following.click()
    following.click()
    assert choose.value == 3 and "Paragraph 4 of 8" in caption.value
    assert "[Central Committee" in page.value and "<mark" in page.value
    brackets.value = False
    assert "[Central Committee" not in page.value and "CC VKP(b) salutes" in page.value
    size.value = 24
    assert "font-size:24px" in page.value
    choose.value = 7
    assert following.disabled


def test_paragraph_html_escapes_everything():
    out = paragraph_html("<img src=x onerror=alert(1)> [<b>]")
    assert "<img" not in out and "&lt;img" in out and "&lt;b&gt;" in out
