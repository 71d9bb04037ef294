"""Lesson 01 in a real browser: decode the citation and step the journey from the keyboard."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def test_provenance_citation_and_journey_respond_to_the_keyboard(lesson):
    page = lesson("01_provenance.ipynb")

    decoder = page.locator(".ps-citation-decoder").first
    caption = decoder.locator(".ps-caption")
    expect(caption).to_contain_text("APRF › fond 45: collection")
    select = decoder.locator(".widget-dropdown select")
    select.scroll_into_view_if_needed()
    select.focus()
    expect(select).to_be_focused()
    # Headless Chromium ignores arrow keys on a native <select>, so choose the option directly.
    select.select_option(label="APRF › delo 347")
    expect(caption).to_contain_text("APRF › delo 347: file", timeout=20000)
    expect(decoder).to_contain_text("In this file")
    screenshot(page, "01_provenance_citation.png")

    journey = page.locator(".ps-journey-explorer").first
    step_caption = journey.locator(".ps-caption")
    expect(step_caption).to_contain_text("Step 1 of 9")
    expect(journey.locator(".ps-chart img")).to_have_count(1)
    handle = journey.locator(".widget-slider .noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(step_caption).to_contain_text("Step 3 of 9: Received and deciphered in Pyongyang",
                                         timeout=20000)
    expect(journey).to_contain_text("Date puzzle: 28 or 29 August?")
    diagram = journey.locator(".ps-chart img")
    expect(diagram).to_have_count(1)
    expect(diagram).to_have_attribute("alt", re.compile("step 3 of 9 highlighted"))
    assert diagram.evaluate("img => img.complete && img.naturalWidth > 600")

    next_button = journey.get_by_role("button", name="Next")
    next_button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(step_caption).to_contain_text("Step 5 of 9: Reported back to Moscow", timeout=20000)
    expect(journey).not_to_contain_text("Date puzzle: 28 or 29 August?")
    journey.scroll_into_view_if_needed()
    screenshot(page, "01_provenance_journey.png")

    layers = page.locator(".ps-text-layers").first
    layers.get_by_role("button", name="Brackets highlighted").click()
    expect(layers.locator("mark.ps-editorial")).to_have_count(2, timeout=20000)
    expect(layers).to_contain_text("[editor]")
