"""The curated metadata: every fact sourced, every date with its precision, every item present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from primary_source import paths
from primary_source.metadata import (
    PRECISIONS,
    SECTIONS,
    Metadata,
    MetadataError,
    date_label,
    load_metadata,
    parse_partial_date,
)


@pytest.fixture(scope="module")
def meta() -> Metadata:
    return load_metadata()


@pytest.fixture(scope="module")
def raw_text() -> str:
    return paths.metadata_path().read_text(encoding="utf-8")


def ids(items):
    return [item["id"] for item in items]


def all_mappings(node, where=()):
    """Every mapping in the loaded YAML, with its path."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from all_mappings(value, where + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from all_mappings(value, where + (index,))


# ---------------------------------------------------------------- every fact sourced and dated


def test_every_fact_in_every_section_names_a_source(meta):
    for section in (*SECTIONS, "archives"):
        for item in meta[section]:
            assert str(item.get("source") or "").strip(), f"{section}/{item['id']} has no source"


def test_every_source_key_is_listed_with_a_full_reference(meta):
    sources = meta.sources()
    for section in (*SECTIONS, "archives"):
        for item in meta[section]:
            full = meta.cite(item["source"])
            assert len(full) > 30, f"{section}/{item['id']}: {full!r} is not a full reference"
            if re.fullmatch(r"[a-z0-9-]+", str(item["source"])):
                assert item["source"] in sources


def test_every_dated_fact_has_a_precision_of_day_month_or_year(meta):
    dated = 0
    for where, mapping in all_mappings(meta.data):
        if any(mapping.get(k) is not None for k in ("date", "start", "end", "date_latest")):
            dated += 1
            assert mapping.get("precision") in PRECISIONS, where
    assert dated >= 15


def test_dates_are_no_more_vague_than_their_precision_says(meta):
    for step in meta.chain():
        parts = len(str(step["date"]).split("-"))
        assert parts >= {"day": 3, "month": 2, "year": 1}[step["precision"]], step["id"]


def test_ids_are_unique_within_each_section(meta):
    for section in SECTIONS:
        assert len(set(ids(meta[section]))) == len(meta[section]), section


# ---------------------------------------------------------------- people


def test_the_people_include_author_recipient_intermediary_and_cipher_service(meta):
    roles = {p["id"]: p["role"] for p in meta.people()}
    assert roles["stalin"] == "author"
    assert roles["kim-il-sung"] == "recipient"
    assert roles["shtykov"] == "intermediary"
    assert roles["eighth-department"] == "cipher service"


def test_stalins_pseudonyms_are_listed_as_variants(meta):
    variants = set(meta.person("stalin")["variants"])
    assert {"Feng Xi", "Fyn Si", "Fin Si", "Filippov"} <= variants


def test_the_misrendered_name_is_a_known_variant_of_kim_il_sung(meta):
    assert "Kim II Sung" in meta.person("kim-il-sung")["variants"]


def test_shtykovs_term_is_given_to_the_month_with_a_note(meta):
    shtykov = meta.person("shtykov")
    assert shtykov["name"] == "Terentii Fomich Shtykov"
    assert (str(shtykov["start"]), str(shtykov["end"]), shtykov["precision"]) == (
        "1948-10", "1950-12", "month")
    assert "differ" in shtykov["note"] or "some accounts" in shtykov["note"]


def test_every_person_has_a_name_a_role_and_a_description(meta):
    for person in meta.people():
        assert person["name"] and person["role"] and len(person["description"]) > 40


# ---------------------------------------------------------------- chain


CHAIN_IDS = ["drafted", "enciphered", "received", "delivered", "reported", "archived",
             "declassified", "translated", "published"]


def test_the_chain_has_every_step_from_drafting_to_online_publication(meta):
    assert ids(meta.chain()) == CHAIN_IDS


def test_each_step_says_who_what_when_and_by_which_means(meta):
    for step in meta.chain():
        for key in ("step", "date", "precision", "actor", "means", "description", "source"):
            assert step.get(key), f"{step['id']} lacks {key}"


def test_the_registration_footer_is_recorded(meta):
    drafted = meta.chain()[0]
    assert str(drafted["date"]) == "1950-08-28" and drafted["precision"] == "day"
    assert "483/sh" in drafted["description"] and "Copy No. 1" in drafted["description"]


def test_the_cipher_telegram_number_and_the_cipher_service_are_recorded(meta):
    step = next(s for s in meta.chain() if s["id"] == "enciphered")
    assert "75021" in step["description"] and step["actor"] == "eighth-department"
    assert step["means"] == "cipher telegram"


