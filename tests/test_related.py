"""Related-record cards: a second source students read beside the telegram, checked like data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from primary_source import paths
from primary_source.related import (
    MAX_QUOTE_WORDS,
    PERMANENT_PREFIX,
    RelatedRecordsError,
    full_text_for,
    load_related,
    quote_words,
    teacher_records,
)
from primary_source.ui.related import related_records_view

#: An INVENTED record for tests only, in the published record format. It is not a historical
#: document: its title, text, references and address are made up, and it matches the card
#: "shtykov-stalin-1950-08-31" only through the file name a teacher would give it.
INVENTED_REPLY = """\


August 31, 1950 Invented reply from Ambassador Testov to Feng Xi [Stalin]

Citation:

"Invented reply from Ambassador Testov to Feng Xi [Stalin]", August 31, 1950, Invented \
Archive for Tests, APRF, Fond 99, Opis 9, Delo 999, Listy 1-2 https://example.org/document/000002

Summary:

An invented reply for testing the side-by-side view.

Original Language:

Russian

Contents:

Translation - English

To No. 483/sh. I read the telegram to the invented comrade, who wrote down every word of the \
Tumen ferry schedule and thanked you warmly.

TESTOV

31 August 1950 No. 9999
"""


@pytest.fixture(scope="module")
def cards():
    return load_related()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ the lessons read (PRIMARY_SOURCE_DATA points at it)."""
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data, ignore=shutil.ignore_patterns("responses"))
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    monkeypatch.delenv("PRIMARY_SOURCE_DOCUMENT", raising=False)
    return data


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = paths.related_path().read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / "related.yaml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if fragment in line)


# ------------------------------------------------------------------------------ the cards


def test_at_least_eight_cards_pass_validation(cards):
    assert len(cards) >= 8
    assert len({c.id for c in cards}) == len(cards)


def test_the_cards_the_issue_asks_for_are_all_there(cards):
    by_date = {(c.date, c.sender.split(",")[0].split(" (")[0]) for c in cards}
    dates = {c.date for c in cards}
    for date in ("1950-07-01", "1950-07-05", "1950-08-27", "1950-08-31", "1950-09-23",
                 "1950-09-29"):
        assert date in dates, date
    titles = " ".join(c.title for c in cards)
    assert "Gottwald" in titles and "Zhou Enlai" in titles and "Vasilevsky" in titles
    assert "Shtykov to Feng Xi" in titles and "Letter from Kim Il Sung" in titles
    assert by_date


def test_no_quoted_phrase_is_longer_than_25_words_and_no_card_has_more_than_three(cards):
    for card in cards:
        assert len(card.quotes) <= 3, card.id
        for quote in card.quotes:
            assert quote_words(quote) <= MAX_QUOTE_WORDS, (card.id, quote)


def test_every_card_says_who_wrote_to_whom_when_and_where_it_is_kept(cards):
    for card in cards:
        assert card.sender and card.recipient and card.date_label, card.id
        assert "Wilson Center Digital Archive" in card.citation or "APRF" in card.citation
        assert card.summary and card.relation and card.source, card.id


def test_addresses_are_permanent_and_record_numbers_match_them(cards):
    for card in cards:
        if card.url is None:
            assert card.note, card.id
            continue
        assert card.url.startswith(PERMANENT_PREFIX), card.id
        assert "dvincitest" not in card.url and "drivingcreative" not in card.url
        if card.record is not None:
            assert card.url == f"{PERMANENT_PREFIX}{card.record}"
    numbered = {c.record: c for c in cards if c.record}
    assert numbered[110695].date == "1950-08-27"
    assert numbered[112685].date == "1950-09-23"


def test_the_zhou_card_of_27_august_promises_advisers_not_aircraft(cards):
    card = next(c for c in cards if c.record == 110695)
    assert "38 advisers" in card.summary
    assert "no aircraft" in card.summary
    assert not re.search(r"\b(will|shall) (send|train)[^.]*(fighter|pilot)", card.summary)


def test_the_vasilevsky_card_keeps_point_3_apart_from_the_migs_of_november(cards):
    card = next(c for c in cards if c.record == 112685)
    assert "La-9" in card.summary and "Pyongyang" in card.summary
    assert "not aircraft handed to" in card.relation and "MiG-15" in card.relation


def test_shtykovs_reply_gives_its_times_and_the_second_date(cards):
    card = next(c for c in cards if c.id == "shtykov-stalin-1950-08-31")
    assert "11:32" in card.times and "17:27" in card.times
    assert any("29.8.50" in q for q in card.quotes)
    assert "483/sh" in card.summary


# -------------------------------------------------------------------------- broken files


def test_a_card_without_a_summary_is_named_with_file_line_and_field(tmp_path):
    path = broken(tmp_path, "    summary: >-\n      Shtykov's reply No. 1001",
                  "    summery: >-\n      Shtykov's reply No. 1001")
    with pytest.raises(RelatedRecordsError) as err:
        load_related(path)
    message = str(err.value)
    assert str(path) in message and "shtykov-stalin-1950-08-31" in message
    assert "'summary'" in message and err.value.line > 1


