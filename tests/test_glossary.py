"""The glossary a student consults: every term defined and sourced, found and marked in the text."""

from __future__ import annotations

import re

import pytest

from primary_source.glossary import (
    TERM_STYLE,
    GlossaryError,
    define,
    find_terms,
    load_glossary,
    mark_terms_html,
)

REQUIRED_TERMS = [
    "VKP(b)", "CC", "APRF", "AVPRF", "fond", "opis", "delo", "listy", "papka",
    "8th Department of the General Staff", "ciphered telegram", "Feng Xi", "Filippov", "Shtykov",
    "Kim Il Sung", "interventionists", "Allied intervention in Russia", "civil war",
    "Great Patriotic War", "Korean People's Army", "assault aircraft", "fighter aircraft",
    "imperialism", "liberation struggle", "Comrade", "Political Council",
    "Wilson Center Digital Archive", "CWIHP", "Pusan Perimeter", "38th parallel", "UN Command",
]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_the_glossary_has_every_term_the_lessons_need(glossary):
    assert len(glossary) >= 28
    missing = set(REQUIRED_TERMS) - set(glossary["term"])
    assert not missing


def test_every_term_has_a_definition_in_sentences_and_a_citable_source(glossary):
    for row in glossary.itertuples():
        assert len(row.definition) > 40, row.term
        assert row.definition.rstrip().endswith((".", ")")), row.term
        # a source names a work (quoted title or an archive record), not just a web address
        assert re.search(r'"[^"]+"|record \d+|Resolution \d+|Dictionary', row.source), row.term
        assert not row.source.startswith("http"), row.term


def test_the_glossary_has_the_documented_columns(glossary):
    assert list(glossary.columns)[:4] == ["term", "variants", "definition", "source"]
    assert "Kim II Sung" in glossary.set_index("term").loc["Kim Il Sung", "variants"]


def write(tmp_path, text):
    path = tmp_path / "glossary.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_row_without_a_source_is_reported_with_file_line_and_field(tmp_path):
    path = write(tmp_path, "term,variants,definition,source\n"
                           "fond,,A collection.,Grimsted 2000\n"
                           "opis,,An inventory.,\n")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert (err.value.line, err.value.field) == (3, "source")
    assert f"{path}:3: source: " in str(err.value)


def test_a_row_without_a_definition_is_reported_after_a_multi_line_row(tmp_path):
    path = write(tmp_path, 'term,variants,definition,source\n'
                           'fond,,"A collection,\nover two lines.",Grimsted 2000\n'
                           'delo,,,Grimsted 2000\n')
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert (err.value.line, err.value.field) == (4, "definition")


def test_a_missing_column_and_a_repeated_term_are_reported(tmp_path):
    with pytest.raises(GlossaryError, match="no 'source' column"):
        load_glossary(write(tmp_path, "term,variants,definition\nfond,,A collection.\n"))
    with pytest.raises(GlossaryError, match="already defined on line 2") as err:
        load_glossary(write(tmp_path, "term,variants,definition,source\n"
                                      "fond,,A collection.,Grimsted\nFond,,Again.,Grimsted\n"))
    assert err.value.line == 3


def test_find_terms_finds_variants_in_any_capitalisation_as_whole_words(doc):
    point_1 = next(p.text for p in doc.paragraphs if p.number == 1)
    terms = [t for t, _, _ in find_terms(point_1)]
    assert terms.count("Kim Il Sung") == 2  # spelled "Kim II Sung" in the record
    assert terms.count("Comrade") == 2  # "Comrade" and "comrade"
    assert "VKP(b)" in terms and "liberation struggle" in terms
    assert find_terms("the fondest wish") == []


def test_find_terms_gives_offsets_and_prefers_the_longer_term():
    text = "the Korean People's Army and the People's Army"
    found = find_terms(text)
    assert [t for t, _, _ in found] == ["Korean People's Army", "Korean People's Army"]
    term, start, end = found[0]
    assert text[start:end] == "Korean People's Army"


def test_find_terms_on_the_citation_finds_the_archival_words(doc):
    terms = {t for t, _, _ in find_terms(doc.citation)}
    assert {"APRF", "AVPRF", "fond", "opis", "delo", "listy", "papka"} <= terms


def test_marked_html_escapes_everything_and_underlines_terms_with_a_dotted_line():
    html = mark_terms_html('<script>alert("x")</script> Fond 45 & "opis"')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<abbr") == 2
    assert "underline dotted" in TERM_STYLE and TERM_STYLE in html
    assert 'title="fond: The biggest unit' in html


def test_a_definition_with_quotes_stays_inside_its_title_attribute():
    html = mark_terms_html("CC VKP(b)")
    titles = re.findall(r'title="([^"]*)"', html)
    assert len(titles) == 2 and all("&quot;" in t or '"' not in t for t in titles)


def test_define_gives_definition_and_source_for_a_term_or_variant():
    meaning, source = define("Kim II Sung")
    assert meaning.startswith("The leader of North Korea") and "(1912-1994)" in meaning
    assert "Millett" in source
    assert define("no such term") is None


def test_every_entry_opens_with_a_plain_short_first_sentence(glossary):
    """Issue 17: a first line a 16-year-old understands, before the detail."""
    for row in glossary.itertuples():
        first = re.split(r"(?<=[.!?])\s", row.definition.strip(), maxsplit=1)[0]
        assert len(first.split()) <= 25, (row.term, first)
        assert not re.search(r"\b(Marxist-Leninist|enciphered|latitude)\b", first), row.term


def test_the_hard_words_of_the_lessons_have_entries(glossary):
    terms = set(glossary["term"])
    assert {"fond", "opis", "delo", "RGASPI", "ignominy", "UTC offset", "cover name"} <= terms
    assert define("UTC+9") is not None and define("Ignominy") is not None


def test_the_cover_name_entries_say_what_was_hidden_and_that_names_varied():
    feng_xi, _ = define("Feng Xi")
    assert "never names" not in feng_xi and "To Stalin" in feng_xi
    filippov, source = define("Filippov")
    assert "Gottwald" in filippov and "Gottwald" in source
