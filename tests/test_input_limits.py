"""Files a teacher edits: folders, foreign bytes, huge fields and long lines give each module's
own error with file and line, never a traceback or a wait."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from primary_source.glossary import GlossaryError, load_glossary
from primary_source.metadata import MetadataError, load_metadata
from primary_source.record import DocumentFormatError, load_document, parse_record
from primary_source.references import parse_references
from primary_source.rhetoric.key import validate_key
from primary_source.timeline.loading import load_eras, load_events
from primary_source.timeline.schema import COLUMNS, TimelineFormatError

RECORD = 'May 1, 1950 A note\nCitation:\n"A note", APRF, f. 45, op. 1, d. 347, ll. 4-5.\nContents:\nHi.'
#: A field the csv module refuses (its default limit is 131,072 characters).
HUGE = "x" * 200_000


def test_a_folder_given_as_the_record_is_a_document_format_error(tmp_path):
    with pytest.raises(DocumentFormatError) as err:
        load_document(tmp_path)
    assert (err.value.path, err.value.line) == (str(tmp_path), 1)


def test_a_citation_ending_in_a_full_stop_keeps_it_out_of_the_sheets():
    assert parse_record(RECORD).archival_references[0].listy == "4-5"
    assert parse_references("APRF, f. 45, ll. 4, 5.")[0].listy == "4, 5"
    assert parse_references("APRF, f. 45, l. 5 ob.")[0].listy == "5 ob."


@settings(deadline=timedelta(seconds=1), max_examples=2, derandomize=True, database=None)
@given(pad=st.sampled_from([" ", "\t "]))
def test_a_40000_character_label_line_is_read_at_once(pad):
    # ``\s*(.*?)\s*$`` made this line take seconds (quadratic); hypothesis's deadline fails it.
    line = "Citation: x" + pad * (40_000 // len(pad)) + "y"
    doc = parse_record(f"May 1, 1950 A note\n{line}\nContents:\nHello.")
    assert doc.citation.startswith("x") and doc.citation.endswith("y")


@pytest.mark.parametrize("load", [load_events, load_eras], ids=["timeline", "eras"])
def test_a_folder_or_a_non_utf8_timeline_is_a_timeline_error_with_its_line(tmp_path, load):
    with pytest.raises(TimelineFormatError) as err:
        load(tmp_path)
    assert err.value.line == 1
    path = tmp_path / "timeline.csv"
    path.write_bytes(",".join(COLUMNS).encode() + b"\n1950-06-25,,day,war,Caf\xe9,x,y,\n")
    with pytest.raises(TimelineFormatError) as err:
        load(path)
    assert (err.value.path, err.value.line, err.value.field) == (str(path), 2, "file")


def test_a_timeline_field_over_the_csv_limit_is_a_timeline_error_on_its_row(tmp_path):
    path = tmp_path / "timeline.csv"
    path.write_text(",".join(COLUMNS) + f'\n1950-06-25,,day,war,t,"{HUGE}",s,n\n', encoding="utf-8")
    with pytest.raises(TimelineFormatError) as err:
        load_events(path)
    assert (err.value.line, err.value.field) == (2, "row")


def test_a_glossary_folder_bad_bytes_or_huge_field_is_a_glossary_error(tmp_path):
    with pytest.raises(GlossaryError):
        load_glossary(tmp_path)
    path = tmp_path / "glossary.csv"
    path.write_bytes(b"term,variants,definition,source\nopis,,\xff,s\n")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert err.value.line == 2
    path.write_text(f'term,variants,definition,source\nopis,,"{HUGE}",s\n', encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert (err.value.line, err.value.field) == (2, "row")


def test_a_metadata_folder_or_non_utf8_file_is_a_metadata_error(tmp_path):
    with pytest.raises(MetadataError):
        load_metadata(path=tmp_path)
    path = tmp_path / "meta.yaml"
    path.write_bytes(b"id: x\ntitle: Caf\xe9\n")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert (err.value.path, err.value.line) == (str(path), 2)


def test_a_non_utf8_rhetoric_key_is_a_key_problem_with_its_line(tmp_path):
    path = tmp_path / "rhetoric.yaml"
    path.write_bytes(b"devices:\n- name: caf\xe9\n")
    problems, key = validate_key(path)
    assert key is None and [(p.line, p.field) for p in problems] == [(2, "(file)")]
