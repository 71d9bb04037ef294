"""A student who uses only the keyboard can answer every kind of exercise in JupyterLab.

Only Tab, Shift+Tab, Enter, Space and the arrow keys are pressed; the one ``focus()`` per
exercise puts the keyboard on its first control, as a student's first Tab would.

Two facts about JupyterLab 4 shape the walk. In command mode the notebook binds the arrow keys
to moving between cells, so a focused radio button, checkbox or closed drop-down list gives
them to the notebook: a radio button is chosen with Space (ipywidgets' radios share no group
name, so each is its own Tab stop), and a drop-down list is opened with Space, after which the
arrows move inside the open list. The slider handles keep their arrows (test_02 moves one).
"""

from __future__ import annotations

import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from playwright.sync_api import expect

from primary_source.exercises import exercises_for
from tests.browser.conftest import assert_clean, run_all, screenshot

START = "00_start_here.ipynb"
CONTROLS = (".jp-OutputArea :is(input, select, textarea, button, [role=slider])"
            ":is(.jupyter-widgets, .jupyter-widgets *)")


def exercise(notebook: str, kind: str, section: str | None = None):
    """The first exercise of ``kind`` in a notebook's bank."""
    return next(ex for ex in exercises_for(notebook.replace(".ipynb", ""), section)
                if ex.type == kind)


def box_of(page, ex):
    """The exercise's box on the page, found by its prompt (and quote, for a tag)."""
    found = page.locator(".primary-source-exercise").filter(has_text=ex.prompt[:50])
    if ex.quote:
        found = found.filter(has_text=ex.quote)
    return found.first


def is_focused(locator) -> bool:
    return locator.evaluate("e => e === document.activeElement")


def tab_until(page, target, limit: int = 12, back: bool = False):
    """Press Tab (or Shift+Tab) until ``target`` has the focus."""
    for _ in range(limit):
        if is_focused(target):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    expect(target).to_be_focused()


def choose_in_list(page, select, wanted: str):
    """With the focus on a closed drop-down list: Space opens it, arrows move, Enter chooses."""
    expect(select).to_be_focused()
    values = select.evaluate("s => [...s.options].map(o => o.value)")
    current = select.evaluate("s => s.selectedIndex")
    target = values.index(wanted)
    page.keyboard.press("Space")
    page.wait_for_function("s => s.matches(':open')", arg=select.element_handle())
    key = "ArrowDown" if target > current else "ArrowUp"
    for _ in range(abs(target - current)):
        page.keyboard.press(key)
    page.keyboard.press("Enter")
    expect(select).to_have_value(wanted)
    expect(select).to_be_focused()


def submit_from_keyboard(page, box):
    """Tab on to the exercise's Submit button and press Enter."""
    submit = box.get_by_role("button", name="Submit")
    tab_until(page, submit)
    page.keyboard.press("Enter")
    return box.locator(".widget-html [role=status]").last


def submit_and_expect(page, box, shot: str, first: str = "Correct", *more: str):
    """Submit from the keyboard, then the feedback must say ``first`` (and ``more``) on screen."""
    feedback = submit_from_keyboard(page, box)
    expect(feedback).to_contain_text(first, timeout=20000)
    for text in more:
        expect(feedback).to_contain_text(text)
    expect(feedback).to_be_visible()
    feedback.scroll_into_view_if_needed()
    screenshot(page, shot)


@pytest.fixture
def start_here(lesson):
    return lesson(START)


def test_a_choice_is_made_with_tab_and_space(start_here):
    page, ex = start_here, exercise(START, "choice")
    box = box_of(page, ex)
    radios = box.locator("input[type=radio]")
    radios.first.focus()
    # Walk to the last option and back with Tab and Shift+Tab, then choose the answer.
    tab_until(page, radios.last)
    # each learner sees the options in their own order: find the answer by its label
    shown = [t.strip() for t in box.locator(".widget-radio-box label").all_inner_texts()]
    assert sorted(shown) == sorted(ex.options)
    right = radios.nth(shown.index(ex.answer))
    tab_until(page, right, back=True)
    page.keyboard.press("Space")
    expect(right).to_be_checked()
    submit_and_expect(page, box, "keyboard_choice.png")


def test_every_right_box_of_a_multiple_choice_is_ticked_with_space(start_here):
    page, ex = start_here, exercise(START, "multi")
    box = box_of(page, ex)
    boxes = box.locator("input[type=checkbox]")
    boxes.first.focus()
    shown = [t.strip() for t in box.locator(".widget-checkbox").all_inner_texts()]
    assert sorted(shown) == sorted(ex.options)
    for i, option in enumerate(shown):
        tab_until(page, boxes.nth(i))
        if boxes.nth(i).is_checked() != (option in ex.answers):  # a saved answer may show
            page.keyboard.press("Space")
        expect(boxes.nth(i)).to_be_checked(checked=option in ex.answers)
    submit_and_expect(page, box, "keyboard_multi.png")


