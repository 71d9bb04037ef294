"""The synthesis lesson's logic: the question, evidence from three places, the argument and its
checks, corroboration, and the rubric."""

from __future__ import annotations

import re
import shutil

import pytest

from primary_source import paths
from primary_source.exercises import exercises_for
from primary_source.metadata import load_metadata
from primary_source.synthesis import (
    ALL_PARTS_PRESENT,
    CORROBORATION,
    DEFAULT_QUESTION,
    KIND_HEADINGS,
    KINDS,
    LIMITS,
    QUESTIONS,
    RUBRIC,
    Argument,
    argument_from_answer,
    argument_html,
    argument_problems,
    build_argument,
    corroboration_table,
    evidence_cards,
    evidence_table,
    limits_table,
    question_by_id,
    rubric_html,
    rubric_table,
)

HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
RTL_EMOJI = "مرحبا، هذه حجتي — שלום 🤔📜✅"


@pytest.fixture(scope="module")
def cards():
    return evidence_cards()


@pytest.fixture(scope="module")
def meta():
    return load_metadata()


def complete(cards, claim="Moscow advised Kim closely but hid its part.",
             reasoning="E1 shows advice on the air force; the report of 31 August shows it "
                       "was delivered."):
    return build_argument(claim, ["doc-s12", "chain-reported"], reasoning, cards=cards)


# --------------------------------------------------------------------------- the question


def test_the_lesson_asks_how_far_moscow_directed_the_war_and_offers_alternatives():
    assert DEFAULT_QUESTION.text == ("How far did Moscow direct North Korea's war in the summer "
                                     "of 1950?")
    assert 2 <= len(QUESTIONS) - 1 <= 3
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    for question in QUESTIONS:
        assert question.text.endswith("?") and question.think and question.helpful
    assert question_by_id("hidden-role").id == "hidden-role"
    assert question_by_id(None) is DEFAULT_QUESTION


# --------------------------------------------------------------------------- evidence


def test_evidence_comes_from_the_document_its_provenance_and_the_timeline(cards):
    kinds = {c.kind for c in cards}
    assert kinds == set(KINDS)
    ids = [c.id for c in cards]
    assert len(ids) == len(set(ids)), "every evidence card has its own id"
    for card in cards:
        assert card.text.strip() and card.source.strip() and card.title.strip(), card.id
        assert len(card.label) <= 110


def test_document_evidence_quotes_the_published_text_word_for_word(cards, doc):
    body = " ".join(doc.body.split())
    quotes = [c for c in cards if c.kind == "document"]
    assert [c.id for c in quotes][:3] == ["doc-s01", "doc-s02", "doc-s03"]
    for card in quotes:
        assert card.text in body, card.id
        assert "28 August 1950" in card.source and "110696" in card.source
    point3 = next(c for c in quotes if c.id == "doc-s12")
    assert point3.where == "point 3" and "directive" in point3.note


def test_provenance_evidence_follows_the_metadata_with_its_sources(cards, meta):
    prov = {c.id: c for c in cards if c.kind == "provenance"}
    for step in meta.chain():
        assert f"chain-{step['id']}" in prov
    for person in meta.people():
        assert f"person-{person['id']}" in prov
    for record in meta.related():
        card = prov[f"related-{record['id']}"]
        assert card.source == meta.cite(record["source"])
    reported = prov["chain-reported"]
    assert "31 August 1950" in reported.title and "Shtykov" in reported.source


def test_timeline_evidence_covers_the_war_years_and_how_the_archives_opened(cards):
    events = {c.id: c for c in cards if c.kind == "timeline"}
    assert "event-1950-09-15-inchon-landing" in events
    assert "event-1994-06-yeltsin-gives-documents-to-kim-young-sam" in events
    assert not any(i.startswith("event-1945") for i in events), "1945 lies outside the window"
    inchon = events["event-1950-09-15-inchon-landing"]
    assert inchon.text.startswith("15 September 1950: Inchon landing.")
    assert "Appleman" in inchon.source


