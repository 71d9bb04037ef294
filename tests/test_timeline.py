"""The timeline lesson: sourced events, a readable chart, a text alternative and an explorer."""

from __future__ import annotations

import csv
import itertools

import pandas as pd
import pytest

from primary_source import paths
from primary_source import timeline as tl
from primary_source.palette import CATEGORY_COLOURS, OKABE_ITO


@pytest.fixture(scope="module")
def events():
    return tl.load_events()


@pytest.fixture(scope="module")
def default_figure():
    return tl.plot_timeline()


def rows_of(events, title):
    found = events[events["title"] == title]
    assert len(found) == 1, f"expected one event titled {title!r}, found {len(found)}"
    return found.iloc[0]


# ------------------------------------------------------------------ the data a teacher relies on


def test_the_file_has_exactly_the_documented_columns():
    with open(paths.timeline_path(), encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == tl.COLUMNS


def test_there_are_enough_events_to_teach_with(events):
    assert len(events) >= 50


def test_every_event_has_a_source_a_title_and_a_description(events):
    for column in ("source", "title", "description"):
        empty = events[events[column].str.strip() == ""]
        assert empty.empty, f"rows without a {column}: lines {empty['line'].tolist()}"


def test_every_event_has_a_known_precision_and_category(events):
    assert set(events["precision"]) <= set(tl.PRECISIONS)
    assert set(events["category"]) <= set(tl.CATEGORIES)
    assert set(events["category"]) >= {"military", "diplomatic", "political", "document",
                                       "archival"}


def test_dates_fall_between_1945_and_2030(events):
    assert events["start"].min() >= pd.Timestamp("1945-01-01")
    assert events["start"].max() <= pd.Timestamp("2030-12-31")
    periods = events.dropna(subset=["end"])
    assert (periods["end"] >= periods["start"]).all()


def test_the_document_itself_is_on_the_timeline_on_its_own_date(events):
    doc = events[tl.is_document(events)]
    assert len(doc) == 1
    assert doc.iloc[0]["start"] == pd.Timestamp("1950-08-28")
    assert "110696" in doc.iloc[0]["source"]


@pytest.mark.parametrize("title", [
    "Battle of the Pusan Perimeter", "Chinese troops cross the Yalu", "First Chinese combat",
    "First Soviet MiG-15 combat", "Stalin asks Mao to send troops",
    "Telegram: Feng Xi [Stalin] to Kim", "North Korea invades the south", "Seoul retaken",
    "Kim in Moscow: Stalin approves", "Yeltsin gives documents to Kim Young-sam",
])
def test_contested_dates_carry_a_note_with_the_variants(events, title):
    note = rows_of(events, title)["note"]
    assert len(note) > 20, f"{title!r} needs a note on the disputed date"


def test_the_yalu_note_gives_both_the_crossing_and_the_first_battle(events):
    note = rows_of(events, "Chinese troops cross the Yalu")["note"]
    assert "19 October" in note and "25 October" in note


@pytest.mark.parametrize("title, expected", [
    ("38th parallel chosen", "1945-08-10"),
    ("Moscow conference on Korea", "1945-12-27"),
    ("UN resolution on Korea", "1947-11-14"),
    ("Republic of Korea founded", "1948-08-15"),
    ("DPRK founded", "1948-09-09"),
    ("US troops leave the south", "1949-06-29"),
    ("Acheson's 'defense perimeter'", "1950-01-12"),
    ("Sino-Soviet treaty", "1950-02-14"),
    ("North Korea invades the south", "1950-06-25"),
    ("Seoul falls", "1950-06-28"),
    ("UN Security Council resolution 83", "1950-06-27"),
    ("Stalin's cipher telegram of 1 July", "1950-07-01"),
    ("Task Force Smith at Osan", "1950-07-05"),
    ("UN Security Council resolution 84", "1950-07-07"),
    ("Taejon falls", "1950-07-20"),
    ("Shtykov reports Kim's reaction", "1950-08-31"),
    ("Inchon landing", "1950-09-15"),
    ("Seoul retaken", "1950-09-28"),
    ("Stalin asks Mao to send troops", "1950-10-01"),
    ("Pyongyang taken", "1950-10-19"),
    ("Chinese troops cross the Yalu", "1950-10-19"),
    ("First Chinese combat", "1950-10-25"),
    ("First Soviet MiG-15 combat", "1950-11-01"),
    ("Seoul lost again", "1951-01-04"),
    ("MacArthur dismissed", "1951-04-11"),
    ("Armistice talks open at Kaesong", "1951-07-10"),
    ("Death of Stalin", "1953-03-05"),
    ("Armistice signed", "1953-07-27"),
])
def test_key_dates_are_right(events, title, expected):
    row = rows_of(events, title)
    assert row["start"] == pd.Timestamp(expected)
    assert row["precision"] == "day"


def test_the_pusan_perimeter_is_a_period_from_august_to_september(events):
    row = rows_of(events, "Battle of the Pusan Perimeter")
    assert row["start"].month == 8 and row["end"].month == 9


def test_the_yeltsin_handover_is_known_to_the_month(events):
    row = rows_of(events, "Yeltsin gives documents to Kim Young-sam")
    assert (row["start"], row["precision"]) == (pd.Timestamp("1994-06-01"), "month")
    assert tl.format_date(row["start"], row["precision"]) == "June 1994"


def test_the_eras_cover_the_war_without_gaps():
    eras = tl.load_eras()
    assert eras["name"].tolist() == ["Division and occupation", "North Korean offensive",
                                     "UN counter-offensive", "Chinese intervention",
                                     "Stalemate and talks"]
    for earlier, later in itertools.pairwise(eras.itertuples()):
        assert later.start - earlier.end <= pd.Timedelta(days=1)
    assert eras["source"].str.len().min() > 10


# ------------------------------------------------------------------ errors an instructor sees


HEADER = ",".join(tl.COLUMNS)


def write(tmp_path, rows, header=HEADER):
    path = tmp_path / "timeline.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


GOOD = '1950-06-25,,day,military,Invasion,"The attack begins.",Appleman 1961,'


@pytest.mark.parametrize("bad_row, field, words", [
    ('1950-06-25,,day,military,Invasion,"The attack begins.",,', "source", "missing"),
    ('1950-13-01,,day,military,Invasion,"The attack begins.",Appleman 1961,', "start",
     "bad date"),
    ('1950-06,,day,military,Invasion,"The attack begins.",Appleman 1961,', "start",
     "YYYY-MM-DD"),
    ('1950-06-25,,day,naval,Invasion,"The attack begins.",Appleman 1961,', "category",
     "unknown category"),
    ('1950-06-25,,week,military,Invasion,"The attack begins.",Appleman 1961,', "precision",
     "unknown precision"),
    ('1950-06-25,1950-06-01,day,military,Invasion,"The attack begins.",Appleman 1961,', "end",
     "before"),
])
def test_a_bad_row_is_reported_with_file_line_and_field(tmp_path, bad_row, field, words):
    path = write(tmp_path, [GOOD, GOOD, bad_row])
    with pytest.raises(tl.TimelineFormatError) as caught:
        tl.load_events(path)
    err = caught.value
    assert (err.line, err.field) == (4, field)
    message = str(err)
    assert f"timeline.csv:4: {field}: " in message
    assert words in message


def test_line_numbers_count_multi_line_descriptions(tmp_path):
    multi = '1950-06-26,,day,military,Next day,"A description\nover two lines.",Appleman 1961,'
    bad = '1950-06-27,,day,military,Later,"Text.",,'
    path = write(tmp_path, [GOOD, multi, bad])
    with pytest.raises(tl.TimelineFormatError) as caught:
        tl.load_events(path)
    assert caught.value.line == 5


def test_a_wrong_header_is_reported_on_line_1(tmp_path):
    path = write(tmp_path, [GOOD], header="start,end,precision,category,title,description")
    with pytest.raises(tl.TimelineFormatError) as caught:
        tl.load_events(path)
    assert (caught.value.line, caught.value.field) == (1, "header")
    assert "source" in str(caught.value)


# ------------------------------------------------------------------ filtering and dates


def test_events_between_keeps_periods_that_overlap_the_window(events):
    window = tl.events_between(events, "1950-09-01", "1950-09-10")
    assert "Battle of the Pusan Perimeter" in set(window["title"])
    assert "Inchon landing" not in set(window["title"])


def test_events_between_filters_categories(events):
    window = tl.events_between(events, "1950-01", "1951-07", ["document"])
    assert set(window["category"]) == {"document"}
    assert "Telegram: Feng Xi [Stalin] to Kim" in set(window["title"])


def test_dates_are_written_as_precisely_as_they_are_known():
    ts = pd.Timestamp("1950-08-01")
    assert tl.format_date(ts, "day") == "1 August 1950"
    assert tl.format_date(ts, "month") == "August 1950"
    assert tl.format_date(ts, "year") == "1950"
    assert tl.format_span(pd.Timestamp("1950-08-04"), pd.Timestamp("1950-09-18")) == \
        "4 August – 18 September 1950"


# ------------------------------------------------------------------ the chart


def label_texts(fig):
    ax = fig.axes[0]
    return [t for t in ax.texts if t.get_gid() in ("event-label", "era-label", "document-label")]


def test_the_default_chart_labels_do_not_overlap(default_figure):
    renderer = default_figure.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in label_texts(default_figure)]
    assert len(boxes) > 40
    clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
               if box_a.overlaps(box_b)]
    assert not clashes, f"overlapping labels: {clashes[:5]}"


