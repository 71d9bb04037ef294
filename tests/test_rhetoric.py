"""The rhetoric key: every quote is in the telegram exactly once, and a broken key says where."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from primary_source import paths
from primary_source.rhetoric import (
    NO_DEVICE,
    RhetoricKeyError,
    annotated_html,
    compare,
    device_html,
    devices_by_point,
    in_context,
    load_key,
    locate,
    point_of,
    split_sentences,
    tag_units,
    validate_key,
)

RAW_KEY = yaml.safe_load(paths.rhetoric_path().read_text(encoding="utf-8"))
ANNOTATIONS = RAW_KEY["annotations"]
CATALOGUE = [d["name"] for d in RAW_KEY["devices"]]

REQUIRED_DEVICES = [
    "praise", "reassurance", "historical analogy", "naming the enemy", "sweeping claim",
    "solidarity and promise of help", "directive", "conditional offer",
    "secrecy and deniability",
]


@pytest.fixture(scope="module")
def key():
    return load_key()


def annotation_containing(words: str) -> dict:
    found = [a for a in ANNOTATIONS if words in a["quote"]]
    assert found, f"no annotation quotes {words!r}"
    return found[0]


# --------------------------------------------------------------------------- the shipped key


@pytest.mark.parametrize("annotation", ANNOTATIONS, ids=[a["id"] for a in ANNOTATIONS])
def test_every_annotation_quote_occurs_exactly_once_in_the_published_text(annotation, doc):
    assert doc.body.count(annotation["quote"]) == 1


def test_every_device_an_annotation_uses_is_in_the_catalogue():
    unknown = {a["device"] for a in ANNOTATIONS} - set(CATALOGUE)
    assert not unknown


def test_the_catalogue_has_each_device_the_lesson_teaches_once(key):
    for name in REQUIRED_DEVICES:
        assert name in key.device_names
    assert len(CATALOGUE) == len(set(CATALOGUE))
    for device in key.devices:
        assert device.definition and device.example_hint


def test_the_key_has_at_least_sixteen_explained_annotations_covering_every_point(key):
    assert len(key.annotations) >= 16
    assert {a.point for a in key.annotations} >= {None, 1, 2, 3}
    for a in key.annotations:
        assert len(a.explanation.split()) >= 8, a.id
        assert a.quote not in a.explanation, f"{a.id}: explain in our own words"


@pytest.mark.parametrize(("words", "device"), [
    ("Verbally transmit", "secrecy and deniability"),
    ("but without my signature", "secrecy and deniability"),
    ("during the civil war", "historical analogy"),
    ("the war with Germany", "historical analogy"),
    ("intervention in 1919", "historical analogy"),
    ("the interventionists will be driven out", "naming the enemy"),
    ("the war against the interventionists", "naming the enemy"),
    ("imperialist yoke", "naming the enemy"),
    ("the Americans and to any imperialists", "naming the enemy"),
    ("Korea is not alone now", "solidarity and promise of help"),
    ("If it is necessary, we can throw in additional assault aircraft", "conditional offer"),
    ("Advise Comrade Kim II Sung not to scatter the air force", "directive"),
    ("brilliant success", "praise"),
    ("should not be embarrassed", "reassurance"),
])
def test_the_passages_the_lesson_discusses_are_in_the_key(words, device):
    assert annotation_containing(words)["device"] == device


def test_each_annotation_sits_in_the_point_it_claims(key):
    for a in key.annotations:
        assert point_of(a.start, key.text) == a.point, a.id
        assert key.text[a.start:a.end] == a.quote


# --------------------------------------------------------------------------- a broken key

GOOD_DEVICES = """\
devices:
  - name: praise
    definition: Approval of the addressee.
  - name: directive
    definition: An instruction.