def test_the_evidence_table_lists_one_kind_in_full(cards):
    table = evidence_table("provenance", cards)
    assert set(table["kind"]) == {"provenance"}
    assert list(table.columns) == ["id", "kind", "evidence", "source", "note"]
    assert len(evidence_table(cards=cards)) == len(cards)


def test_without_a_metadata_file_evidence_falls_back_to_the_document_and_the_timeline(
        tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    paths_yaml = data / "documents" / f"{paths.document_id()}.yaml"
    paths_yaml.unlink()
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    cards = evidence_cards()
    assert {c.kind for c in cards} == {"document", "timeline"}
    assert corroboration_table().empty
    assert not limits_table()["related records"].str.len().any()
    assert limits_table(doc_id="another-record").empty, "the notes are about the telegram"
    arg = build_argument("A claim", ["doc-s12", "chain-reported"], "point 3 air force",
                         cards=cards)
    assert arg.unknown == ("chain-reported",)


# --------------------------------------------------------------------------- the argument


def test_an_argument_keeps_the_chosen_evidence_in_order_and_unknown_ids_aside(cards):
    arg = build_argument("Claim", ["chain-reported", "doc-s12", "doc-s12", "gone-away"],
                         "Reasoning", question="kim-morale", cards=cards)
    assert [e.id for e in arg.evidence] == ["chain-reported", "doc-s12"]
    assert arg.unknown == ("gone-away",)
    assert arg.kinds() == ["document", "provenance"]
    assert arg.question.id == "kim-morale"


def test_a_saved_argument_comes_back_the_same(cards):
    arg = build_argument(RTL_EMOJI, ["doc-s01", "event-1950-09-15-inchon-landing"],
                         HOSTILE, question="hidden-role", cards=cards)
    answer = arg.as_answer()
    assert answer["evidence"] == ["doc-s01", "event-1950-09-15-inchon-landing"]
    assert answer["question_text"] == question_by_id("hidden-role").text
    assert argument_from_answer(answer, cards) == arg


@pytest.mark.parametrize("junk", [None, "text", 3, [], {"claim": 5, "evidence": "doc-s01"}])
def test_anything_that_is_not_a_saved_argument_gives_an_empty_one(junk, cards):
    arg = argument_from_answer(junk, cards)
    assert isinstance(arg, Argument)
    assert arg.claim == "" and arg.evidence == () and arg.question is DEFAULT_QUESTION


def test_a_complete_argument_has_no_problems(cards):
    assert argument_problems(complete(cards)) == []
    assert "weakest" in ALL_PARTS_PRESENT


def test_the_check_asks_for_a_claim_evidence_and_reasoning_when_all_are_missing(cards):
    problems = argument_problems(build_argument("", [], "  ", cards=cards))
    assert len(problems) == 3
    assert problems[0].startswith("Write your claim first")
    assert "at least two pieces" in problems[1]
    assert problems[2].startswith("Write your reasoning")


def test_the_check_asks_for_a_second_piece_of_evidence_and_a_second_kind(cards):
    one = argument_problems(build_argument("Claim", ["doc-s12"], "air force", cards=cards))
    assert any("one piece of evidence" in p for p in one)
    assert any("All your evidence comes from the document" in p and "its provenance" in p
               for p in one)
    same_kind = build_argument("Claim", ["doc-s12", "doc-s13"], "air force", cards=cards)
    assert any("from the document" in p for p in argument_problems(same_kind))


def test_the_check_notices_reasoning_that_never_refers_to_the_evidence(cards):
    vague = complete(cards, reasoning="I think this is true because it seems right to me.")
    assert any("does not seem to mention your evidence" in p for p in argument_problems(vague))
    by_number = complete(cards, reasoning="E2 matters more than E1.")
    assert argument_problems(by_number) == []
    by_words = complete(cards, reasoning="Shtykov confirms that the message was delivered.")
    assert argument_problems(by_words) == []


def test_the_feedback_is_plain_words_and_never_a_grade(cards):
    every = argument_problems(build_argument("", ["doc-s12", "gone"], "", cards=cards))
    every += argument_problems(complete(cards, reasoning="no link at all here"))
    for message in every:
        assert not re.search(r"\d+\s*/\s*\d+|\d+\s*%|\bscore|\bgrade|\bmark", message, re.I)
        assert message.endswith(".")


def test_the_argument_reads_as_one_block_with_evidence_grouped_by_kind_and_cited(cards):
    arg = build_argument("Moscow advised.", ["event-1950-09-15-inchon-landing", "chain-reported",
                                             "doc-s12"], "E1 and E2 and E3.", cards=cards)
    page = argument_html(arg)
    order = [page.index(h) for h in ("Question", "Claim", "Evidence", "Reasoning")]
    assert order == sorted(order)
    headings = [page.index(KIND_HEADINGS[k]) for k in KINDS]
    assert headings == sorted(headings), "document, then provenance, then timeline"
    assert page.index("<strong>E1</strong>") < page.index("Advise Comrade Kim II Sung")
    assert page.count("Source: <cite>") == 3
    assert "Roy E. Appleman" in page


def test_hostile_learner_text_is_escaped_and_rtl_and_emoji_are_kept(cards):
    arg = build_argument(HOSTILE, ["doc-s12", "chain-reported"], RTL_EMOJI, cards=cards)
    page = argument_html(arg)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert RTL_EMOJI in page and 'dir="auto"' in page


def test_an_empty_argument_says_what_is_missing_in_the_preview(cards):
    page = argument_html(build_argument("", [], "", cards=cards))
    assert "No claim written yet" in page and "No evidence chosen yet" in page
    assert "No reasoning written yet" in page


# --------------------------------------------------------------------------- corroboration


def test_every_related_record_says_what_it_would_add_and_what_the_telegram_cannot(meta):
    table = corroboration_table(meta)
    assert list(table["id"]) == [r["id"] for r in meta.related()]
    assert set(CORROBORATION) <= set(table["id"]), "notes only for records in the metadata"
    for row in table.to_dict("records"):
        assert row["would add"].strip() and row["the telegram alone cannot tell us"].strip()
        assert row["record"] and row["date"]
    shtykov = table.set_index("id").loc["shtykov-reply-1950-08-31"]
    assert "Political Council" in shtykov["would add"]
    assert "delo 347" in shtykov["reference"]


def test_the_limits_name_what_the_telegram_cannot_tell_us(meta):
    table = limits_table(meta)
    text = " ".join(table["question"])
    for topic in ("Kim Il Sung really think", "aircraft", "Moscow", "Russian"):
        assert topic in text
    related = {r["id"] for r in meta.related()}
    for limit in LIMITS:
        for ref in filter(None, (r.strip() for r in limit["related"].split(","))):
            assert ref in related, f"{limit['id']} refers to an unknown record {ref}"
    assert table["source"].str.len().min() > 10
    assert any("Shen Zhihua" in s for s in table["source"])


# --------------------------------------------------------------------------- the rubric


def test_the_rubric_has_four_criteria_at_three_levels():
    assert [c.name for c in RUBRIC] == ["Claim", "Evidence", "Reasoning",
                                        "Limits and corroboration"]
    table = rubric_table()
    assert list(table.columns) == ["criterion", "looks for", "beginning", "developing", "secure"]
    assert table.notna().all().all()
    page = rubric_html()
    assert "<caption>" in page and page.count('scope="row"') == 4


# --------------------------------------------------------------------------- the exercises


def test_the_lesson_has_a_final_assessment_and_checks_on_reliability_and_corroboration():
    found = exercises_for("05_synthesis")
    assert len(found) >= 6
    final = [e for e in found if e.section == "assessment"]
    assert len(final) == 1 and final[0].type == "text"
    assert final[0].model_answer and len(final[0].rubric) >= 3
    sections = {e.section for e in found if e.type in ("choice", "multi")}
    assert {"evidence", "corroboration"} <= sections
