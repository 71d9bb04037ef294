"""The rhetoric lesson in a real browser: tag a sentence from the keyboard and see the key."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot


def choose_from_keyboard(page, select, steps: int):
    """Focus a menu, open its list with Alt+Down, go down ``steps`` options and press Enter.

    (In JupyterLab a bare Down arrow on a closed menu moves to the next notebook cell instead.)
    """
    select.focus()
    page.keyboard.press("Alt+ArrowDown")
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(select).to_have_js_property("selectedIndex", steps, timeout=20000)


def test_the_lesson_marks_the_text_and_tags_a_sentence_from_the_keyboard(lesson):
    page = lesson("04_rhetoric.ipynb")

    # The annotated text: one device at a time, each mark labelled with its device's name;
    # the passages the tagging questions ask about are marked without their device for now.
    marked_text = page.locator(".ps-rhetoric-marked-text").first
    marked_text.scroll_into_view_if_needed()
    expect(marked_text.locator(".ps-rhetoric-caption")).to_contain_text("Marked: 26 passages")
    expect(marked_text.locator("sup", has_text="[tag it first]").first).to_be_visible()
    marked_text.get_by_role("button", name="historical analogy", exact=True).click()
    expect(marked_text.locator(".ps-rhetoric-caption")).to_contain_text(
        "Marked: 1 passage (historical analogy)", timeout=20000)
    expect(marked_text.locator("mark")).to_have_count(1)
    expect(marked_text.locator("sup").first).to_have_text("[historical analogy]")
    screenshot(page, "04_rhetoric_annotated.png")

    # Tagging: choose a sentence and a device with the keyboard, compare, read the key.
    tagger = page.locator(".ps-rhetoric-tagging").first
    tagger.scroll_into_view_if_needed()
    agreement = tagger.locator(".ps-rhetoric-agreement")
    expect(agreement).to_contain_text("Agreement with the key: 0 of 0 tagged sentences")

    sentence = tagger.get_by_label("Sentence", exact=True)
    choose_from_keyboard(page, sentence, 7)  # s07 (point 2): The Russians also did not ...
    expect(tagger.locator(".ps-rhetoric-sentence")).to_contain_text(
        "during the civil war and even more during the war with Germany", timeout=20000)

    device = tagger.get_by_label("Device", exact=True)
    choose_from_keyboard(page, device, 4)  # praise, flattery by proxy, reassurance, analogy
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

    # Back at the key: the tagged sentence's analogies now carry their device.
    marked_text.get_by_role("button", name="Show the passages I have tagged").click()
    expect(marked_text.locator(".ps-rhetoric-caption")).to_contain_text(
        "Marked: 3 passages (historical analogy)", timeout=20000)
    expect(marked_text.locator("mark")).to_have_count(3)
