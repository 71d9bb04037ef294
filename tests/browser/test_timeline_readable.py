"""The timeline chart, projected: labels a class can read, never under a mark, at any width or zoom.

Voila draws the explorer of lesson 02 in Chromium at 1024x768 and 1280x720, and at 200% zoom
of both. Browser zoom is emulated as Chromium does it: the device pixel ratio doubles and the
page gets half as many CSS pixels (a context with ``device_scale_factor=2`` and half the
viewport); setting ``zoom`` on the page's body by script would only scale the drawing. The
drawn boxes of the labels are measured in the page, after the browser chose its font.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENS, open_in_voila

NOTEBOOK = "02_context_timeline.ipynb"

#: What the shown chart draws, measured in the page: every label's words, box and size in
#: CSS pixels, every bar, marker and piece of the telegram's line, and the widths.
MEASURE = """(root) => {
  const svg = [...root.querySelectorAll('svg')].find(s => getComputedStyle(s).display !== 'none');
  if (!svg) return null;
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, box: box(t), px: parseFloat(t.getAttribute('font-size')) * scale,
    length: parseFloat(t.getAttribute('textLength')) * scale}));
  const marks = [...svg.querySelectorAll('rect.event-period, g.event-marker, line.document-line')]
    .map(e => ({kind: e.getAttribute('class'), box: box(e)}));
  const container = root.closest('.timeline-explorer').getBoundingClientRect().width;
  return {place: svg.getAttribute('class'), labels, marks, width: svg.getBoundingClientRect().width,
          container, font: getComputedStyle(svg.querySelector('text')).fontFamily};
}"""

#: (name, viewport in CSS pixels, device pixels per CSS pixel): 200% zoom halves the viewport.
SCREENS_TRIED = [("1024x768", {"width": 1024, "height": 768}, 1),
                 ("1280x720", {"width": 1280, "height": 720}, 1),
                 ("1024x768_zoom200", {"width": 512, "height": 384}, 2),
                 ("1280x720_zoom200", {"width": 640, "height": 360}, 2)]


def overlapping(a, b, tolerance=0.5) -> bool:
    return (a[0] < b[2] - tolerance and b[0] < a[2] - tolerance
            and a[1] < b[3] - tolerance and b[1] < a[3] - tolerance)


def clashes(drawn) -> list[str]:
    labels, found = drawn["labels"], []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if overlapping(a["box"], b["box"]):
                found.append(f"{a['text']!r} over {b['text']!r}")
        for mark in drawn["marks"]:
            if overlapping(a["box"], mark["box"]):
                found.append(f"{mark['kind']} over {a['text']!r}")
    return found


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
            results[name] = {"default": first, "serif": serif, "war": chart.evaluate(MEASURE)}
        finally:
            context.close()
        assert not errors, f"{name}: uncaught JavaScript errors: {errors}"
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


def test_labels_are_larger_on_a_wider_screen_and_grow_with_the_zoom(measured):
    def size(name):  # in device pixels, what the eye sees
        ratio = 2 if "zoom" in name else 1
        return min(label["px"] for label in measured[name]["default"]["labels"]) * ratio

    assert size("1280x720") > size("1024x768")
    assert size("1024x768_zoom200") >= 1.4 * size("1024x768")
    assert size("1280x720_zoom200") >= 1.4 * size("1280x720")
