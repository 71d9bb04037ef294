"""Handouts as HTML pages (Jinja2, autoescaped) and, where Chromium is installed, as PDFs."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from primary_source.exercises import load_bank
from primary_source.handouts.content import LessonHandout, lesson_handout

__all__ = ["PAPERS", "render_handout", "find_chromium", "print_pdf", "write_handouts"]

#: The paper sizes a PDF can be printed on, as CSS ``@page`` sizes.
PAPERS = {"a4": "A4", "letter": "letter"}
_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _environment():
    return Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_handout(handout: LessonHandout, paper: str | None = None) -> str:
    """The handout as one HTML page; ``paper`` ("a4" or "letter") fixes the page size.

    Without ``paper`` the page fits either size and the printer's paper decides.
    """
    size = PAPERS[paper] if paper else ""
    return _environment().get_template("handout.html.j2").render(h=handout, paper=size)


def find_chromium() -> str | None:
    """Debian's Chromium (or ``PRIMARY_SOURCE_CHROMIUM``), or ``None`` when it is not installed."""
    named = os.environ.get("PRIMARY_SOURCE_CHROMIUM")
    for candidate in (named, "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def print_pdf(html: str, out: Path, chromium: str, timeout: float = 120) -> Path:
    """Print an HTML page to ``out`` with headless Chromium; raise ``RuntimeError`` on failure."""
    out = Path(out).resolve()
    with tempfile.TemporaryDirectory(prefix="handout-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        args = [chromium, "--headless", "--disable-gpu", "--no-sandbox",
                "--no-pdf-header-footer", "--print-to-pdf-no-header",
                f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}",
                page.as_uri()]
        run = subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                             start_new_session=True)
    if run.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"Chromium could not print {out.name}: {run.stderr.strip()[-500:]}")
    return out


def write_handouts(out_dir: str | Path, bank=None, *, pdf: bool | None = None,
                   paper: str = "a4", lessons: list[str] | None = None) -> list[Path]:
    """Write ``<lesson>.html`` and ``<lesson>-key.html`` for every lesson of the bank.

    With Chromium installed (or ``pdf=True``) also ``<lesson>.pdf`` and ``<lesson>-key.pdf``
    on ``paper``. ``bank`` defaults to the bank the lessons read; an invalid bank raises
    ``ExerciseFormatError`` naming every problem. Returns the files written.
    """
    bank = load_bank() if bank is None else bank
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chromium = find_chromium() if pdf is not False else None
    if pdf and chromium is None:
        raise RuntimeError("PDFs need Chromium: install it (sudo apt-get install -y chromium)")
    names = lessons or sorted({ex.notebook for ex in bank})
    written: list[Path] = []
    for name in names:
        for key in (False, True):
            handout = lesson_handout(bank, name, key=key)
            stem = f"{name}-key" if key else name
            page = out_dir / f"{stem}.html"
            page.write_text(render_handout(handout), encoding="utf-8")
            written.append(page)
            if chromium:
                written.append(print_pdf(render_handout(handout, paper), out_dir / f"{stem}.pdf",
                                         chromium))
    return written
