"""In JupyterLab, a student moves the timeline window with the keyboard and hides a category."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot

NOTEBOOK = "02_context_timeline.ipynb"


def test_the_explorer_answers_the_keyboard_and_the_category_boxes(lesson):
    page = lesson(NOTEBOOK)
    explorer = page.locator(".timeline-explorer").first
    caption = explorer.locator(".timeline-explorer-caption")
    image = explorer.locator(".ps-chart img").first

    expect(caption).to_contain_text("Jan 1950 – Jul 1951", timeout=60000)
    expect(image).to_be_visible(timeout=60000)
    first_src = image.get_attribute("src")
    assert first_src.startswith("data:image/svg+xml;base64,")
    drawn = "img => img.complete && img.naturalWidth > 800"  # the browser decoded the picture
    assert image.evaluate(drawn), "the timeline chart did not render as a picture"

    # Move the start of the window one month on, from the keyboard.
    handle = explorer.locator(".widget-slider .noUi-handle").first
    handle.focus()
    handle.press("ArrowRight")
    expect(caption).to_contain_text("Feb 1950 – Jul 1951", timeout=30000)
    expect(explorer.locator(".widget-slider .widget-readout").first).to_contain_text("Feb 1950")
    expect(image).not_to_have_attribute("src", first_src, timeout=30000)
    second_src = image.get_attribute("src")

    # Hide the military lane.
    explorer.locator(".widget-checkbox", has_text="military").locator("input").click()
    expect(caption).to_contain_text("categories: diplomatic, political, document, archival",
                                    timeout=30000)
    expect(image).not_to_have_attribute("src", second_src, timeout=30000)
    assert image.evaluate(drawn)

    # The hindsight switch is named in the caption, for every reader.
    explorer.locator(".widget-checkbox", has_text="Only what was known").locator("input").click()
    expect(caption).to_contain_text("only what was known by 28 August 1950", timeout=30000)
    assert page.get_by_text("Error displaying widget").count() == 0
    explorer.scroll_into_view_if_needed()
    screenshot(page, "02_context_timeline.png")
