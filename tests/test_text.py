"""What a student sees when counting, searching and classifying the words of a text."""

from __future__ import annotations

import pytest

from primary_source.text import (
    DEFAULT_STOPWORDS,
    NAME_VARIANTS,
    canonical_person,
    classify_sentence,
    frequencies,
    kwic,
    paragraph_units,
    person_mentions,
    point_figures,
    sentence_kinds,
    sentences,
    voices,
    word_use_figure,
    words,
)

# Point 2 of the telegram, copied by hand from the published record (no editor's brackets in it).
POINT_2 = (
    "Comrade Kim II Sung should not be embarrassed by the fact that he does not have solid "
    "successes in the war against the interventionists, that the successes are sometimes "
    "interrupted by delays in the advance or even by some local set-backs. In such a war "
    "continuous successes do not occur. The Russians also did not have continuous successes "
    "during the civil war and even more during the war with Germany. The greatest success of the "
    "Korean people is that Korea has now become the most popular country in the world and has "
    "turned into the banner of the movement in Asia for liberation from the imperialist yoke. The "
    "armies of all enslaved peoples will now learn from the Korean People's Army the art of "
    "bringing decisive blows to the Americans and to any imperialists. Moreover, Comrade Kim II "
    "Sung should not forget that Korea is not alone now, that it has allies, who are rendering "
    "and will render it aid. The position of the Russians during the Anglo-French-American "
    "intervention in 1919 was several times worse than the position of the Korean comrades at "
    "the present time."
)


# --- words -----------------------------------------------------------------------------------

def test_words_keep_possessives_hyphens_party_initials_and_registry_numbers_whole():
    found = words("The People's Army had set-backs; CC VKP(b) sent No. 483/sh.")
    assert found == ["The", "People's", "Army", "had", "set-backs", "CC", "VKP(b)", "sent",
                     "No.", "483/sh"]


def test_an_em_dash_separates_two_words():
    assert words("in written form—give it") == ["in", "written", "form", "give", "it"]


def test_curly_apostrophes_stay_inside_the_word():
    assert words("the People\u2019s Army") == ["the", "People\u2019s", "Army"]


def test_a_sentence_final_full_stop_is_not_part_of_the_word():
    assert words("He said no. Then he left.") == ["He", "said", "no", "Then", "he", "left"]


def test_abbreviations_keep_their_full_stop():
    assert words("the U.S. Army, guns, etc.") == ["the", "U.S.", "Army", "guns", "etc."]


# --- sentences -------------------------------------------------------------------------------

def test_point_2_of_the_telegram_has_seven_sentences(doc):
    # Counted by reading: embarrassed / such a war / Russians / greatest success / armies /
    # Moreover / position of the Russians.
    point_2 = next(p.text for p in doc.paragraphs if p.number == 2)
    assert point_2 == POINT_2
    found = sentences(point_2)
    assert len(found) == 7
    assert found[1] == "In such a war continuous successes do not occur."
    assert found[-1].startswith("The position of the Russians")


def test_points_1_and_3_have_two_and_three_sentences(doc):
    points = {p.number: p.text for p in doc.paragraphs if p.number}
    assert len(sentences(points[1])) == 2
    assert len(sentences(points[3])) == 3


def test_registry_numbers_and_copy_lines_do_not_end_a_sentence():
    text = "CIPHERED TELEGRAM No. 75021 Pyongyang Soviet Ambassador. Copy No. 1 To Stalin"
    assert sentences(text) == ["CIPHERED TELEGRAM No. 75021 Pyongyang Soviet Ambassador.",
                               "Copy No. 1 To Stalin"]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = ("The U.S. Army and J. V. Stalin met Dr. Park. Tanks, guns, etc. were sent. "
            "Comrade Kim agreed.")
    assert sentences(text) == ["The U.S. Army and J. V. Stalin met Dr. Park.",
                               "Tanks, guns, etc. were sent.", "Comrade Kim agreed."]


def test_numbered_markers_are_not_sentences_and_blank_lines_separate_headings():
    text = "HEADING WITHOUT A STOP\n\n- 1. First point. Still first.\n- 2. Second point."
    assert sentences(text) == ["HEADING WITHOUT A STOP", "First point.", "Still first.",
                               "Second point."]


def test_questions_and_exclamations_end_sentences():
    assert sentences("Is it so? Yes! Good.") == ["Is it so?", "Yes!", "Good."]


# --- frequencies -----------------------------------------------------------------------------

def test_frequencies_fold_case_and_leave_out_common_words():
    table = frequencies("The war. THE WAR! A war and peace.")
    assert table.iloc[0].to_dict() == {"word": "war", "count": 3, "share": pytest.approx(3 / 8)}
    assert "the" not in set(table["word"])


