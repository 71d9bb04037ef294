"""Presentation mode: Voila shows the lessons with the code hidden and working widgets.

`make present` serves notebooks/ with Voila for projecting in class; these tests open lessons
in Voila in Chromium, operate a widget and read its effect on screen.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import subprocess
import time
import urllib.parse

from playwright.sync_api import expect

from tests.browser.conftest import (
    _free_port,
    _wait_http,
    checkout_copy,
    isolated_env,
    open_in_voila,
    screenshot,
    stop_server,
    wait_for_voila_lesson,
)
from tests.conftest import NOTEBOOK_NAMES


def test_start_here_runs_in_voila_with_the_code_hidden_and_the_reader_turning_pages(voila, page):
    page = open_in_voila(page, voila, "00_start_here.ipynb")
    expect(page.get_by_role("heading", name="Start here", exact=False).first).to_be_visible()
    # Presentation mode: the outputs, never the code that made them.
    expect(page.locator(".jp-CodeCell .jp-InputArea")).to_have_count(0)
    expect(page.get_by_text("document_reader()")).to_have_count(0)
    expect(page.locator(".primary-source-exercise").first).to_be_visible()

    caption = page.locator(".ps-reader-caption").first
    expect(caption).to_contain_text("Paragraph 1 of 8")
    next_button = page.get_by_role("button", name="Next")
    next_button.scroll_into_view_if_needed()
    next_button.click()
    expect(caption).to_contain_text("Paragraph 2 of 8", timeout=30000)
    next_button.focus()
    page.keyboard.press("Enter")
    expect(caption).to_contain_text("Paragraph 3 of 8", timeout=30000)
    screenshot(page, "voila_00_start_here.png")


def test_the_timeline_slider_moves_the_window_in_voila(voila, page):
    page = open_in_voila(page, voila, "02_context_timeline.ipynb")
    explorer = page.locator(".timeline-explorer").first
    caption = explorer.locator(".timeline-explorer-caption")
    expect(caption).to_contain_text("Jan 1950 – Jul 1951", timeout=60000)
    chart = explorer.locator(".ps-timeline").first
    # The chart is a picture (role img) whose accessible name names the window it shows.
    expect(chart).to_have_attribute("aria-label",
                                    re.compile(r"^Timeline chart\. .*Jan 1950 – Jul 1951"))

    handle = explorer.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    handle.press("ArrowRight")
    expect(caption).to_contain_text("Feb 1950 – Jul 1951", timeout=30000)
    expect(explorer.locator(".widget-slider .widget-readout").first).to_contain_text("Feb 1950")
    expect(chart).to_have_attribute("aria-label",
                                    re.compile(r"^Timeline chart\. .*Feb 1950 – Jul 1951"))
    explorer.scroll_into_view_if_needed()
    screenshot(page, "voila_02_context_timeline.png")


def _status_without_token(url: str) -> int:
    """The HTTP status of ``url`` asked without the token, not following a redirect to login."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", parts.path or "/")
        return conn.getresponse().status
    finally:
        conn.close()


