"""Fixtures for the real-browser tests: JupyterLab on loopback with a token, Debian Chromium.

Playwright drives the system Chromium (``/usr/bin/chromium``) through ``executable_path``;
``playwright install`` is never run. Outside CI a missing Chromium skips these tests with the
command that installs it; under ``CI=true`` it fails the run.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from primary_source import paths

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-quic"]
TOKEN = "lesson-test-" + os.urandom(8).hex()
SCREENS = paths.project_root() / "build" / "screens"
WIDGET_ERRORS = ("Error displaying widget", "Loading widget")
#: An output holding an error or something written to stderr, in JupyterLab and in Voila.
STDERR_OUTPUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url, proc, timeout=120, headers=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}),
                                        timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{url} not ready after {timeout}s")


def stop_server(proc):
    """Stop a server started with ``start_new_session``: SIGTERM to its process group
    (a `make` target and the server it runs alike), then SIGKILL if it lingers."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def checkout_copy(tmp: Path) -> Path:
    """A copy of the checkout that reuses the installed .venv, for running `make` targets.

    The servers started from it never write into the repository. The .venv must be up to
    date (its stamps newer than the requirements): otherwise make would reinstall the library
    from this temp copy into the shared .venv, so we ask `make -n` first, which only prints.
    """
    root = paths.project_root()
    checkout = tmp / "checkout"
    shutil.copytree(root, checkout, symlinks=True,
                    ignore=shutil.ignore_patterns(".venv", ".git", "build", "responses"))
    os.symlink(root / ".venv", checkout / ".venv")
    plan = subprocess.run(["make", "-n", ".venv/.runtime"], cwd=checkout, capture_output=True,
                          text=True)
    assert "pip install" not in plan.stdout, "run `make test` first: .venv is out of date"
    return checkout


def copy_lessons(root: Path) -> None:
    """Copy the lessons into ``root``: servers autosave, and outputs must never reach the repo."""
    for nb in paths.notebooks_dir().glob("*.ipynb"):
        shutil.copy(nb, root / nb.name)


def isolated_env(tmp: Path) -> dict:
    """Environment for a server: private Jupyter folders, answers saved outside the repo."""
    env = dict(os.environ)
    env.update(JUPYTER_CONFIG_DIR=str(tmp / "config"), JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
               IPYTHONDIR=str(tmp / "ipython"), JUPYTER_PLATFORM_DIRS="1")
    return env


@pytest.fixture(scope="session")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        message = (f"{CHROMIUM} is missing: install Debian's Chromium with "
                   "'sudo apt-get install -y chromium' to run the browser tests")
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def lesson_root(tmp_path_factory):
    """A temp copy of notebooks/: JupyterLab autosaves, and outputs must never reach the repo."""
    root = tmp_path_factory.mktemp("lessons")
    copy_lessons(root)
    return root


@pytest.fixture(scope="session")
def lab(tmp_path_factory, lesson_root, chromium_path):
    """A fresh JupyterLab server on loopback for this test session; yields its base URL."""
    tmp = tmp_path_factory.mktemp("lab")
    settings = tmp / "settings"
    notif = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notif.parent.mkdir(parents=True)
    notif.write_text('{"fetchNews": "false", "checkForUpdates": false}')
    # Start the notebook's own kernel without a "Select Kernel" dialog, as a teacher would,
    # and render every cell (no windowing), so each prompt can be read.
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text('{"autoStartDefaultKernel": true, "windowingMode": "none"}')
    port = _free_port()
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
           "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={lesson_root}",
           "--LabApp.news_url=None", f"--LabApp.user_settings_dir={settings}",
           f"--LabApp.workspaces_dir={tmp / 'workspaces'}"]
    log = open(tmp / "lab.log", "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                            env=isolated_env(tmp), start_new_session=True)
    try:
        _wait_http(f"http://127.0.0.1:{port}/api/status", proc,
                   headers={"Authorization": f"token {TOKEN}"})
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(proc)
        log.close()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROME_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page; any uncaught JavaScript error fails the test."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, f"uncaught JavaScript errors: {errors}"


_ALL_RUN = ("(() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];"
            " return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); })()")


_BUSY = ("[...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]"
         ".some(e => /\\[\\*\\]/.test(e.textContent))")


def _accept_kernel_dialog(page) -> bool:
    """Under load JupyterLab sometimes asks which kernel to start: accept Python 3."""
    accept = page.locator(".jp-Dialog button.jp-mod-accept")
    if accept.count() and accept.first.is_visible():
        accept.first.click()
        return True
    return False


def _click_run_all(page):
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90000)
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()


