"""The record parser: the shipped telegram, records we have never seen, and broken input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from primary_source import (
    ArchivalReference,
    Document,
    DocumentFormatError,
    load_document,
    parse_record,
    paths,
)

# An invented record in the same published format, with two archives, abbreviations and Cyrillic.
INVENTED = """\ufeffMarch 3, 1951 Memorandum from A. Ivanov to the Ministry [of Foreign Affairs]\r
\r
Citation:\r
\r
"Memorandum from A. Ivanov", March 3, 1951, Wilson Center Digital Archive, RGASPI, f. 558,\r
op. 11, d. 334, ll. 12-14, 17 (copy); and AVP RF, f. 07, op. 24, p. 32, d. 10, l. 5\r
https://digitalarchive.wilsoncenter.org/document/999999\r
\r
\r
Original Language:\r
\r
Russian\r
\r
Contents:\r
\r
Translation - English\r
\r
To Comrade Vyshinsky [Foreign Minister].\r
1. Первый пункт: the delegation arrived on 2 March.\r
2. The talks will continue [in Moscow].\r
\r
A. Ivanov\r
"""


def test_the_shipped_telegram_is_the_published_record_byte_for_byte():
    seed = paths.project_root().parent / "shared" / "seed" / "000_14926f4dfbe33f0f.txt"
    shipped = paths.document_path().read_bytes()
    assert paths.document_path().name == "feng-xi-1950-08-28.txt"
    if seed.exists():
        assert shipped == seed.read_bytes()
    assert shipped.startswith(b"\n\nAugust 28, 1950 Ciphered telegram")


def test_a_student_sees_title_date_and_sections(doc):
    assert doc.title == "Ciphered telegram from Feng Xi [Stalin] to Kim II Sung (via Shtykov)"
    assert doc.date == dt.date(1950, 8, 28)
    assert doc.citation.startswith('"Ciphered telegram from Feng Xi [Stalin]')
    assert doc.url == "https://wilson-center-digital-archive.dvincitest.com/document/110696"
    assert doc.summary.startswith("Telegram from Stalin to Kim II Sung, congratulating him")
    assert doc.original_language == "Russian"
    assert doc.contents_label == "Translation - English"
    assert doc.body.startswith("8th Department of the General Staff")
    assert doc.body.endswith("Copy No. 1 To Stalin")


def test_the_text_keeps_the_published_misrendering_of_kim_il_sung(doc):
    assert "Kim II Sung" in doc.body and "Kim Il Sung" not in doc.body


def test_numbered_points_carry_their_number_and_lose_the_marker(doc):
    numbered = [p for p in doc.paragraphs if p.number is not None]
    assert [p.number for p in numbered] == [1, 2, 3]
    assert numbered[0].text.startswith("The CC VKP(b)")
    assert numbered[2].text.startswith("Advise Comrade Kim II Sung not to scatter")
    assert all(not p.text.startswith("-") for p in doc.paragraphs)
    unnumbered = [p.text for p in doc.paragraphs if p.number is None]
    assert unnumbered[0] == "8th Department of the General Staff of the Armed Forces of the USSR"
    assert unnumbered[-1] == "28 August 1950 No. 483/sh Copy No. 1 To Stalin"


def test_both_archives_are_decoded_with_the_note(doc):
    assert doc.archival_references == [
        ArchivalReference("APRF", "45", "1", "347", None, "5-6, 10-11", "original copy"),
        ArchivalReference("AVPRF", "059a", "5a", "4", "11", "155-156", None),
    ]


def test_editorial_insertions_are_found_with_their_offsets(doc):
    found = doc.editorial_insertions
    assert [i.text for i in found] == ["Central Committee, All-Union Communist Party (bolshevik)",
                                       "Stalin"]
    for insertion in found:
        assert doc.body[insertion.start:insertion.end] == insertion.marked


def test_the_text_without_insertions_is_tidy(doc):
    plain = doc.text()
    assert "[" not in plain and "]" not in plain
    assert "The CC VKP(b) salutes Comrade" in plain
    assert "\nFeng Xi\n" in plain
    assert "  " not in plain
    assert doc.text(editorial=True) == doc.body


def test_an_unseen_record_with_bom_crlf_abbreviations_and_cyrillic():
    doc = parse_record(INVENTED)
    assert doc.title == "Memorandum from A. Ivanov to the Ministry [of Foreign Affairs]"
    assert doc.date == dt.date(1951, 3, 3)
    assert doc.summary is None
    assert doc.url == "https://digitalarchive.wilsoncenter.org/document/999999"
    assert doc.archival_references == [
        ArchivalReference("RGASPI", "558", "11", "334", None, "12-14, 17", "copy"),
        ArchivalReference("AVPRF", "07", "24", "10", "32", "5", None),
    ]
    assert [(p.number, p.text) for p in doc.paragraphs][1:3] == [
        (1, "Первый пункт: the delegation arrived on 2 March."),
        (2, "The talks will continue [in Moscow]."),
    ]
    assert [i.text for i in doc.editorial_insertions] == ["Foreign Minister", "in Moscow"]
    assert "\r" not in doc.body


@pytest.mark.parametrize("title_line, expected", [
    ("5 December 1949 Note", dt.date(1949, 12, 5)),
    ("1953-07-27 Armistice report", dt.date(1953, 7, 27)),
    ("Sept. 30, 1950 Telegram", dt.date(1950, 9, 30)),
    ("Jan 2, 1950 Letter", dt.date(1950, 1, 2)),
])
def test_other_date_styles_in_the_title(title_line, expected):
    doc = parse_record(f"{title_line}\nCitation:\nArchive\nContents:\nText.")
    assert doc.date == expected


@pytest.mark.parametrize("text, line, words", [
    ("", 1, "empty"),
    ("\n\n   \n", 1, "empty"),
    ("Just a shopping list\nmilk\neggs", 1, "does not look like an archive record"),
    ("\n\nCiphered telegram\n\nCitation:\nX\nContents:\nY", 3, "does not start with a date"),
    ("February 30, 1950 Telegram\nCitation:\nX\nContents:\nY", 1, "cannot exist"),
    ("May 1, 1950 Telegram\n\nSummary:\nS\n\nContents:\nY", 3, "no 'Citation:'"),
    ("May 1, 1950 Telegram\nCitation:\nX\n\nSummary:\nS", 6, "no 'Contents:'"),
    ("Citation:\nX\nContents:\nY", 1, "no title line"),
])
def test_broken_records_are_rejected_naming_the_line(text, line, words):
    with pytest.raises(DocumentFormatError) as info:
        parse_record(text)
    assert info.value.line == line
    assert words in str(info.value)
    assert f"line {line}" in str(info.value)


def test_undecodable_bytes_name_the_line():
    with pytest.raises(DocumentFormatError) as info:
        parse_record(b"May 1, 1950 T\nCitation:\n\xff\xfe bad\nContents:\nY")
    assert info.value.line == 3 and "UTF-8" in str(info.value)


def test_a_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "no-such-record.txt"
    with pytest.raises(FileNotFoundError) as info:
        load_document(missing)
    assert str(missing) in str(info.value)


def test_a_malformed_file_names_the_file_and_line(tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_text("Telegram without a date\nCitation:\nX\nContents:\nY", encoding="utf-8")
    with pytest.raises(DocumentFormatError) as info:
        load_document(bad)
    assert str(info.value).startswith(f"{bad}:1: date: ")
    assert info.value.field == "date"


def test_a_missing_summary_is_none_and_an_empty_one_is_empty():
    base = "May 1, 1950 T\nCitation:\nX\n{}Contents:\nY"
    assert parse_record(base.format("")).summary is None
    assert parse_record(base.format("Summary:\n\n")).summary == ""


_mutations = st.lists(
    st.tuples(st.sampled_from(["delete", "insert", "replace", "dup_line", "drop_line"]),
              st.integers(min_value=0, max_value=10_000),
              st.text(min_size=0, max_size=8)),
    min_size=1, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations=_mutations)
def test_a_mangled_record_gives_a_document_or_a_format_error(record_text, mutations):
    text = record_text
    for kind, pos, chunk in mutations:
        pos = pos % (len(text) + 1)
        lines = text.split("\n")
        if kind == "delete":
            text = text[:pos] + text[pos + len(chunk) + 1:]
        elif kind == "insert":
            text = text[:pos] + chunk + text[pos:]
        elif kind == "replace":
            text = text[:pos] + chunk + text[pos + len(chunk):]
        elif kind == "dup_line" and lines:
            i = pos % len(lines)
            text = "\n".join(lines[:i + 1] + lines[i:])
        elif lines:
            i = pos % len(lines)
            text = "\n".join(lines[:i] + lines[i + 1:])
    try:
        doc = parse_record(text)
    except DocumentFormatError as err:
        assert err.line >= 1
        return
    assert isinstance(doc, Document)
    doc.paragraphs, doc.archival_references, doc.editorial_insertions, doc.text()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_parser(data):
    try:
        parse_record(data)
    except DocumentFormatError:
        pass
