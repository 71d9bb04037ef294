"""No mark over a label, in any window of the slider, any choice of categories, any data.

Each chart is read back from the SVG the explorer shows: a label's box is its ``textLength``
wide (the browser draws it that wide in any font), and every bar, marker and piece of the
telegram's dashed line is a box too. Not one of them may touch a label, nor may two labels.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from primary_source import timeline as tl
from primary_source.timeline.svg import PLACES
from primary_source.ui.timeline import month_options
from tests.timeline_geometry import clashes, label_boxes, overlap
from tools.bench.drawing import generate_events

#: Every fourth month of the explorer's slider, and its last.
MONTHS = [value for _, value in month_options()][::4] + ["1953-12"]
WIDTHS = [width for _, width, _, _ in PLACES]


@pytest.fixture(scope="module")
def events():
    return tl.load_events()


def drawn(events, start, end, width, categories=None, **kwargs) -> str:
    lay = tl.layout_timeline(events, start, end, categories, width=width, **kwargs)
    return tl.timeline_svg(lay)


@pytest.mark.parametrize("width", WIDTHS[:2])
def test_no_label_is_crossed_in_any_window_of_the_slider(events, width):
    windows = [(a, b) for a, b in itertools.combinations_with_replacement(MONTHS, 2)]
    assert len(windows) > 300
    found = {}
    for start, end in windows:
        problems = clashes(drawn(events, start, end, width))
        if problems:
            found[(start, end)] = problems[:3]
    assert not found, f"{len(found)} windows with a mark over a label, e.g. {list(found.items())[:3]}"


@pytest.mark.parametrize("start, end", [("1950-01", "1951-07"), ("1950-06", "1950-09"),
                                        ("1945-08", "1953-12")])
def test_no_label_is_crossed_with_any_choice_of_categories(events, start, end):
    subsets = [list(c) for k in range(1, len(tl.CATEGORIES) + 1)
               for c in itertools.combinations(tl.CATEGORIES, k)]
    assert len(subsets) == 31
    for width in (WIDTHS[0], WIDTHS[1]):
        for cats in subsets:
            for hindsight in (None, True):
                svg = drawn(events, start, end, width, cats, hindsight_date=hindsight,
                            highlight="Inchon landing")
                assert clashes(svg) == [], (start, end, width, cats, hindsight)


@pytest.mark.parametrize("n, seed", [(40, 1), (300, 2), (2000, 3)])
def test_no_label_is_crossed_on_generated_events_at_every_place_and_in_large_print(n, seed):
    invented = generate_events(n, seed=seed)
    for (start, end), width, scale in itertools.product(
            [("1945-08", "1953-12"), ("1950-01", "1951-07"), ("1950-08", "1950-08")],
            WIDTHS, (1.0, 26 / 18)):
        svg = drawn(invented, start, end, width, label_px=13 * scale)
        assert clashes(svg) == [], (n, start, end, width, scale)


def test_a_very_long_title_is_shortened_to_the_width_never_drawn_smaller(events):
    long = events.iloc[[0]].assign(title="A " + "very " * 60 + "long title",
                                   start=pd.Timestamp("1950-08-01"), end=pd.NaT)
    svg = drawn(pd.concat([events, long], ignore_index=True), "1950-07", "1950-09", 480)
    assert clashes(svg) == []
    root = ET.fromstring(svg)
    width = float(root.get("viewBox").split()[2])
    boxes = label_boxes(root)
    assert any(text.startswith("A very very") and text.endswith("…") for text, _ in boxes)
    assert all(0 <= box[0] and box[2] <= width for _, box in boxes)


@pytest.mark.parametrize("name, width, size, shown_from", PLACES)
def test_every_label_is_at_least_13_pixels_where_its_layout_is_shown(events, name, width, size,
                                                                     shown_from):
    """Shown only in containers at least as wide as it is laid out for (the narrow one from
    480 pixels), a layout never draws a label smaller than it is written."""
    assert shown_from == 0 or shown_from >= width
    root = ET.fromstring(drawn(events, "1950-01", "1951-07", width, label_px=13 * size))
    sizes = [float(t.get("font-size")) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert min(sizes) >= 13 * size


@pytest.mark.parametrize("start, end, width_in", [("1950-01", "1951-07", 10),
                                                  ("1950-06", "1950-09", 4.8),
                                                  ("1945-08", "1953-12", 10),
                                                  ("1945-08", "2015-12", 13.3)])
def test_the_matplotlib_figure_keeps_the_same_rules(events, start, end, width_in):
    """A handout's figure, measured as matplotlib draws it: the same placements, no clash."""
    fig = tl.plot_timeline(events, start, end, width_in=width_in, hindsight_date=True)
    ax, renderer = fig.axes[0], fig.canvas.get_renderer()
    labels = [(t.get_text(), t.get_window_extent(renderer).extents) for t in ax.texts]
    marks = [(m.get_gid(), m.get_window_extent(renderer).extents)
             for m in [*ax.lines, *ax.patches]
             if m.get_gid() in ("event-marker", "document-line", "event-period")]
    assert len(labels) > 10 and marks
    found = [f"{a!r} over {b!r}" for (a, box_a), (b, box_b) in itertools.combinations(labels, 2)
             if overlap(box_a, box_b)]
    found += [f"{kind} over {text!r}" for text, box in labels for kind, mark in marks
              if overlap(box, mark)]
    assert found == []
    assert min(t.get_fontsize() * fig.dpi / 72 for t in ax.texts) >= 13 - 0.01
