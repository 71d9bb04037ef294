"""The exercise editor in Chromium: an instructor makes an exercise of each type and saves it.

Voila serves tools/author.ipynb (the page `make author` opens) on loopback with a token, over a
private copy of data/, so the test never writes into the repository's exercise bank.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from primary_source import paths
from tests.browser.conftest import (
    _free_port,
    _wait_http,
    assert_clean,
    isolated_env,
    screenshot,
    stop_server,
)
from tests.test_ui_authoring import NEW

LESSON, SECTION = "04_rhetoric", "tagging"


@pytest.fixture
def editor_server(tmp_path, chromium_path):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    shutil.copy(paths.project_root() / "tools" / "author.ipynb", tmp_path / "author.ipynb")
    env = isolated_env(tmp_path)
    env.update(PRIMARY_SOURCE_DATA=str(data), PRIMARY_SOURCE_BACKUPS=str(tmp_path / "backups"),
               PRIMARY_SOURCE_RESPONSES=str(tmp_path / "responses"))
    token = "author-test-" + os.urandom(8).hex()
    port = _free_port()
    log = open(tmp_path / "voila.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "voila", str(tmp_path / "author.ipynb"),
                             "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
                             f"--token={token}"], stdout=log, stderr=subprocess.STDOUT,
                            env=env, start_new_session=True)
    try:
        _wait_http(f"http://127.0.0.1:{port}/?token={token}", proc, timeout=180)
        yield f"http://127.0.0.1:{port}/?token={token}", data, env
    finally:
        stop_server(proc)
        log.close()


def test_an_exercise_of_each_type_made_and_saved_in_the_editor_is_valid_and_shown(editor_server,
                                                                                   page):
    url, data, env = editor_server
    page.goto(url, timeout=180000)
    page.wait_for_load_state("load", timeout=180000)
    editor = page.locator(".ps-author").first
    expect(editor).to_be_visible(timeout=60000)
    assert_clean(page, "author.ipynb", ("Error displaying widget",
                                        "There was an error when executing cell"))
    page.locator(".ps-author-lesson select").select_option(LESSON)
    expect(page.locator(".ps-author-list select option").first).to_contain_text(
        "rhet-", timeout=30000)
    problems = page.locator(".ps-author-problems")
    status = page.locator(".ps-author-status")
    for kind, values in NEW.items():
        page.locator(".ps-author-new-type select").select_option(kind)
        page.get_by_role("button", name="Add exercise").click()
        expect(page.locator(".ps-author-list select")).to_contain_text(f"({kind})")
        expect(problems).to_contain_text("problem(s) to fix", timeout=30000)
        page.locator(".ps-author-field-id input").fill(f"browser-{kind}")
        page.locator(".ps-author-field-section input").fill(SECTION)
        for name, value in values.items():
            css = f".ps-author-field-{name.replace('_', '-')}"
            if name in ("device", "answer", "answers"):  # picked from a list
                page.locator(f"{css} select").select_option(value.splitlines())
            elif page.locator(f"{css} textarea").count():
                page.locator(f"{css} textarea").fill(value)
            else:
                page.locator(f"{css} input").fill(value)
        expect(problems).to_contain_text("No problems", timeout=30000)
        preview = page.locator(".ps-author-preview .primary-source-exercise")
        expect(preview).to_contain_text(values["prompt"], timeout=30000)
        page.get_by_role("button", name="Save").click()
        expect(status).to_contain_text("Saved", timeout=30000)
        expect(page.locator(".ps-author-list select")).to_contain_text(f"browser-{kind}")
    screenshot(page, "author_editor.png")

    check = subprocess.run([sys.executable, "-m", "primary_source.cli", "check"], env=env,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    shown = subprocess.run(
        [sys.executable, "-c",
         "from primary_source.ui.exercises import exercise_section\n"
         f"box = exercise_section({LESSON!r}, {SECTION!r})\n"
         "print(' '.join(f'{b.exercise.id}:{b.exercise.type}' for b in box.exercises))"],
        env=env, capture_output=True, text=True, check=True).stdout.split()
    for kind in NEW:
        assert f"browser-{kind}:{kind}" in shown
    saved = (data / "exercises" / f"{LESSON}.yaml").read_text(encoding="utf-8")
    original = paths.exercise_path(LESSON).read_text(encoding="utf-8")
    assert [line for line in original.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in saved.splitlines() if line.lstrip().startswith("#")]