def test_the_default_chart_labels_stay_inside_the_figure(default_figure):
    renderer = default_figure.canvas.get_renderer()
    fig_box = default_figure.bbox
    for text in label_texts(default_figure):
        box = text.get_window_extent(renderer)
        assert box.x0 >= fig_box.x0 - 1 and box.x1 <= fig_box.x1 + 1, text.get_text()


def test_the_whole_war_chart_labels_do_not_overlap_either():
    fig = tl.plot_timeline(start="1945-08", end="1953-12")
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in label_texts(fig)]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


def test_the_chart_is_a_plain_figure_readable_at_ten_by_six(default_figure):
    from matplotlib.figure import Figure

    assert type(default_figure) is Figure
    width, height = default_figure.get_size_inches()
    assert width == 10 and 6 <= height <= 9


def test_the_chart_does_not_leak_pyplot_figures():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    tl.plot_timeline(start="1950-06", end="1950-12")
    assert plt.get_fignums() == before


def test_every_lane_is_named_and_the_telegram_is_marked(default_figure):
    ax = default_figure.axes[0]
    lanes = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("lane-")]
    assert lanes == [c for c in tl.CATEGORIES if c != "archival"]  # no archival event in 1950
    doc_labels = [t.get_text() for t in ax.texts if t.get_gid() == "document-label"]
    assert doc_labels == ["Telegram, 28 August 1950"]
    eras = {t.get_text() for t in ax.texts if t.get_gid() == "era-label"}
    assert {"North Korean offensive", "UN counter-offensive"} <= eras