def test_a_quote_over_25_words_is_refused_with_its_line(tmp_path):
    long = " ".join(["word"] * 26)
    path = broken(tmp_path, "      - the attack absolutely must continue",
                  f"      - {long}")
    with pytest.raises(RelatedRecordsError) as err:
        load_related(path)
    assert "at most 25 words" in str(err.value)
    assert err.value.line == line_of(path, long)
    assert "quotes[0]" in err.value.field


def test_a_fourth_quote_is_refused(tmp_path):
    path = broken(tmp_path, "      - Are they not frightened or do they continue to hold firm\n",
                  "      - Are they not frightened or do they continue to hold firm\n"
                  "      - Report about this to KIM IL SUNG\n")
    with pytest.raises(RelatedRecordsError, match="at most 3"):
        load_related(path)


def test_a_mirror_address_is_refused(tmp_path):
    path = broken(tmp_path, "url: https://digitalarchive.wilsoncenter.org/document/112685",
                  "url: https://wilson-center-digital-archive.dvincitest.com/document/112685")
    with pytest.raises(RelatedRecordsError) as err:
        load_related(path)
    assert "permanent" in str(err.value) and err.value.line == line_of(path, "dvincitest")


def test_a_record_number_that_does_not_match_the_address_is_refused(tmp_path):
    path = broken(tmp_path, "record: 112685", "record: 112686")
    with pytest.raises(RelatedRecordsError, match="matching the address"):
        load_related(path)


def test_a_bad_date_and_a_bad_precision_are_named(tmp_path):
    path = broken(tmp_path, 'date: "1950-09-23"', 'date: "23 Sept 1950"')
    with pytest.raises(RelatedRecordsError, match="not a date"):
        load_related(path)
    path = broken(tmp_path, "    precision: day", "    precision: hour")
    with pytest.raises(RelatedRecordsError, match="precision"):
        load_related(path)


def test_broken_yaml_and_a_missing_file_are_reported_not_tracebacks(tmp_path):
    bad = tmp_path / "related.yaml"
    bad.write_text("cards:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    with pytest.raises(RelatedRecordsError) as err:
        load_related(bad)
    assert "not valid YAML" in str(err.value) and err.value.line >= 3
    with pytest.raises(FileNotFoundError, match="nowhere.yaml"):
        load_related(tmp_path / "nowhere.yaml")
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(RelatedRecordsError, match="non-empty list"):
        load_related(empty)


def test_primary_source_check_validates_the_cards(data_copy, capsys):
    from primary_source.cli import main

    assert main(["check"]) == 0
    path = data_copy / "documents" / "related.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    precision: day", "    precision: dy",
                                                            1), encoding="utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "related.yaml:" in out and "precision" in out


# ------------------------------------------------------------------------------- the widget


def test_the_widget_lists_every_card_with_a_labelled_dropdown(cards):
    box = related_records_view()
    assert box.dropdown.description == "Related record"
    assert [value for _, value in box.dropdown.options] == [c.id for c in cards]
    assert "ps-related-records" in box._dom_classes


def test_choosing_a_record_shows_its_card_with_address_and_quotes(cards):
    box = related_records_view()
    card = next(c for c in cards if c.record == 112685)
    box.dropdown.value = card.id
    assert "Vasilevsky" in box.card.value and "<q>" in box.card.value
    assert f'href="{card.url}"' in box.card.value
    assert "data/documents/" in box.texts.value  # no full text yet: says how to add one


def test_card_text_is_escaped(cards):
    from dataclasses import replace

    card = replace(cards[0], summary="<script>alert(1)</script>")
    box = related_records_view([card])
    assert "<script>" not in box.card.value and "&lt;script&gt;" in box.card.value


# ------------------------------------------------------------------- a teacher's own texts


def test_a_teachers_full_text_is_listed_and_shown_beside_the_telegram(data_copy):
    (data_copy / "documents" / "shtykov-1950-08-31.txt").write_text(INVENTED_REPLY,
                                                                   encoding="utf-8")
    records = teacher_records()
    assert list(records) == ["shtykov-1950-08-31"]
    assert records["shtykov-1950-08-31"].title.startswith("Invented reply")
    card = next(c for c in load_related() if c.id == "shtykov-stalin-1950-08-31")
    assert full_text_for(card, records) is records["shtykov-1950-08-31"]
    box = related_records_view()
    box.dropdown.value = card.id
    assert "Tumen ferry schedule" in box.texts.value          # the teacher's text
    assert "Verbally transmit the following" in box.texts.value  # beside the telegram
    box.dropdown.value = box.dropdown.options[0][1]
    assert "Tumen ferry" not in box.texts.value


def test_a_record_is_matched_by_title_when_no_file_name_is_given(data_copy):
    card = next(c for c in load_related() if c.record == 112685)
    text = INVENTED_REPLY.replace("Invented reply from Ambassador Testov to Feng Xi [Stalin]",
                                  card.title)
    (data_copy / "documents" / "anything.txt").write_text(text, encoding="utf-8")
    assert full_text_for(card, teacher_records()).title == card.title


def test_a_broken_teacher_file_is_left_out_and_the_lessons_document_is_not_listed(data_copy):
    (data_copy / "documents" / "half-done.txt").write_text("no record here\n",
                                                           encoding="utf-8")
    assert teacher_records() == {}
