"""`make lab` serves JupyterLab on loopback, token on, with the first lesson open."""

from __future__ import annotations

import re
import subprocess
import time

from playwright.sync_api import expect

from tests.browser.conftest import _free_port, checkout_copy, isolated_env, stop_server


def test_make_lab_opens_the_first_lesson_behind_a_token(tmp_path, page):
    checkout = checkout_copy(tmp_path)  # JupyterLab never writes into the repo
    port = _free_port()
    # JupyterLab opens the first lesson through Python's webbrowser module, which honours
    # $BROWSER: a tiny "browser" records the address a teacher's browser would be sent to.
    opened = tmp_path / "opened.txt"
    recorder = tmp_path / "record-url"
    recorder.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    recorder.chmod(0o755)
    env = isolated_env(tmp_path)
    env["BROWSER"] = str(recorder)
    log_path = tmp_path / "lab.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(["make", "lab", f"PORT={port}"], cwd=checkout, stdout=log,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not opened.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
        log_text = log_path.read_text()
        assert opened.exists(), f"make lab opened no browser page:\n{log_text[-2000:]}"
        assert re.search(rf"http://127\.0\.0\.1:{port}/lab\?token=\w+", log_text), \
            "JupyterLab is not on loopback with its token"
        assert "pip install" not in log_text, "make lab reinstalled an up-to-date .venv"
        page.goto(opened.read_text().strip())
        tab = page.locator(".lm-TabBar-tab", has_text="00_start_here.ipynb")
        expect(tab.first).to_be_visible(timeout=90000)
        expect(page.locator(".jp-Notebook").first).to_contain_text("Start here", timeout=30000)
    finally:
        # The page goes before its server. Stopping Jupyter shuts the lesson's kernel down; its
        # shutdown_reply reached a page still open, where JupyterLab's SessionContext reads
        # ``this.session.kernel`` after the session is gone: "Cannot read properties of null
        # (reading 'kernel')", an uncaught error the page fixture reported at teardown.
        page.close()
        stop_server(proc)