def test_the_colours_come_from_the_okabe_ito_palette(default_figure):
    from matplotlib.colors import to_hex

    palette = {c.lower() for c in OKABE_ITO.values()}
    ax = default_figure.axes[0]
    markers = [line for line in ax.lines if line.get_gid() == "event-marker"]
    assert markers
    for line in markers:
        assert to_hex(line.get_color()).lower() in palette
    shapes = {line.get_marker() for line in markers}
    assert len(shapes) >= 4, "each category has its own marker shape, not only a colour"
    assert CATEGORY_COLOURS["document"].lower() in {to_hex(m.get_color()) for m in markers}


def test_hindsight_greys_out_what_came_later():
    from matplotlib.colors import to_hex

    fig = tl.plot_timeline(start="1950-08", end="1950-10", hindsight_date="1950-08-28")
    ax = fig.axes[0]
    labels = {t.get_text(): t for t in ax.texts if t.get_gid() == "event-label"}
    assert to_hex(labels["Inchon landing"].get_color()) != "#000000"
    assert to_hex(labels["Battle of the Pusan Perimeter"].get_color()) == "#000000"
    greys = [m for m in ax.lines if m.get_gid() == "event-marker"
             and to_hex(m.get_color()).upper() == tl.GREY]
    assert len(greys) >= 5


# ------------------------------------------------------------------ the text alternative


def test_describe_mentions_every_event_in_the_window(events):
    text = tl.describe(events, "1950-06", "1950-10")
    window = tl.events_between(events, "1950-06", "1950-10")
    for title in window["title"]:
        assert title in text
    assert "28 August 1950" in text and "the telegram this lesson reads" in text
    assert "August 1950" in text


def test_describe_counts_per_category_and_writes_months_for_month_dates(events):
    text = tl.describe(events, "1948-01", "1949-12", ["military"])
    assert "military 3" in text
    assert "December 1948 (military): Soviet troops leave the north" in text
    assert "before the telegram" in text


def test_describe_flags_later_events_under_hindsight(events):
    text = tl.describe(events, "1950-08", "1950-10", hindsight_date="1950-08-28")
    lines = {line.split(": ", 1)[1]: line for line in text.splitlines() if line.startswith("- ")}
    assert "not yet known" in lines["Inchon landing [not yet known then]."]
    assert not any("not yet known" in line for key, line in lines.items()
                   if key.startswith("Battle of the Pusan Perimeter"))
    assert "greyed out" in text


def test_the_window_table_lists_the_same_events_with_sources(events):
    table = tl.window_table(events, "1950-08", "1950-09", hindsight_date=True)
    assert list(table.columns)[:6] == ["Date", "Category", "Event", "Description", "Source",
                                       "Note"]
    assert table.index[0] == 1
    known = dict(zip(table["Event"], table["Known by 28 August 1950"], strict=True))
    assert known["Inchon landing"] == "no"
    assert known["Telegram: Feng Xi [Stalin] to Kim"] == "yes"


# ------------------------------------------------------------------ the explorer widget