def run_all(page, lab_url: str, notebook: str):
    """Open ``notebook`` in JupyterLab, Run All, and wait until every code cell has run.

    Waits for JupyterLab's kernel list and for the code cells to exist (an empty list of
    prompts would pass), accepts the kernel dialog whenever it shows, and asks again when a
    Run All given while the kernel was still connecting was dropped (no cell started).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # A notebook opened before the kernel list has loaded can stop at "Select Kernel".
    # ``reset`` starts from an empty workspace, so no earlier lesson is restored beside this one.
    page.goto(f"{lab_url}/lab?reset&token={TOKEN}")
    page.wait_for_selector(".jp-LauncherCard[data-category='Notebook']", timeout=90000)
    page.goto(f"{lab_url}/lab/tree/{notebook}?reset&token={TOKEN}")
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90000)
    _accept_kernel_dialog(page)
    _click_run_all(page)
    deadline = time.monotonic() + 360
    last_click = time.monotonic()
    while True:
        try:
            page.wait_for_function(_ALL_RUN, timeout=5000)
            break
        except PlaywrightTimeout:
            # Nothing queued or running, yet not every cell ran: the Run All was dropped or
            # cut short (a kernel still connecting), so ask again.
            failed = page.locator(STDERR_OUTPUT)
            if failed.count():
                raise AssertionError(f"{notebook}: a cell failed: {failed.first.inner_text()}") from None
            busy = page.evaluate(_BUSY)
            if _accept_kernel_dialog(page) or (not busy and time.monotonic() - last_click > 25):
                _click_run_all(page)
                last_click = time.monotonic()
            if time.monotonic() > deadline:
                screenshot(page, notebook.replace(".ipynb", "_not_run.png"))
                prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
                raise AssertionError(f"{notebook}: not every cell ran; prompts: {prompts}") from None
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60000)


def assert_clean(page, notebook: str, texts=None):
    """No error output, no stderr, no widget that failed to display (``texts``: what else to
    refuse on the page; :data:`WIDGET_ERRORS` unless given)."""
    errors = page.locator(STDERR_OUTPUT)
    assert errors.count() == 0, f"{notebook}: stderr or error output: {errors.first.inner_text()}"
    from playwright.sync_api import expect

    for text in WIDGET_ERRORS if texts is None else texts:
        if text == "Loading widget":  # shown while a view waits for its model: it must end
            expect(page.get_by_text(text), f"{notebook}: a widget never loaded").to_have_count(
                0, timeout=30000)
        assert page.get_by_text(text).count() == 0, f"{notebook}: {text!r} on the page"


def screenshot(page, name: str):
    """Save a screenshot under build/screens/ (ignored by git)."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / name), full_page=False)


@pytest.fixture
def lesson(page, lab):
    """Open a lesson in JupyterLab and Run All; returns the page, ready for interaction.

    >>> def test_example(lesson):                # doctest: +SKIP
    ...     page = lesson("00_start_here.ipynb")
    """

    def open_lesson(notebook: str):
        run_all(page, lab, notebook)
        assert_clean(page, notebook)
        return page

    return open_lesson


# --------------------------------------------------------------------------- accessibility

#: axe-core impacts that fail a test; "minor" and "moderate" findings are left out.
SERIOUS = ("serious", "critical")