"""


def write_key(tmp_path, annotations: str, devices: str = GOOD_DEVICES):
    path = tmp_path / "rhetoric.yaml"
    path.write_text(devices + "annotations:\n" + textwrap.dedent(annotations), encoding="utf-8")
    return path


def line_of(path, words: str, nth: int = 1) -> int:
    hits = [i for i, line in enumerate(path.read_text().splitlines(), 1) if words in line]
    return hits[nth - 1]


def only_problem(path):
    with pytest.raises(RhetoricKeyError) as err:
        load_key(path)
    assert len(err.value.problems) == 1, str(err.value)
    return err.value


def test_an_unknown_device_is_reported_with_file_line_and_field(tmp_path):
    path = write_key(tmp_path, """\
      - id: one
        quote: Verbally transmit the following to Kim II Sung.
        device: flattery of the reader
        point: null
        explanation: Spoken, not written.
    """)
    err = only_problem(path)
    assert (err.path, err.line, err.field) == (str(path), line_of(path, "flattery"), "device")
    assert "unknown device 'flattery of the reader'" in str(err)
    assert str(err).startswith(f"{path}:{err.line}: device: ")


def test_a_duplicate_device_in_the_catalogue_is_reported(tmp_path):
    devices = GOOD_DEVICES + "  - name: praise\n    definition: Said twice.\n"
    path = write_key(tmp_path, """\
      - id: one
        quote: brilliant success
        device: praise
        point: 1
        explanation: Generous words for a stalled offensive.
    """, devices)
    err = only_problem(path)
    assert (err.line, err.field) == (line_of(path, "name: praise", 2), "name")
    assert "duplicate device 'praise'" in str(err)


def test_the_same_quote_twice_is_reported_at_the_second(tmp_path):
    path = write_key(tmp_path, """\
      - id: one
        quote: brilliant success
        device: praise
        point: 1
        explanation: Generous words for a stalled offensive.
      - id: two
        quote: brilliant success
        device: directive
        point: 1
        explanation: Read again as an order.
    """)
    err = only_problem(path)
    assert (err.line, err.field) == (line_of(path, "quote: brilliant success", 2), "quote")
    assert "duplicate quote" in str(err) and "'one'" in str(err)


def test_a_quote_not_in_the_text_is_reported(tmp_path):
    path = write_key(tmp_path, """\
      - id: one
        quote: the glorious Soviet air force
        device: praise
        point: 3
        explanation: Words the telegram never uses.
    """)
    err = only_problem(path)
    assert (err.line, err.field) == (line_of(path, "glorious"), "quote")
    assert "not found in the document" in str(err)


def test_a_quote_found_twice_is_reported_with_the_count(tmp_path):
    path = write_key(tmp_path, """\
      - id: one
        quote: the interventionists
        device: praise
        point: 1
        explanation: Too short to be found once.
    """)
    err = only_problem(path)
    assert (err.line, err.field) == (line_of(path, "quote: the interventionists"), "quote")
    assert "found 2 times" in str(err)


def test_a_quote_with_other_spacing_or_marks_is_not_accepted_but_the_near_match_is_shown(tmp_path):
    path = write_key(tmp_path, """\
      - id: one
        quote: "Korean People\u2019s  Army"
        device: praise
        point: 2
        explanation: Curly apostrophe and a double space.
    """)
    err = only_problem(path)
    assert err.field == "quote"
    assert "Korean People's Army" in str(err)


def test_a_missing_explanation_and_a_wrong_point_are_reported(tmp_path):
    path = write_key(tmp_path, """\
      - id: one
        quote: brilliant success
        device: praise
        point: 3
      - id: two
        quote: but without my signature
        device: directive
        point: null
        explanation: "   "
    """)
    with pytest.raises(RhetoricKeyError) as err:
        load_key(path)
    where = {(p.field, p.line) for p in err.value.problems}
    assert ("explanation", line_of(path, "id: one")) in where
    assert ("point", line_of(path, "point: 3")) in where
    assert ("explanation", line_of(path, 'explanation: "   "')) in where


def test_broken_yaml_is_reported_with_its_line(tmp_path):
    path = tmp_path / "rhetoric.yaml"
    path.write_text(GOOD_DEVICES + "annotations:\n  - id: one\n    quote: [unclosed\n")
    problems, key = validate_key(path)
    assert key is None
    assert problems[0].field == "(syntax)" and problems[0].line >= 7


def test_the_shipped_key_has_no_problems():
    problems, key = validate_key()
    assert problems == [] and key is not None


# --------------------------------------------------------------------------- locating quotes


def test_locate_finds_every_exact_occurrence():
    text = "the war with Germany and the war with Japan"
    assert locate("the war with", text) == [(0, 12), (25, 37)]
    assert locate("the War", text) == []


def test_locate_tolerant_ignores_spacing_curly_quotes_and_dashes(doc):
    body = doc.body
    spans = locate("  Korean People\u2019s\n Army ", body, tolerant=True)
    assert len(spans) == 1
    start, end = spans[0]
    assert body[start:end] == "Korean People's Army"
    assert locate("written form-give it", body, tolerant=True)
    assert locate("written form-give it", body) == []


# --------------------------------------------------------------------------- tag units


def test_the_sentences_to_tag_are_the_fourteen_sentences_of_the_message(doc):
    units = tag_units(doc)
    assert len(units) == 14
    assert units[0].text == "Verbally transmit the following to Kim II Sung."
    assert units[-1].text.startswith("If it is necessary, we can throw in")
    assert [u.id for u in units[:3]] == ["s01", "s02", "s03"]
    assert [sum(u.point == p for u in units) for p in (None, 1, 2, 3)] == [2, 2, 7, 3]
    for u in units:
        assert doc.body[u.start:u.end] == u.text
        assert "CIPHERED" not in u.text and "Feng Xi" not in u.text


def test_the_simple_splitter_keeps_abbreviations_and_drops_list_markers():
    text = "Heading\n\n- 1. Telegram No. 75021 went out. It was read.\n- 2. Done!"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Heading", "Telegram No. 75021 went out.", "It was read.", "Done!"]


# --------------------------------------------------------------------------- comparing


def test_compare_counts_matches_by_hand(key):
    tags = {
        "s01": "secrecy and deniability",   # key: secrecy -> match
        "s03": "praise",                    # key: collective voice and praise -> match
        "s06": "praise",                    # key: sweeping claim -> different device
        "s07": "historical analogy",        # key: historical analogy -> match
        "s14": "directive",                 # key: conditional offer -> different device
        "s09": NO_DEVICE,                   # the placeholder is not a tag
    }
    table = compare(tags, key)
    result = dict(zip(table["sentence_id"], table["result"], strict=True))
    assert [result[s] for s in ("s01", "s03", "s06", "s07", "s14", "s09")] == [
        "match", "match", "different device", "match", "different device", "not tagged"]
    assert (table.attrs["matched"], table.attrs["tagged"]) == (3, 5)
    assert table.attrs["agreement"] == pytest.approx(3 / 5)


def test_compare_marks_a_tag_on_a_sentence_the_key_leaves_out(tmp_path):
    text = "Title\n\n- 1. We salute you. It rains today. Help will come.\n"
    path = write_key(tmp_path, """\
      - id: one
        quote: We salute you.
        device: praise
        point: 1
        explanation: A greeting that flatters the reader.
    """)
    key = load_key(path, text=text)
    table = compare({"s01": "praise", "s02": "directive"}, key)
    assert table["result"].tolist() == ["match", "not in the key"]
    assert table.attrs["agreement"] == pytest.approx(1 / 2)
    assert compare({}, key).attrs["agreement"] == 0.0


def test_compare_refuses_a_sentence_id_that_does_not_exist(key):
    with pytest.raises(ValueError, match="s99"):
        compare({"s99": "praise"}, key)


def test_devices_by_point_counts_every_annotation_once(key):
    table = devices_by_point(key).set_index("device")
    assert list(table.index) == key.device_names
    assert table["total"].sum() == len(key.annotations)
    assert table.loc["directive", "point 3"] == table.loc["directive", "total"] == 3
    assert table.loc["secrecy and deniability", "instruction and signature"] == 3
    assert table.loc["praise", "point 1"] == 2


# --------------------------------------------------------------------------- HTML views


def test_the_marked_text_labels_every_passage_with_its_device(key):
    html = annotated_html(key)
    assert html.count('<mark class="ps-rhetoric-mark"') == len(key.annotations)
    assert html.count('<sup class="ps-rhetoric-label"') == len(key.annotations)
    assert "[historical analogy]</sup>" in html
    only = annotated_html(key, "conditional offer")
    assert only.count("<mark") == 1 and "If it is necessary, we can throw in" in only


def test_context_shows_the_words_around_a_quote(key):
    a = next(a for a in key.annotations if a.quote == "Korea is not alone now")
    before, quote, after = in_context(a, key.text, width=30)
    assert quote == "Korea is not alone now"
    assert before.endswith("should not forget that ") and after.startswith(", that it has")


def test_hostile_strings_in_a_key_are_escaped(tmp_path):
    text = "Intro.\n\n- 1. Say <script>alert(1)</script> now & then.\n"
    devices = ('devices:\n  - name: "<b>bold</b>"\n    definition: "<img src=x onerror=alert(2)>"'
               '\n    example_hint: "a & b"\n')
    path = write_key(tmp_path, """\
      - id: one
        quote: <script>alert(1)</script>
        device: <b>bold</b>
        point: 1
        explanation: "</li><script>alert(3)</script>"
    """, devices)
    key = load_key(path, text=text)
    for html in (annotated_html(key), device_html(key, "<b>bold</b>")):
        assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; then" in annotated_html(key)
