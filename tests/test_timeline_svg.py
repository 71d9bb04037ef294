"""The explorer's SVG chart shows what the matplotlib chart shows, readably and safely."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from primary_source import timeline as tl
from primary_source.palette import CATEGORY_COLOURS
from primary_source.timeline.dates import month_ticks
from tests.timeline_geometry import clashes

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def events():
    return tl.load_events()


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element, cls: str) -> list[ET.Element]:
    return [t for t in root.iter(f"{SVG}text") if cls in (t.get("class") or "").split()]


def svg_for(events, *args, width=760, **kwargs) -> str:
    return tl.timeline_svg(tl.layout_timeline(events, *args, width=width, **kwargs))


def test_every_event_of_the_window_has_its_label_and_no_other(events):
    root = parse(svg_for(events, "1950-06", "1950-12", width=1400))
    shown = set(tl.events_between(events, "1950-06", "1950-12")["title"])
    assert {t.text for t in texts(root, "event-label")} == shown
    assert "Inchon landing" in shown and "MacArthur dismissed" not in shown


def test_events_that_do_not_fit_are_counted_and_the_chart_says_how_to_see_them(events):
    lay = tl.layout_timeline(events, "1950-01", "1951-07", width=480)
    shown = tl.events_between(events, "1950-01", "1951-07")
    assert lay.left_out > 0 and len(lay.events) + lay.left_out == len(shown)
    note = " ".join(t.text for t in texts(parse(tl.timeline_svg(lay)), "note"))
    assert note.startswith(f"{lay.left_out} more events in this window did not fit")
    assert "choose fewer months or categories" in note
    assert {t.get("font-size") for t in texts(parse(tl.timeline_svg(lay)), "event-label")} == {
        "13.00"}, "the labels keep their size; events are left out instead"


def test_the_svg_chart_has_the_labels_of_the_matplotlib_chart(events):
    fig = tl.plot_timeline(events, "1950-01", "1951-07")
    drawn = {t.get_text() for t in fig.axes[0].texts if t.get_gid() == "event-label"}
    root = parse(svg_for(events, "1950-01", "1951-07", width=1000))
    assert {t.text for t in texts(root, "event-label")} == drawn


def test_labels_in_the_default_window_do_not_overlap(events):
    assert clashes(svg_for(events)) == []


def test_lanes_use_the_okabe_ito_colours_and_one_shape_per_category(events):
    root = parse(svg_for(events, "1945-08", "2015-12", width=1400))
    fills = {p.get("fill") for p in root.iter(f"{SVG}polygon")}
    assert {CATEGORY_COLOURS[c] for c in tl.CATEGORIES} <= fills
    lanes = [t.text for t in texts(root, "lane")]
    assert lanes == list(tl.CATEGORIES)
    legend = [t.text for t in texts(root, "legend")]
    assert legend[:5] == list(tl.CATEGORIES) and "the telegram" in legend


def test_a_lane_with_no_event_in_the_window_is_left_out_and_so_is_its_legend(events):
    root = parse(svg_for(events, "1945-08", "1953-12"))
    assert tl.events_between(events, "1945-08", "1953-12", ["archival"]).empty
    assert "archival" not in [t.text for t in texts(root, "lane")]
    assert "archival" not in [t.text for t in texts(root, "legend")]
    assert "military" in [t.text for t in texts(root, "legend")]


def test_the_not_yet_known_key_appears_only_when_a_greyed_event_is_drawn(events):
    before = parse(svg_for(events, "1950-01", "1950-06", hindsight_date=True))
    assert not any("not yet known" in t.text for t in texts(before, "legend"))


def test_hindsight_greys_out_what_came_later_and_says_so_in_the_legend(events):
    root = parse(svg_for(events, "1950-06", "1950-12", hindsight_date=True))
    labels = {t.text: t for t in texts(root, "event-label")}
    assert labels["Inchon landing"].get("font-style") == "italic"
    assert labels["Inchon landing"].get("fill") == "#555555"
    assert labels["Task Force Smith at Osan"].get("fill") == "#000000"
    assert any("not yet known" in t.text for t in texts(root, "legend"))


def test_the_telegrams_date_is_marked_only_when_it_is_in_the_window(events):
    inside = parse(svg_for(events, "1950-06", "1950-12"))
    assert [t.text for t in texts(inside, "document-label")] == ["Telegram, 28 August 1950"]
    outside = parse(svg_for(events, "1952-01", "1953-12"))
    assert texts(outside, "document-label") == []
    assert "the telegram" not in [t.text for t in texts(outside, "legend")]


def test_titles_from_the_data_are_escaped(events):
    odd = pd.concat([events, events.iloc[[0]].assign(title='Talks <b>"&" stall</b>')],
                    ignore_index=True)
    svg = svg_for(odd, "1945-08", "1953-12")
    assert "<b>" not in svg
    assert 'Talks <b>"&" stall</b>' in {t.text for t in texts(parse(svg), "event-label")}


def test_an_empty_window_says_so(events):
    root = parse(svg_for(events, "1953-09", "1953-12", categories=["political"]))
    assert texts(root, "event-label") == []
    assert any(t.text == "No events in this window" for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("start, end", [("1950-08", "1950-08"), ("1950-01", "1951-07"),
                                        ("1945-08", "1953-12"), ("1945-01", "2015-12")])
def test_the_date_axis_has_a_few_ticks_inside_the_window(start, end):
    lo, hi = tl.window_bounds(start, end)
    ticks = month_ticks(lo, hi)
    assert 1 <= len(ticks) <= 10
    assert all(lo <= when <= hi for when, _ in ticks)
    assert all(label for _, label in ticks)