def test_make_present_serves_on_loopback_behind_a_token_and_opens_the_first_lesson(tmp_path, page):
    checkout = checkout_copy(tmp_path)
    port = _free_port()
    log_path = tmp_path / "present.log"
    errors: list[str] = []
    page.context.on("page", lambda new: new.on("pageerror", lambda e: errors.append(str(e))))
    with open(log_path, "w") as log:
        proc = subprocess.Popen(["make", "present", f"PRESENT_PORT={port}"], cwd=checkout, stdout=log,
                                stderr=subprocess.STDOUT, env=isolated_env(tmp_path),
                                start_new_session=True)
    lesson = None
    try:
        address = re.compile(rf"http://127\.0\.0\.1:{port}/\?token=([\w-]{{16,}})")
        deadline = time.monotonic() + 60
        while not address.search(log_path.read_text()) and time.monotonic() < deadline \
                and proc.poll() is None:
            time.sleep(0.25)
        found = address.search(log_path.read_text())
        assert found, f"make present printed no address with a token:\n{log_path.read_text()}"
        token = found.group(1)
        _wait_http(f"http://127.0.0.1:{port}/", proc, headers={"Authorization": f"token {token}"})
        assert "pip install" not in log_path.read_text(), "make present reinstalled the .venv"
        for path in ("/", "/voila/render/00_start_here.ipynb"):
            assert _status_without_token(f"http://127.0.0.1:{port}{path}") in (302, 403), \
                f"{path} is served without the token"
        page.goto(found.group(0))
        lessons = NOTEBOOK_NAMES
        for name in lessons:
            expect(page.get_by_text(name, exact=True)).to_be_visible(timeout=60000)
        screenshot(page, "voila_make_present_tree.png")
        # The file list opens a lesson in a new tab, as a teacher would project it.
        with page.context.expect_page(timeout=30000) as opened:
            page.get_by_text("00_start_here.ipynb", exact=True).click()
        lesson = opened.value
        wait_for_voila_lesson(lesson, "00_start_here.ipynb")
        expect(lesson.locator(".ps-reader-caption").first).to_contain_text("Paragraph 1 of 8")
        expect(lesson.locator(".jp-CodeCell .jp-InputArea")).to_have_count(0)
        screenshot(lesson, "voila_make_present_00.png")
        assert errors == [], f"uncaught JavaScript errors: {errors}"
    finally:
        # Pages first, server second: a lesson left open sees its kernel shut down under it.
        for open_page in (lesson, page):
            if open_page is not None:
                open_page.close()
        stop_server(proc)


def test_make_present_shows_a_blank_lesson_that_checks_answers_and_writes_no_file(tmp_path, page):
    """Projecting must not show the last learner's answers, nor write into their file."""
    from primary_source.exercises import exercises_for
    from primary_source.responses import save_answer, set_current_learner

    checkout = checkout_copy(tmp_path)
    answers = tmp_path / "responses"
    env = isolated_env(tmp_path)
    env["PRIMARY_SOURCE_RESPONSES"] = str(answers)
    env["PRESENT_TOKEN"] = token = secrets.token_urlsafe(24)
    first = exercises_for("00_start_here")[0]
    wrong = [o for o in first.options if o != first.answer][0]
    old = os.environ.get("PRIMARY_SOURCE_RESPONSES")
    os.environ["PRIMARY_SOURCE_RESPONSES"] = str(answers)
    try:  # the last student at this computer
        set_current_learner("Zyxwq Learner")
        save_answer(first.id, wrong, learner="Zyxwq Learner", notebook="00_start_here")
    finally:
        os.environ["PRIMARY_SOURCE_RESPONSES"] = old or ""
    before = {p: p.read_bytes() for p in answers.rglob("*") if p.is_file()}

    port = _free_port()
    log_path = tmp_path / "present.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(["make", "present", f"PRESENT_PORT={port}"], cwd=checkout,
                                stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    try:
        _wait_http(f"http://127.0.0.1:{port}/", proc, headers={"Authorization": f"token {token}"})
        page.goto(f"http://127.0.0.1:{port}/voila/render/00_start_here.ipynb?token={token}",
                  timeout=180000)
        wait_for_voila_lesson(page, "00_start_here.ipynb")
        expect(page.locator(".ps-learner-banner").first).to_contain_text(
            "Presentation mode: this lesson starts blank and saves nothing")
        expect(page.get_by_text("Zyxwq Learner", exact=False)).to_have_count(0)
        exercises = page.locator(".primary-source-exercise")
        expect(exercises.get_by_text("Your saved answer")).to_have_count(0)
        question = page.locator(".primary-source-exercise").first
        question.scroll_into_view_if_needed()
        expect(question.locator("input[type=radio]:checked")).to_have_count(0)
        question.get_by_label(first.answer, exact=True).check()
        question.get_by_role("button", name="Submit").click()
        expect(question).to_contain_text("Correct", timeout=30000)
        expect(question).to_contain_text("Attempts: 1")
        screenshot(page, "voila_present_blank.png")
    finally:
        page.close()  # the page first, then its server (see the test above)
        stop_server(proc)
    after = {p: p.read_bytes() for p in answers.rglob("*") if p.is_file()}
    assert after == before, "presentation mode wrote into the answers folder"
