"""Lesson 03 in JupyterLab: the keyword box answers on Enter and the reader changes layer."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot

NOTEBOOK = "03_content.ipynb"


def test_content_keyword_in_context_and_reader_layers_respond_on_screen(lesson):
    page = lesson(NOTEBOOK)

    # The keyword-in-context explorer: type a word, press Enter, read the caption.
    caption = page.locator(".ps-kwic-caption").first
    expect(caption).to_contain_text('2 matches for "interventionists"', timeout=20000)
    keyword = page.get_by_label("Keyword").first
    keyword.scroll_into_view_if_needed()
    keyword.fill("Korea")
    keyword.press("Enter")
    expect(caption).to_contain_text('3 matches for "Korea"', timeout=20000)
    expect(page.locator(".ps-kwic mark").first).to_have_text("Korea")
    screenshot(page, "03_content_kwic.png")

    # The point-by-point reader: switch to the adapted layer with the keyboard.
    reader_caption = page.locator(".ps-close-caption").first
    reader_caption.scroll_into_view_if_needed()
    expect(reader_caption).to_contain_text("Point 1: as published")
    adapted = page.get_by_role("button", name="Adapted").first
    adapted.scroll_into_view_if_needed()
    adapted.focus()
    page.keyboard.press("Space")
    expect(reader_caption).to_contain_text("Point 1: adapted", timeout=20000)
    expect(page.locator(".ps-close-page").first).to_contain_text("Kim Il Sung")
    screenshot(page, "03_content_reader.png")


def test_the_word_use_chart_redraws_when_common_words_are_let_in(lesson):
    page = lesson(NOTEBOOK)
    chart = page.locator(".ps-chart img").last
    chart.scroll_into_view_if_needed()
    expect(chart).to_have_attribute("alt", re.compile("common words left out"), timeout=20000)
    assert chart.evaluate("img => img.complete && img.naturalWidth > 500")
    page.get_by_label("Leave out common words").last.click()
    expect(chart).to_have_attribute("alt", re.compile("all words"), timeout=20000)
    expect(page.locator(".ps-word-caption").last).to_contain_text("all words")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 500")