def test_the_28_or_29_august_puzzle_is_explained_honestly(meta):
    received = next(s for s in meta.chain() if s["id"] == "received")
    assert str(received["date"]) == "1950-08-29"
    note = " ".join(received["note"].split())
    for words in ("29.8.50", "registered", "six hours", "not a proven one"):
        assert words in note + received["description"], words
    assert received["date_puzzle"] is True


def test_oral_delivery_and_dictation_are_in_the_chain(meta):
    delivered = next(s for s in meta.chain() if s["id"] == "delivered")
    assert delivered["means"] == "oral delivery"
    assert "dictates" in delivered["description"]
    assert delivered["precision"] == "month" and str(delivered["date_latest"]) == "1950-08-31"


def test_shtykovs_report_answers_no_483_and_mentions_the_political_council(meta):
    reported = next(s for s in meta.chain() if s["id"] == "reported")
    assert str(reported["date"]) == "1950-08-31"
    assert "483/sh" in reported["description"] and "Political Council" in reported["description"]


def test_both_archive_references_are_in_the_archived_step(meta):
    archived = " ".join(next(s for s in meta.chain() if s["id"] == "archived")["description"]
                        .split())
    assert "fond 45, opis 1, delo 347, listy 5-6 and 10-11" in archived
    assert "fond 059a, opis 5a, delo 4, papka 11, listy 155-156" in archived


def test_release_translation_and_publication_are_dated_to_the_year_with_caveats(meta):
    steps = {s["id"]: s for s in meta.chain()}
    for step_id in ("declassified", "translated", "published"):
        assert steps[step_id]["precision"] == "year"
        assert steps[step_id]["note"], step_id
    assert "1994" in steps["declassified"]["description"]
    assert "Bulletin 6-7" in steps["translated"]["description"]
    assert "not verified" in steps["translated"]["note"]


# ---------------------------------------------------------------- related, quirks, insertions


def test_related_records_include_the_reply_and_the_telegram_of_1_july(meta):
    related = {r["id"]: r for r in meta.related()}
    assert {"shtykov-reply-1950-08-31", "stalin-1950-07-01"} <= set(related)
    assert len(related) >= 4
    reply = related["shtykov-reply-1950-08-31"]
    assert "delo 347" in reply["archive_reference"]
    assert reply["record"] is None and "not verify" in reply["note"]
    assert "34691" in related["stalin-1950-07-01"]["title"]


def test_related_records_are_by_reference_only(meta):
    for item in meta.related():
        assert item["title"] and item["summary"] and "archive_reference" in item
        assert '"' not in item["summary"].replace('"Feng Xi"', ""), "no quotation in summaries"
        assert len(item["summary"]) < 300


def test_the_quirks_are_all_recorded_and_really_in_the_record(meta, doc):
    quirks = {q["id"]: q for q in meta.quirks()}
    assert set(quirks) == {"kim-ii-sung", "advise-advice", "peoples-army", "test-mirror-address"}
    whole = "\n".join([doc.title, doc.citation, doc.summary or "", doc.body])
    for quirk in quirks.values():
        assert quirk["published"] in whole, quirk["id"]
    assert "People's Army" in doc.body and "Peoples Army" in doc.body
    assert quirks["test-mirror-address"]["published"] == doc.url
    assert quirks["test-mirror-address"]["standard"] == meta.stable_url


def test_the_stable_address_is_the_wilson_center_one(meta):
    assert meta.stable_url == "https://digitalarchive.wilsoncenter.org/document/110696"


def test_each_editorial_insertion_in_the_record_is_explained(meta, doc):
    explained = {i["text"] for i in meta.insertions()}
    for insertion in doc.editorial_insertions:
        assert insertion.text in explained
    wheres = " ".join(i["where"] for i in meta.insertions())
    assert "title" in wheres and "signature" in wheres and "point 1" in wheres
    for item in meta.insertions():
        assert "editor" in item["added_by"] or "translator" in item["added_by"]


# ---------------------------------------------------------------- adapted version


def test_the_adapted_version_covers_the_whole_body(meta):
    adapted = meta.adapted()
    labels = [p["label"] for p in adapted["paragraphs"]]
    numbers = [p["number"] for p in adapted["paragraphs"] if p["number"] is not None]
    assert numbers == [1, 2, 3]
    for label in ("Header", "Instruction to the ambassador", "Signature", "Footer"):
        assert label in labels
    assert "Stanford History Education Group" in adapted["note"]


def test_every_change_is_visible_and_true_to_both_texts(meta, doc):
    adapted = meta.adapted()
    adapted_text = " ".join(" ".join(p["text"].split()) for p in adapted["paragraphs"])
    labels = {p["label"] for p in adapted["paragraphs"]} | {"all"}
    assert len(adapted["changes"]) >= 15
    for change in adapted["changes"]:
        assert change["original"] in doc.body, change["original"]
        assert change["adapted"] in adapted_text, change["adapted"]
        assert change["paragraph"] in labels
        assert change["why"]


