"""Provenance: the citation decoded, the journey as a table and a chart, the editor's layer."""

from __future__ import annotations

import pytest

from primary_source import parse_record
from primary_source.metadata import load_metadata
from primary_source.palette import OKABE_ITO
from primary_source.provenance import (
    LEVEL_INFO,
    Level,
    chain_frame,
    decode_citation,
    decode_reference,
    describe_chain,
    insertions_table,
    plot_chain,
    related_frame,
    text_layers,
)
from primary_source.references import ArchivalReference


@pytest.fixture(scope="module")
def meta():
    return load_metadata()


# ---------------------------------------------------------------- the citation decoded


def test_the_presidential_archive_reference_decodes_level_by_level(doc, meta):
    aprf = doc.archival_references[0]
    levels = decode_reference(aprf, meta)
    assert [(lv.level, lv.value) for lv in levels] == [
        ("archive", "APRF"), ("fond", "45"), ("opis", "1"), ("delo", "347"),
        ("listy", "5-6, 10-11")]
    assert all(isinstance(lv, Level) for lv in levels)
    assert levels[1].caption == "APRF › fond 45: collection"
    assert levels[1].label == "fond = collection"


def test_the_foreign_ministry_reference_has_a_box_level(doc, meta):
    avprf = doc.archival_references[1]
    levels = decode_reference(avprf, meta)
    assert [(lv.level, lv.value) for lv in levels] == [
        ("archive", "AVPRF"), ("fond", "059a"), ("opis", "5a"), ("delo", "4"),
        ("papka", "11"), ("listy", "155-156")]
    assert levels[4].caption == "AVPRF › papka 11: box"


def test_every_level_says_what_it_is_and_why_it_matters(doc, meta):
    for ref in doc.archival_references:
        for lv in decode_reference(ref, meta):
            assert len(lv.meaning) > 40 and len(lv.why_it_matters) > 40
            assert lv.label.startswith(f"{lv.level} = ")


def test_the_archive_level_gives_the_full_name(doc, meta):
    names = [decode_reference(ref, meta)[0].meaning for ref in doc.archival_references]
    assert "Archive of the President of the Russian Federation" in names[0]
    assert "Archive of Foreign Policy of the Russian Federation" in names[1]


def test_the_file_level_names_the_neighbouring_reply_in_the_same_file(doc, meta):
    delo = next(lv for lv in decode_reference(doc.archival_references[0], meta)
                if lv.level == "delo")
    assert "Shtykov to Feng Xi" in delo.why_it_matters and "12-13" in delo.why_it_matters


def test_the_original_copy_note_is_explained_with_the_sheets(doc, meta):
    listy = decode_reference(doc.archival_references[0], meta)[-1]
    assert "original copy" in listy.why_it_matters


def test_a_reference_without_metadata_still_decodes():
    ref = ArchivalReference("RGASPI", fond="558", opis="11", delo="346", listy="104")
    levels = decode_reference(ref)
    assert [lv.level for lv in levels] == ["archive", "fond", "opis", "delo", "listy"]
    assert levels[0].meaning == LEVEL_INFO["archive"][1]


def test_decode_citation_lists_every_level_of_both_references(doc):
    frame = decode_citation(doc)
    assert len(frame) == 11
    assert list(frame["reference"].unique()) == [1, 2]
    assert "AVPRF › papka 11: box" in set(frame["caption"])
    assert {"meaning", "why_it_matters"} <= set(frame.columns)


def test_a_citation_with_no_archive_gives_an_empty_table():
    doc = parse_record("May 1, 1950 A note\nCitation:\n\"A note\", a library\nContents:\nHello.")
    assert decode_citation(doc).empty


# ---------------------------------------------------------------- the journey


def test_the_chain_frame_is_sorted_by_date(meta):
    frame = chain_frame(meta)
    assert frame["date"].is_monotonic_increasing
    assert list(frame["step_no"]) == list(range(1, len(frame) + 1))
    assert frame.loc[0, "id"] == "drafted" and frame.iloc[-1]["id"] == "published"


def test_the_chain_frame_writes_dates_no_more_precisely_than_known(meta):
    labels = chain_frame(meta).set_index("id")["date_label"]
    assert labels["drafted"] == "28 August 1950"
    assert labels["received"] == "29 August 1950"
    assert labels["delivered"] == "between 29 and 31 August 1950"
    assert labels["declassified"] == "1994"


def test_the_chain_frame_names_people_and_full_sources(meta):
    frame = chain_frame(meta).set_index("id")
    assert frame.loc["drafted", "actor"] == "Stalin (as Feng Xi)"
    assert frame.loc["delivered", "actor"] == "Ambassador Shtykov"
    assert "Wilson Center Digital Archive" in frame.loc["drafted", "source"]
    assert frame.loc["delivered", "kind"] == "oral"
    assert frame.loc["enciphered", "kind"] == "cipher"


def test_only_the_steps_of_28_and_29_august_carry_the_date_puzzle(meta):
    frame = chain_frame(meta)
    puzzled = frame[frame["date_puzzle"]]
    assert set(puzzled["date_label"]) == {"28 August 1950", "29 August 1950"}
    assert "received" in set(puzzled["id"])