def test_stop_words_can_be_replaced_extended_or_switched_off():
    text = "The comrade and the comrade and the war."
    assert "comrade" not in set(frequencies(text, stopwords={"comrade"})["word"])
    assert "the" in set(frequencies(text, stopwords={"comrade"})["word"])  # replaced, not added
    extended = frequencies(text, stopwords=DEFAULT_STOPWORDS | {"comrade"})
    assert list(extended["word"]) == ["war"]
    everything = frequencies(text, stopwords=None)
    assert dict(zip(everything["word"], everything["count"], strict=True))["the"] == 3
    assert isinstance(DEFAULT_STOPWORDS, frozenset)


def test_top_keeps_the_most_frequent_and_ties_are_alphabetical():
    table = frequencies("b a c b a d", stopwords=None, top=2)
    assert list(table["word"]) == ["a", "b"]


def test_curly_and_straight_apostrophes_count_as_one_word():
    table = frequencies("People's army. People\u2019s army.", stopwords=None)
    assert dict(zip(table["word"], table["count"], strict=True))["people's"] == 2


def test_the_telegrams_most_used_content_words_include_the_name_and_korean(doc):
    table = frequencies(doc.text(), top=10)
    counts = dict(zip(table["word"], table["count"], strict=True))
    assert counts["kim"] == 6  # six "Kim II Sung" in the body, counted by reading
    assert counts["korean"] == 5
    assert list(table.columns) == ["word", "count", "share"]


# --- keyword in context ----------------------------------------------------------------------

def test_kwic_matches_whole_words_only_and_ignores_case(doc):
    table = kwic(doc, "korea")
    # Read in the text: "out of Korea", "that Korea has", "that Korea is" (never "Korean").
    assert list(table["keyword"]) == ["Korea", "Korea", "Korea"]
    assert list(table["paragraph"]) == [1, 2, 2]


def test_kwic_shows_the_words_around_the_keyword():
    table = kwic("one two three four five KEY six seven", "key", window=2)
    row = table.iloc[0]
    assert (row["left"], row["keyword"], row["right"]) == ("four five", "KEY", "six seven")
    assert pd_isna(row["paragraph"])


def test_kwic_finds_phrases_and_numbers_points_in_a_plain_text():
    text = "Intro.\n\n- 1. The Korean people fight.\n- 2. Korean people again; Korean army."
    table = kwic(text, "Korean people", window=1)
    assert list(table["paragraph"]) == [1, 2]
    assert list(table["keyword"]) == ["Korean people", "Korean people"]


def test_kwic_with_variants_finds_every_spelling_of_a_name(doc):
    assert len(kwic(doc, "Kim Il Sung")) == 0  # the record spells it "Kim II Sung"
    assert len(kwic(doc, "Kim Il Sung", variants=True)) == 6
    stalin = kwic(doc, "Stalin", variants=True, window=2)
    assert list(stalin["keyword"]) == ["Feng Xi", "Stalin", "Stalin"]


def test_kwic_of_a_word_that_is_not_there_is_an_empty_table():
    table = kwic("Nothing to see.", "Korea")
    assert table.empty
    assert list(table.columns)[:4] == ["left", "keyword", "right", "paragraph"]


# --- names -----------------------------------------------------------------------------------

def test_spellings_of_one_person_are_one_person():
    assert canonical_person("Kim II Sung") == "Kim Il Sung"
    assert canonical_person("Comrade Kim II Sung") == "Kim Il Sung"
    assert canonical_person("Feng Xi") == canonical_person("Stalin") == "Stalin"
    assert canonical_person("Korea") is None
    assert "Kim II Sung" in NAME_VARIANTS["Kim Il Sung"]


def test_person_mentions_count_variants_as_one_person(doc):
    table = person_mentions(doc).set_index("person")
    assert table.loc["Kim Il Sung", "mentions"] == 6
    # "Feng Xi" (signature) and "To Stalin" (copy line); the editor's "[Stalin]" is left out.
    assert table.loc["Stalin", "mentions"] == 2
    with_editor = person_mentions(doc, editorial=True).set_index("person")
    assert with_editor.loc["Stalin", "mentions"] == 3


def test_person_mentions_on_an_invented_text():
    table = person_mentions("Comrade Kim II Sung met Kim Il Sung's envoy. Feng Xi wrote.")
    assert table.set_index("person")["mentions"].to_dict() == {"Kim Il Sung": 2, "Stalin": 1}
    assert "Kim II Sung ×1" in table.iloc[0]["spellings"]


# --- voices, sentence kinds, point figures ---------------------------------------------------

