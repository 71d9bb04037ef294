"""The timeline chart, projected: labels a class can read, never under a mark, at any width or zoom.

Voila draws the explorer of lesson 02 in Chromium at 1024x768 and 1280x720, and at 200% zoom
of both. Browser zoom is emulated as Chromium does it: the device pixel ratio doubles and the
page gets half as many CSS pixels (a context with ``device_scale_factor=2`` and half the
viewport); setting ``zoom`` on the page's body by script would only scale the drawing. The
drawn boxes of the labels are measured in the page, after the browser chose its font.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENS, open_in_voila
from tests.browser.timeline_boxes import MEASURE, clashes

NOTEBOOK = "02_context_timeline.ipynb"

#: (name, viewport in CSS pixels, device pixels per CSS pixel): 200% zoom halves the viewport.
SCREENS_TRIED = [("1024x768", {"width": 1024, "height": 768}, 1),
                 ("1280x720", {"width": 1280, "height": 720}, 1),
                 ("1024x768_zoom200", {"width": 512, "height": 384}, 2),
                 ("1280x720_zoom200", {"width": 640, "height": 360}, 2)]


@pytest.fixture(scope="module")
def measured(voila, browser):
    """Each screen: the chart as drawn, on the default window and on the whole war, with a
    screenshot of the explorer in build/screens/."""
    results = {}
    for name, viewport, ratio in SCREENS_TRIED:
        context = browser.new_context(viewport=viewport, device_scale_factor=ratio)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        try:
            open_in_voila(page, voila, NOTEBOOK)
            explorer = page.locator(".timeline-explorer").first
            caption = explorer.locator(".timeline-explorer-caption")
            expect(caption).to_contain_text("Jan 1950 – Jul 1951", timeout=60000)
            chart = explorer.locator(".ps-timeline").first
            chart.evaluate("e => e.scrollIntoView({block: 'start'})")
            first = chart.evaluate(MEASURE)
            SCREENS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENS / f"timeline_{name}.png"))  # what the room sees
            # The same chart in another font: the labels keep their measured widths.
            page.add_style_tag(content=".ps-timeline svg{font-family:'DejaVu Serif',serif}")
            serif = chart.evaluate(MEASURE)
            # The whole war, through the explorer's own slider (the first handle to the start).
            handle = explorer.locator(".widget-slider .noUi-handle").first
            handle.focus()
            handle.press("Home")
            handle = explorer.locator(".widget-slider .noUi-handle").last
            handle.focus()
            handle.press("End")
            expect(caption).to_contain_text("Aug 1945 – Dec 1953", timeout=30000)
            war = chart.evaluate(MEASURE)
            # Large print, for projecting: the same rules, larger labels.
            explorer.get_by_role("button", name="Large print").click()
            expect(chart.locator("svg text.title").first).to_have_attribute(
                "font-size", "22.53", timeout=30000)  # 13 px labels x 26/18, titles x 1.2
            results[name] = {"default": first, "serif": serif, "war": war,
                             "large": chart.evaluate(MEASURE)}
        finally:
            context.close()
        assert not errors, f"{name}: uncaught JavaScript errors: {errors}"
    summary = {name: {window: {"place": d["place"], "chart_px": round(d["width"]),
                               "container_px": round(d["container"]),
                               "smallest_label_css_px": round(min(x["px"] for x in d["labels"]), 1),
                               "labels": len(d["labels"])}
                      for window, d in windows.items()} for name, windows in results.items()}
    (SCREENS / "timeline_measured.json").write_text(json.dumps(summary, indent=1))
    return results


@pytest.mark.parametrize("name", [s[0] for s in SCREENS_TRIED])
def test_no_label_is_crossed_by_a_bar_a_marker_the_line_or_another_label(measured, name):
    for window, drawn in measured[name].items():
        assert drawn is not None, f"{name}: no chart shown"
        assert len(drawn["labels"]) > 20 and drawn["marks"]
        assert clashes(drawn) == [], f"{name}, {window} ({drawn['place']}, {drawn['font']})"


@pytest.mark.parametrize("name", [s[0] for s in SCREENS_TRIED])
def test_labels_are_at_least_12_css_pixels_and_the_chart_fills_its_place(measured, name):
    drawn = measured[name]["default"]
    assert min(label["px"] for label in drawn["labels"]) >= 12, drawn["place"]
    assert drawn["width"] >= 0.9 * drawn["container"], (drawn["width"], drawn["container"])


@pytest.mark.parametrize("name", [s[0] for s in SCREENS_TRIED])
def test_label_widths_hold_in_whatever_font_the_browser_draws(measured, name):
    for window in ("default", "serif"):
        for label in measured[name][window]["labels"]:
            drawn_width = label["box"][2] - label["box"][0]
            assert abs(drawn_width - label["length"]) <= 2.5, (window, label["text"])
    assert "Serif" in measured[name]["serif"]["font"]


@pytest.mark.parametrize("name", [s[0] for s in SCREENS_TRIED])
def test_large_print_makes_every_label_larger(measured, name):
    def smallest(window):
        return min(label["px"] for label in measured[name][window]["labels"])

    assert smallest("large") >= 1.3 * smallest("war") >= 1.3 * 12


def test_labels_are_larger_on_a_wider_screen_and_grow_with_the_zoom(measured):
    def size(name):  # in device pixels, what the eye sees
        ratio = 2 if "zoom" in name else 1
        return min(label["px"] for label in measured[name]["default"]["labels"]) * ratio

    assert size("1280x720") > size("1024x768")
    assert size("1024x768_zoom200") >= 1.4 * size("1024x768")
    assert size("1280x720_zoom200") >= 1.4 * size("1280x720")