def test_a_written_answer_is_typed_then_submitted_with_tab_and_enter(start_here):
    page, ex = start_here, exercise(START, "text")
    box = box_of(page, ex)
    answer = box.get_by_role("textbox", name="Answer:")
    answer.focus()
    page.keyboard.press("End")
    page.keyboard.type(" The signature Feng Xi surprised me: why would the author hide his own "
                       "name from the man he was advising?")
    submit_and_expect(page, box, "keyboard_text.png", "tick off the self-check list")
    ticks = box.get_by_role("checkbox")
    expect(ticks).to_have_count(len(ex.rubric))
    tab_until(page, ticks.first)
    page.keyboard.press("Space")
    expect(ticks.first).to_be_checked()
    show = box.get_by_role("button", name="Show model answer")
    tab_until(page, show, back=True)
    page.keyboard.press("Enter")
    expect(box).to_contain_text("Model answer", timeout=20000)


def test_the_parts_are_put_in_order_from_the_keyboard(start_here):
    page, ex = start_here, exercise(START, "order")
    box = box_of(page, ex)
    lists = box.locator("select")
    expect(lists).to_have_count(len(ex.items))
    lists.first.focus()
    for i, item in enumerate(ex.items):  # choosing an item swaps it with the one it replaces
        tab_until(page, lists.nth(i))
        choose_in_list(page, lists.nth(i), item)
    for i, item in enumerate(ex.items):  # so no item is used twice, and the order holds
        expect(lists.nth(i)).to_have_value(item)
    submit_and_expect(page, box, "keyboard_order.png")


def test_each_point_is_matched_from_the_keyboard(start_here):
    page, ex = start_here, exercise(START, "match")
    box = box_of(page, ex)
    lists = box.locator("select")
    lists.first.focus()
    for i, (left, right) in enumerate(ex.pairs):
        tab_until(page, lists.nth(i))
        expect(lists.nth(i)).to_have_accessible_name(f"{left}:")
        choose_in_list(page, lists.nth(i), right)
    submit_and_expect(page, box, "keyboard_match.png")


def test_a_passage_is_tagged_with_its_device_from_the_keyboard(lesson):
    notebook = "04_rhetoric.ipynb"
    page, ex = lesson(notebook), exercise(notebook, "tag")
    box = box_of(page, ex)
    device = box.get_by_label("Device:")
    device.focus()
    choose_in_list(page, device, ex.device)
    submit_and_expect(page, box, "keyboard_tag.png")


@pytest.mark.parametrize("notebook", [START, "04_rhetoric.ipynb"])
def test_every_control_in_the_outputs_has_a_name_a_screen_reader_can_read(lesson, notebook):
    page = lesson(notebook)
    controls = page.locator(CONTROLS)
    expect(controls.first).to_be_attached()
    unnamed = []
    for control in controls.all():
        if not control.is_visible():
            continue
        if control.get_attribute("role") == "slider":
            # ipywidgets cannot name a slider handle (see test_accessibility.py); the slider's
            # description must at least be shown beside it.
            label = control.locator("xpath=ancestor::*[contains(@class, 'widget-slider')][1]"
                                    "/*[contains(@class, 'widget-label')]")
            if not re.search(r"\w", label.inner_text()):
                unnamed.append(control.evaluate("e => e.outerHTML.slice(0, 200)"))
            continue
        try:
            expect(control).to_have_accessible_name(re.compile(r"\w"), timeout=1000)
        except AssertionError:
            unnamed.append(control.evaluate("e => e.outerHTML.slice(0, 200)"))
    assert unnamed == [], f"{notebook}: controls without an accessible name"


def test_every_word_typed_reaches_a_busy_kernel_before_submit(page, lab, lesson_root):
    """A fast typist on a busy kernel: Submit checks and saves the whole answer, not its start.

    Here the kernel spends a second on each change of the answer, as a crowded class server
    may. The browser holds back a widget's later changes until the kernel has answered the
    first, but never holds back a click: if the text went at each key press, Submit would be
    handled before the last words arrived and the answer saved without them.
    """
    busy = new_notebook(cells=[
        new_code_cell("import time\nfrom primary_source.ui.exercises import exercise_section\n"
                      "section = exercise_section('00_start_here', learner='busy-kernel')"),
        new_code_cell("written = next(b for b in section.exercises if b.exercise.type == 'text')\n"
                      "written.textarea.observe(lambda change: time.sleep(1), names='value')"),
        new_code_cell("section"),
    ])
    nbformat.write(busy, lesson_root / "busy_kernel.ipynb")
    run_all(page, lab, "busy_kernel.ipynb")
    assert_clean(page, "busy_kernel.ipynb")
    box = box_of(page, exercise(START, "text"))
    answer = box.get_by_role("textbox", name="Answer:")
    answer.focus()
    page.keyboard.type("The signature Feng Xi surprised me, because a leader who advises an ally "
                       "in detail would be expected to sign with his own name.")
    submit_and_expect(page, box, "keyboard_busy_kernel.png", "tick off the self-check list")
