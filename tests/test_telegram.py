"""A student can see the parts of the cipher telegram; other records give None, never a crash."""

from __future__ import annotations

import datetime as dt

from primary_source import parse_record
from primary_source.names import canonical, find_mentions, variants
from primary_source.telegram import parse_telegram


def test_the_telegram_parts(doc):
    t = parse_telegram(doc)
    assert t.office == "8th Department of the General Staff of the Armed Forces of the USSR"
    assert t.number == "75021"
    assert t.destination == "Pyongyang Soviet Ambassador"
    assert t.instruction.startswith("Verbally transmit the following to Kim II Sung.")
    assert t.instruction.endswith("but without my signature.")
    assert [p.number for p in t.points] == [1, 2, 3]
    assert (t.signature, t.signature_identified_as) == ("Feng Xi", "Stalin")
    assert t.footer_date == dt.date(1950, 8, 28)
    assert t.outgoing_number == "483/sh"
    assert t.copy_line == "Copy No. 1 To Stalin"


def test_a_record_that_is_not_a_telegram_has_no_parts():
    t = parse_telegram(parse_record("May 1, 1950 Diary\nCitation:\nX\nContents:\nDear diary."))
    assert (t.office, t.number, t.instruction, t.signature, t.footer, t.outgoing_number) == (
        None, None, None, None, None, None)
    assert t.points == []


def test_a_telegram_without_a_footer_or_signature_bracket():
    body = "CIPHERED TELEGRAM No. 12 Beijing.\n\nTell him this.\n\n1. First.\n2. Second.\n\nFilippov"
    t = parse_telegram(parse_record(f"Oct 1, 1950 T\nCitation:\nX\nContents:\n{body}"))
    assert (t.number, t.destination, t.instruction) == ("12", "Beijing", "Tell him this.")
    assert (t.signature, t.signature_identified_as, t.footer) == ("Filippov", None, None)


def test_name_variants_map_to_one_person_while_the_text_stays_as_published(doc):
    assert {canonical(v) for v in ("Kim II Sung", "Kim Il Sung", "Kim Il-sung")} == {"Kim Il Sung"}
    assert {canonical(v) for v in ("Feng Xi", "Fyn Si", "Stalin", "Filippov")} == {"Stalin"}
    assert canonical("kim  il-SUNG") == "Kim Il Sung"
    assert canonical("Truman") is None
    assert "Kim II Sung" in variants("Kim Il-sung")
    mentions = find_mentions(doc.body)
    kim = [m for m in mentions if m.person == "Kim Il Sung"]
    assert len(kim) == 6 and {m.variant for m in kim} == {"Kim II Sung"}
    for m in mentions:
        assert doc.body[m.start:m.end] == m.variant
    assert [m.person for m in mentions if m.variant == "Feng Xi"] == ["Stalin"]