def axe_violations(page, include: str = ".jp-OutputArea", allowed=()) -> list[dict]:
    """Run axe-core on the elements matching ``include``; return serious or critical violations.

    ``allowed`` holds ``(rule_id, css_selector, reason)`` triples: a node that breaks
    ``rule_id`` and matches ``css_selector`` (markup we do not write, e.g. inside ipywidgets)
    is left out. Every other serious or critical node is returned as
    ``{"rule", "impact", "help", "target", "html", "why"}``.

    >>> def test_example(lesson):                # doctest: +SKIP
    ...     assert axe_violations(lesson("00_start_here.ipynb")) == []
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [include]},
                        options={"resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] not in SERIOUS:
            continue
        for node in violation["nodes"]:
            target = node["target"][-1] if node["target"] else ""
            exempt = [sel for rule, sel, _reason in allowed if rule == violation["id"]]
            if exempt and page.evaluate(
                    "([t, sels]) => { const e = document.querySelector(t);"
                    " return !!e && sels.some(s => e.matches(s)); }", [target, exempt]):
                continue
            found.append({"rule": violation["id"], "impact": violation["impact"],
                          "help": violation["help"], "target": target,
                          "html": node["html"][:300],
                          "why": " ".join(
                              c["message"] for key in ("any", "all", "none")
                              for c in node.get(key, []))[:300]})
    return found


# --------------------------------------------------------------------------- Voila

VOILA_ERRORS = WIDGET_ERRORS + ("There was an error when executing cell",)

#: The log file of each Voila server, by base URL, quoted when a lesson fails to render.
_VOILA_LOGS: dict[str, Path] = {}


@pytest.fixture(scope="session")
def voila(tmp_path_factory, chromium_path):
    """A Voila server (presentation mode: code hidden) on loopback with a token, over a temp copy
    of notebooks/, as ``make present`` serves them.

    Yields the base URL; ``open_in_voila`` adds the token (``?token=TOKEN``) to a lesson's address.
    Stopped with SIGTERM (then SIGKILL of its own session) at the end of the test session.
    """
    tmp = tmp_path_factory.mktemp("voila")
    root = tmp / "lessons"
    root.mkdir()
    copy_lessons(root)
    port = _free_port()
    cmd = [sys.executable, "-m", "voila", str(root), "--no-browser", f"--port={port}",
           "--Voila.ip=127.0.0.1", f"--Voila.token={TOKEN}"]
    log = open(tmp / "voila.log", "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=isolated_env(tmp),
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    _VOILA_LOGS[url] = tmp / "voila.log"
    try:
        # the file list (lessons run on request); without the token it redirects to a login page
        _wait_http(f"{url}/", proc, headers={"Authorization": f"token {TOKEN}"})
        yield url
    finally:
        stop_server(proc)
        log.close()


def wait_for_voila_lesson(page, notebook: str):
    """Wait until Voila has run ``notebook`` and drawn its widgets; fail on any error shown.

    Voila streams the page while the kernel runs the cells, so the page's load event means
    every cell has run; the widgets are then drawn in the browser.
    """
    from playwright.sync_api import expect

    page.wait_for_load_state("load", timeout=180000)
    page.locator("#rendered_cells .jupyter-widgets").first.wait_for(timeout=60000)
    expect(page.get_by_text("Loading widget")).to_have_count(0, timeout=60000)
    assert_clean(page, notebook, VOILA_ERRORS)


def open_in_voila(page, voila_url: str, notebook: str):
    """Open a lesson in Voila as a class would see it projected; returns the page."""
    try:
        page.goto(f"{voila_url}/voila/render/{notebook}?token={TOKEN}", timeout=180000)
        wait_for_voila_lesson(page, notebook)
    except Exception as error:
        log = _VOILA_LOGS.get(voila_url)
        tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
        raise AssertionError(f"{notebook} did not render in Voila: {error}\n"
                             f"--- end of the Voila log ---\n{tail}") from error
    return page
