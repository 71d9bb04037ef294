"""The rhetoric lesson in a real browser: tag a sentence from the keyboard and see the key."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def choose_with_arrow_keys(page, select, steps: int):
    """Focus a menu and press the Down arrow ``steps`` times, waiting for each step to land."""
    select.focus()
    for index in range(1, steps + 1):
        page.keyboard.press("ArrowDown")
        expect(select).to_have_js_property("selectedIndex", index, timeout=20000)


def test_tagging_a_sentence_from_the_keyboard_shows_the_key_on_screen(lesson):
    page = lesson("04_rhetoric.ipynb")
    tagger = page.locator(".ps-rhetoric-tagging").first
    tagger.scroll_into_view_if_needed()
    agreement = tagger.locator(".ps-rhetoric-agreement")
    expect(agreement).to_contain_text("Agreement with the key: 0 of 0 tagged sentences")

    sentence = tagger.get_by_label("Sentence", exact=True)
    choose_with_arrow_keys(page, sentence, 7)  # s07 (point 2): The Russians also did not ...
    expect(tagger.locator(".ps-rhetoric-sentence")).to_contain_text(
        "during the civil war and even more during the war with Germany", timeout=20000)

    device = tagger.get_by_label("Device", exact=True)
    choose_with_arrow_keys(page, device, 4)  # praise, flattery by proxy, reassurance, analogy
    expect(device.locator("option:checked")).to_have_text("historical analogy")

    tagger.get_by_role("button", name="Compare with the key").focus()
    page.keyboard.press("Enter")
    panel = tagger.locator(".ps-rhetoric-key")
    expect(panel).to_contain_text("Match", timeout=20000)
    expect(panel).to_contain_text("The Russian Civil War that followed the revolution of 1917")
    expect(panel.locator("mark").first).to_be_visible()
    expect(agreement).to_contain_text("Agreement with the key: 1 of 1 tagged sentence")
    panel.scroll_into_view_if_needed()
    screenshot(page, "04_rhetoric_tagging.png")


def test_the_annotated_text_filter_marks_one_device_on_screen(lesson):
    page = lesson("04_rhetoric.ipynb")
    marked = page.locator(".ps-rhetoric-annotated").first
    marked.scroll_into_view_if_needed()
    page.get_by_role("button", name="historical analogy", exact=True).first.click()
    caption = page.locator(".ps-rhetoric-caption").first
    expect(caption).to_contain_text("Marked: 3 passages (historical analogy)", timeout=20000)
    expect(marked.locator("mark")).to_have_count(3)
    expect(marked.locator("sup").first).to_contain_text("[historical analogy]")
    screenshot(page, "04_rhetoric_annotated.png")