def test_the_chain_plot_is_a_figure_that_highlights_one_step(meta):
    from matplotlib.figure import Figure

    fig = plot_chain(meta, highlight="received")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert "step 3 of 9" in ax.get_title()
    texts = [t.get_text() for t in ax.texts]
    bold = [t.get_text() for t in ax.texts if t.get_fontweight() == "bold"]
    assert any("Received" in t for t in bold) and not any("Drafted" in t for t in bold)
    assert sum("date puzzle" in t for t in texts) == 3


def test_the_chain_plot_uses_okabe_ito_colours_and_different_shapes(meta):
    fig = plot_chain(meta)
    ax = fig.axes[0]
    colours = {tuple(round(c, 3) for c in coll.get_facecolor()[0][:3]) for coll in ax.collections}
    palette = {tuple(round(int(h[i:i + 2], 16) / 255, 3) for i in (1, 3, 5))
               for h in OKABE_ITO.values()}
    assert colours <= palette and len(colours) >= 4
    legend = ax.get_legend()
    markers = {handle.get_marker() for handle in legend.legend_handles}
    assert len(markers) == len(legend.legend_handles) >= 4


def test_the_widgets_chain_diagram_is_the_same_diagram_in_svg(meta):
    import xml.etree.ElementTree as ET

    from primary_source.chainchart import chain_svg

    root = ET.fromstring(chain_svg(meta, highlight="received"))
    ns = "{http://www.w3.org/2000/svg}"
    steps = [g for g in root.iter(f"{ns}g") if g.get("class") == "step"]
    assert len(steps) == len(chain_frame(meta)) == 9
    title = next(t.text for t in root.iter(f"{ns}text") if t.get("class") == "title")
    assert "step 3 of 9, Received" in title
    bold = [t.text for g in steps for t in g.iter(f"{ns}text") if t.get("font-weight") == "bold"]
    assert any("Received" in t for t in bold) and not any("Drafted" in t for t in bold)
    puzzles = [t for t in root.iter(f"{ns}text") if t.text == "date puzzle"]
    assert len(puzzles) == 3
    fills = {p.get("fill") for p in root.iter() if p.tag in (f"{ns}polygon", f"{ns}circle")}
    assert fills <= set(OKABE_ITO.values()) and len(fills) >= 4


def test_the_chain_plot_refuses_an_unknown_step(meta):
    with pytest.raises(KeyError):
        plot_chain(meta, highlight="teleported")
    with pytest.raises(IndexError):
        plot_chain(meta, highlight=99)


def test_the_text_alternative_names_every_step_in_order(meta):
    text = describe_chain(meta)
    frame = chain_frame(meta)
    positions = [text.index(step) for step in frame["step"]]
    assert positions == sorted(positions)
    for label in frame["date_label"]:
        assert label in text
    assert text.count("Date puzzle") == 3
    assert "(highlighted)" in describe_chain(meta, highlight=2)


def test_related_records_are_listed_by_date(meta):
    frame = related_frame(meta)
    assert list(frame["date"]) == sorted(frame["date"])
    assert "Ciphered Telegram No. 34691" in frame.iloc[0]["title"]
    assert frame.set_index("date").loc["1950-09-29", "url"].endswith("/113658")


# ---------------------------------------------------------------- the editor's layer


def test_the_insertions_table_gives_position_and_meaning(doc, meta):
    table = insertions_table(doc, meta)
    body = table[table["location"] == "body"]
    assert list(body["insertion"]) == [
        "[Central Committee, All-Union Communist Party (bolshevik)]", "[Stalin]"]
    assert list(body["paragraph"]) == ["point 1", "signature"]
    for row in body.itertuples():
        assert doc.body[row.start:row.end] == row.insertion
    assert "CC VKP(b)" in body.iloc[0]["tells_us"]
    assert "pseudonym" in body.iloc[1]["tells_us"]


def test_the_title_and_citation_brackets_are_listed_too(doc, meta):
    table = insertions_table(doc, meta)
    outside = table[table["location"] != "body"]
    assert set(outside["location"]) == {"title", "citation"}
    assert set(outside["added_by"]) == {"archive editor"}


def test_the_three_text_layers(doc):
    layers = text_layers(doc)
    assert layers["published"] == doc.body
    assert "[" not in layers["plain"] and "Feng Xi" in layers["plain"]
    assert "CC VKP(b) salutes" in layers["plain"]
    highlighted = layers["highlighted"]
    assert highlighted.count("<mark") == 2 and highlighted.count("[editor]") == 2
    assert "<mark" in highlighted and "[Stalin]" in highlighted


def test_the_highlighted_layer_escapes_the_text():
    doc = parse_record("May 1, 1950 A note\nCitation:\n\"A note\", Archive\nContents:\n"
                       "Use <b>bold</b> & [the editor's <i>note</i>] here.")
    highlighted = text_layers(doc)["highlighted"]
    assert "<b>" not in highlighted and "&lt;b&gt;" in highlighted
    assert "&lt;i&gt;" in highlighted and "&amp;" in highlighted
    assert highlighted.count("<mark") == 1