def test_voices_show_who_speaks_and_who_is_spoken_of(doc):
    table = voices(doc).set_index("label")
    assert table.loc["Point 3", "we/our/us"] == 1  # "we can throw in"
    assert "we" in table.loc["Point 3", "speaker"]
    assert "third person" in table.loc["Point 1", "speaker"]  # "The CC VKP(b) salutes"
    assert table.loc["Point 2", "the Russians"] == 2
    assert "Comrade Kim" in table.loc["Point 2", "addressed"]
    assert (table["you/your"] == 0).all()  # Kim is never addressed as "you"
    assert table.loc["Instruction to the ambassador", "I/me/my"] == 1  # "my signature"


def test_voices_on_an_invented_text():
    table = voices("You must go. We stay with our friends; I agree. US troops came.")
    row = table.iloc[0]
    assert (row["you/your"], row["we/our/us"], row["I/me/my"]) == (1, 2, 1)


@pytest.mark.parametrize("sentence, kind, cue", [
    ("Advise Comrade Kim not to scatter the air force.", "directive", "Advise"),
    ("Verbally transmit the following to Kim.", "directive", "Verbally transmit"),
    ("Kim should not be embarrassed.", "directive", "should not"),
    ("It is necessary that each attack begin with blows.", "directive", "it is necessary"),
    ("If it is necessary, we can throw in aircraft.", "conditional", "If"),
    ("Unless he asks, say nothing.", "conditional", "Unless"),
    ("In such a war continuous successes do not occur.", "declarative", ""),
])
def test_sentence_kinds_come_with_a_reason(sentence, kind, cue):
    found, reason = classify_sentence(sentence)
    assert found == kind
    assert cue in reason


def test_sentence_kinds_of_the_telegram(doc):
    table = sentence_kinds(doc)
    point_3 = table[table["paragraph"] == 3]
    assert list(point_3["kind"]) == ["directive", "directive", "conditional"]
    assert (table[table["paragraph"] == 1]["kind"] == "declarative").all()
    instruction = table[table["label"] == "Instruction to the ambassador"]
    assert list(instruction["kind"]) == ["directive", "conditional"]
    assert "give" in instruction.iloc[1]["reason"]


def test_point_figures_per_numbered_point(doc):
    table = point_figures(doc).set_index("point")
    assert list(table.index) == [1, 2, 3]
    # Point 1 without the translator's bracket, counted by hand: 50 words.
    assert table.loc[1, "words"] == 50
    assert table.loc[2, "words"] == len(POINT_2.split())  # no dashes in point 2
    assert table.loc[2, ["sentences", "directives", "conditionals"]].tolist() == [7, 2, 0]
    assert table.loc[3, ["sentences", "directives", "conditionals"]].tolist() == [3, 2, 1]
    assert table.loc[1, "people"] == "Kim Il Sung"
    assert "the Russians" in table.loc[2, "groups"]
    assert "CC VKP(b)" in table.loc[1, "groups"]


def test_point_figures_of_a_text_without_points_is_empty_but_has_its_columns():
    table = point_figures("Just one paragraph.")
    assert table.empty and "directives" in table.columns


def test_paragraph_labels_name_the_parts_of_the_telegram(doc):
    labels = [u["label"] for u in paragraph_units(doc)]
    assert labels == ["Heading", "Telegram number and address", "Instruction to the ambassador",
                      "Point 1", "Point 2", "Point 3", "Signature", "Registry line"]


def test_word_use_figure_draws_one_bar_per_word_in_okabe_ito_blue():
    table = frequencies("war war peace", stopwords=None)
    fig = word_use_figure(table)
    bars = fig.axes[0].patches
    assert len(bars) == 2
    assert bars[0].get_facecolor()[:3] == pytest.approx((0, 0x72 / 255, 0xB2 / 255))


def test_the_widgets_word_chart_is_the_same_bar_chart_in_svg():
    import xml.etree.ElementTree as ET

    from primary_source.text import word_use_svg

    table = frequencies("war war peace <b>", stopwords=None)
    root = ET.fromstring(word_use_svg(table, title="Words & <counts>"))
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r for r in root.iter(f"{ns}rect") if r.get("class") == "bar"]
    assert [b.get("fill") for b in bars] == ["#0072B2"] * len(table)
    widths = [float(b.get("width")) for b in bars]
    assert widths == sorted(widths, reverse=True) and widths[0] == pytest.approx(2 * widths[1])
    labels = {t.get("class"): [] for t in root.iter(f"{ns}text")}
    for t in root.iter(f"{ns}text"):
        labels[t.get("class")].append(t.text)
    assert labels["word"] == list(table["word"]) and labels["count"] == ["2", "1", "1"]
    assert labels["title"] == ["Words & <counts>"]


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))