@pytest.fixture
def explorer():
    from primary_source.ui.text_size import TextSize
    from primary_source.ui.timeline import timeline_explorer

    return timeline_explorer(text_size=TextSize())


def test_the_explorer_opens_on_the_default_window_with_the_telegram_selected(explorer):
    ex = explorer.explorer
    assert ex.slider.value == ("1950-01", "1951-07")
    assert "Jan 1950 – Jul 1951" in ex.caption.value
    assert ex.event.label.startswith("28 August 1950")
    assert "Feng Xi" in ex.details.value and "110696" in ex.details.value
    assert ex.state["svg"].startswith('<div class="ps-timeline"') and "Feng Xi" in ex.state["svg"]
    assert ex.state["svg"].count("<svg") == 3, "laid out for a narrow, a middle and a wide place"
    assert ex.slider.description and ex.event.description and ex.hindsight.description


def test_moving_the_slider_changes_the_window_and_the_caption(explorer):
    ex = explorer.explorer
    draws = ex.state["draws"]
    ex.slider.value = ("1950-06", "1950-09")
    assert "Jun 1950 – Sep 1950" in ex.caption.value
    assert ex.state["draws"] > draws
    assert ex.out.value.startswith('<div class="ps-timeline" role="img" aria-label="Timeline')
    assert "Jun 1950 – Sep 1950" in ex.out.value  # in the alternative text
    labels = [label for label, _ in ex.event.options]
    assert any("Inchon landing" in label for label in labels)
    assert not any("MacArthur dismissed" in label for label in labels)
    assert "Inchon landing" in ex.text.value


def test_year_back_and_year_forward_move_the_whole_window_by_twelve_months(explorer):
    ex = explorer.explorer
    assert "Year back" in ex.year_back.description and "Year forward" in ex.year_forward.description
    ex.year_forward.click()
    assert ex.slider.value == ("1951-01", "1952-07")
    assert "Jan 1951 – Jul 1952" in ex.caption.value
    ex.year_back.click()
    ex.year_back.click()
    assert ex.slider.value == ("1949-01", "1950-07")
    for _ in range(6):
        ex.year_back.click()
    assert ex.slider.value == ("1945-08", "1947-02"), "it stops at the first month, same width"


def test_unticking_a_category_removes_it(explorer):
    ex = explorer.explorer
    ex.categories["military"].value = False
    assert "categories: diplomatic, political, document, archival" in ex.caption.value
    assert not any("Inchon" in label for label, _ in ex.event.options)


def test_the_hindsight_switch_is_named_in_the_caption(explorer):
    ex = explorer.explorer
    ex.hindsight.value = True
    assert "only what was known by 28 August 1950" in ex.caption.value
    assert "not yet known then" in ex.text.value


def test_choosing_an_event_shows_its_details_escaped(explorer):
    ex = explorer.explorer
    value = next(v for label, v in ex.event.options if "Pusan Perimeter" in label)
    draws = ex.state["draws"]
    ex.event.value = value
    assert "Battle of the Pusan Perimeter" in ex.details.value
    assert "4 August – 18 September 1950" in ex.details.value
    assert "Note on the date" in ex.details.value
    assert ex.state["draws"] > draws


def test_large_print_redraws_the_chart_with_larger_labels(explorer):
    ex = explorer.explorer
    before = ex.state["draws"]
    assert 'font-size="13.00"' in ex.state["svg"]
    ex.large.value = True
    assert ex.state["draws"] > before
    assert 'font-size="13.00"' not in ex.state["svg"] and 'font-size="18.78"' in ex.state["svg"]


def test_the_close_readers_large_print_and_the_explorers_are_one_setting():
    from primary_source.ui.close_reading import close_reader
    from primary_source.ui.text_size import LARGE_PX, TextSize
    from primary_source.ui.timeline import timeline_explorer

    size = TextSize()
    reader = close_reader(text_size=size)
    explorer = timeline_explorer(start="1950-06", end="1950-09", text_size=size).explorer
    reader.children[0].children[2].value = True  # the reader's "Large print" switch
    assert f"font-size:{LARGE_PX}px" in reader.page.value
    assert explorer.large.value is True and 'font-size="18.78"' in explorer.state["svg"]
    explorer.large.value = False
    assert reader.size.value == 18 and "font-size:18px" in reader.page.value


def test_details_escape_html_in_the_data():
    from primary_source.ui.timeline import details_html

    row = {"title": "<script>x</script>", "start": pd.Timestamp("1950-01-01"), "end": pd.NaT,
           "precision": "day", "category": "political", "description": "a & b",
           "source": "<i>s</i>", "note": ""}
    out = details_html(row)
    assert "<script>" not in out and "&lt;script&gt;" in out and "a &amp; b" in out
