"""Every lesson opens in JupyterLab in Chromium, runs with Run All, and its widgets answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.conftest import NOTEBOOK_IDS, NOTEBOOK_NAMES


@pytest.mark.parametrize("notebook", NOTEBOOK_NAMES, ids=NOTEBOOK_IDS)
def test_lesson_runs_in_jupyterlab_with_widgets_displayed(lesson, notebook):
    page = lesson(notebook)
    screenshot(page, notebook.replace(".ipynb", ".png"))
    widgets = page.locator(".jp-OutputArea-output .widget-box, .jp-OutputArea-output .widget-html")
    expect(widgets.first).to_be_attached(timeout=30000)


def test_start_here_reader_predictions_and_reveal_respond_on_screen(lesson):
    page = lesson("00_start_here.ipynb")
    caption = page.locator(".ps-reader-caption").first
    expect(caption).to_contain_text("Paragraph 1 of 8")
    next_button = page.get_by_role("button", name="Next")
    next_button.scroll_into_view_if_needed()
    next_button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(caption).to_contain_text("Paragraph 3 of 8", timeout=20000)
    page.get_by_label("Show editor's brackets").uncheck()
    expect(caption).to_contain_text("editor's brackets hidden", timeout=20000)

    page.get_by_label("Who wrote it?").select_option("a Soviet leader")
    page.get_by_role("button", name="Reveal the source").click()
    reveal = page.locator(".ps-reveal").first
    expect(reveal).to_contain_text("Your predictions beside the source", timeout=20000)
    expect(reveal).to_contain_text("a Soviet leader")
    expect(reveal).to_contain_text("signing as")
    reveal.scroll_into_view_if_needed()
    screenshot(page, "00_start_here_reveal.png")