def test_the_adapted_text_corrects_the_name_and_keeps_no_editor_brackets(meta):
    adapted_text = " ".join(p["text"] for p in meta.adapted()["paragraphs"])
    assert "Kim II Sung" not in adapted_text and "Kim Il Sung" in adapted_text
    assert "[" not in adapted_text


# ---------------------------------------------------------------- helpers


def test_dates_are_written_no_more_precisely_than_known():
    assert date_label("1950-08-28", "day") == "28 August 1950"
    assert date_label("1950-08-28", "month") == "August 1950"
    assert date_label("1994", "year") == "1994"
    assert parse_partial_date("1950-08").isoformat() == "1950-08-01"
    with pytest.raises(ValueError):
        parse_partial_date("late August")


def test_metadata_is_a_read_only_mapping(meta):
    assert meta["id"] == "feng-xi-1950-08-28" and "chain" in meta and len(meta) > 5
    meta.chain()[0]["id"] = "changed"
    assert meta.chain()[0]["id"] == "drafted"


# ---------------------------------------------------------------- broken files


def write_broken(tmp_path: Path, raw_text: str, old: str, new: str) -> Path:
    assert old in raw_text, old
    path = tmp_path / "broken.yaml"
    path.write_text(raw_text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_a_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(FileNotFoundError) as err:
        load_metadata(path=missing)
    assert str(missing) in str(err.value)


def test_a_missing_document_id_names_the_expected_path():
    with pytest.raises(FileNotFoundError) as err:
        load_metadata("no-such-record")
    assert "no-such-record.yaml" in str(err.value)


def test_a_fact_without_a_source_names_file_line_and_field(tmp_path, raw_text):
    old = "    source: shtykov-1950-08-31\n    date_puzzle: true"
    path = write_broken(tmp_path, raw_text, old, "    date_puzzle: true")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert err.value.path == str(path)
    assert err.value.field == "chain[2] (received)"
    assert err.value.line == line_of(path, "  - id: received")
    assert "source" in str(err.value) and str(path) in str(err.value)


def test_a_dated_fact_without_precision_names_file_line_and_field(tmp_path, raw_text):
    old = '    date: "1950-08-31"\n    precision: day\n    actor: shtykov'
    new = '    date: "1950-08-31"\n    actor: shtykov'
    path = write_broken(tmp_path, raw_text, old, new)
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert err.value.field == "chain[4] (reported)"
    assert err.value.line == line_of(path, "  - id: reported")
    assert "precision" in err.value.message


def test_an_unknown_source_key_points_at_its_line(tmp_path, raw_text):
    path = write_broken(tmp_path, raw_text, "    source: weathersby-1993\n",
                        "    source: weathersby-1939\n")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert err.value.line == line_of(path, "weathersby-1939")
    assert err.value.field == "people[2].source (shtykov)"


def test_the_date_puzzle_and_the_short_names_are_the_records_own_data(meta):
    assert meta["date_puzzle"]["step"] in {step["id"] for step in meta.chain()}
    assert "29.8.50" in meta["date_puzzle"]["summary"]
    assert "483/sh" in meta["date_puzzle"]["registered"]
    assert meta.actor_name("stalin") == "Stalin (as Feng Xi)"
    assert meta["names"]["short"] == "the telegram of 28 August 1950"


def test_a_date_puzzle_naming_no_chain_step_names_file_line_and_field(tmp_path, raw_text):
    path = write_broken(tmp_path, raw_text, "  step: received\n", "  step: recieved\n")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert err.value.line == line_of(path, "  step: recieved")
    assert err.value.field == "date_puzzle.step" and "recieved" in err.value.message


def test_a_date_puzzle_without_its_heading_is_named(tmp_path, raw_text):
    path = write_broken(tmp_path, raw_text, "  heading: 28 or 29 August?\n", "")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert err.value.field == "date_puzzle" and "heading" in err.value.message


def test_broken_yaml_names_the_line(tmp_path, raw_text):
    path = write_broken(tmp_path, raw_text, "    step: Reported back to Moscow\n",
                        "    step: [Reported back to Moscow\n")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert str(path) in str(err.value) and "not valid YAML" in str(err.value)
    assert abs(err.value.line - line_of(path, "step: [Reported")) <= 2


def test_a_missing_section_is_named(tmp_path, raw_text):
    data = yaml.safe_load(raw_text)
    del data["quirks"]
    path = tmp_path / "no-quirks.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert "quirks" in str(err.value)
