"""In JupyterLab, a student moves the timeline window with the keyboard and hides a category."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.timeline_boxes import MEASURE, clashes

NOTEBOOK = "02_context_timeline.ipynb"


def test_the_explorer_answers_the_keyboard_and_the_category_boxes(lesson):
    page = lesson(NOTEBOOK)
    explorer = page.locator(".timeline-explorer").first
    caption = explorer.locator(".timeline-explorer-caption")
    chart = explorer.locator(".ps-timeline").first
    shown = explorer.locator(".ps-timeline svg:visible")

    expect(caption).to_contain_text("Jan 1950 – Jul 1951", timeout=60000)
    expect(shown).to_have_count(1, timeout=60000)  # one of the three layouts: the one that fits
    expect(chart).to_have_attribute("aria-label", re.compile(r"^Timeline chart\. .*Jan 1950"))
    assert shown.locator("text.event-label").count() > 20, "the chart drew its labels"
    drawn = chart.evaluate(MEASURE)  # in JupyterLab's notebook panel too: fills it, readable
    assert drawn["width"] >= 0.9 * drawn["container"], (drawn["width"], drawn["container"])
    assert min(label["px"] for label in drawn["labels"]) >= 12 and clashes(drawn) == []

    # Move the start of the window one month on, from the keyboard.
    handle = explorer.locator(".widget-slider .noUi-handle").first
    handle.focus()
    handle.press("ArrowRight")
    expect(caption).to_contain_text("Feb 1950 – Jul 1951", timeout=30000)
    expect(explorer.locator(".widget-slider .widget-readout").first).to_contain_text("Feb 1950")
    expect(chart).to_have_attribute("aria-label", re.compile(r"Feb 1950 – Jul 1951"), timeout=30000)

    # Hide the military lane.
    explorer.locator(".widget-checkbox", has_text="military").locator("input").click()
    expect(caption).to_contain_text("categories: diplomatic, political, document, archival",
                                    timeout=30000)
    expect(shown.locator("text.lane-military")).to_have_count(0, timeout=30000)
    assert shown.locator("text.event-label").count() > 10

    # The hindsight switch is named in the caption, for every reader.
    explorer.locator(".widget-checkbox", has_text="Only what was known").locator("input").click()
    expect(caption).to_contain_text("only what was known by 28 August 1950", timeout=30000)
    assert page.get_by_text("Error displaying widget").count() == 0
    explorer.scroll_into_view_if_needed()
    screenshot(page, "02_context_timeline.png")
