"""The corrected facts stay corrected in the lessons, the exercises and the teacher's guide.

Each check names an error a review found (issue 11, section 1) or a fact the lessons now teach;
a later edit that brings an error back, or drops the fact, fails here with the sentence at fault.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from primary_source import paths
from primary_source.exercises import load_bank
from tests.conftest import NOTEBOOKS

ROOT = paths.project_root()
PERMANENT = "https://digitalarchive.wilsoncenter.org/document/110696"


def lesson_text(stem: str) -> str:
    nb = nbformat.read(paths.notebooks_dir() / f"{stem}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def texts() -> dict[str, str]:
    """Everything a student or teacher reads: lesson texts, exercise files, the guide."""
    out = {nb.name: lesson_text(nb.stem) for nb in NOTEBOOKS}
    for path in sorted(paths.exercises_dir().glob("*.yaml")):
        out[path.name] = path.read_text(encoding="utf-8")
    out["INSTRUCTOR.md"] = (ROOT / "docs" / "INSTRUCTOR.md").read_text(encoding="utf-8")
    return out


def sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z*\"(-])", flat) if s]


def offending(pattern: str, *, unless: str | None = None) -> list[str]:
    found = []
    for name, text in texts().items():
        for s in sentences(text):
            if re.search(pattern, s, flags=re.I) and not (unless and re.search(unless, s, re.I)):
                found.append(f"{name}: {s[:160]}")
    return found


@pytest.mark.parametrize("pattern, unless, error", [
    (r"Zhou.*27 August.*(fighter|pilot)|27 August.*Zhou.*(fighter|pilot)", r"\b38\b",
     "the telegram to Zhou of 27 August sends 38 advisers, not fighters or pilot training"),
    (r"already expected a longer war", None, "built on the wrong reading of 27 August"),
    (r"(?<![\"“])the aircraft of point 3 came", None,
     "point 3's offer is not the Soviet MiG-15 units of November 1950"),
    (r"never names? Stalin|does not name Stalin", None, "the copy line reads 'To Stalin'"),
    (r"(?<![\"“])with Chinese leaders (he|Stalin) (used|signed)", None,
     "cover names varied by channel and time (Filippov to Gottwald too)"),
    (r"no further Security Council resolutions", None, "resolutions 88 and 90 passed"),
    (r"Inchon.*(three|two) weeks|(three|two) weeks.*Inchon", r"within two weeks",
     "the telegram to the Inchon landing is 18 days"),
])
def test_no_corrected_error_comes_back(pattern, unless, error):
    found = offending(pattern, unless=unless)
    assert not found, f"{error}:\n" + "\n".join(found)


def test_the_18_days_are_the_one_figure_for_the_telegram_to_inchon():
    for stem in ("02_context_timeline", "03_content", "04_rhetoric"):
        assert "18 days" in lesson_text(stem), stem


def test_the_27_august_telegram_to_zhou_is_taught_as_38_advisers():
    for stem in ("02_context_timeline", "03_content"):
        text = lesson_text(stem)
        assert "38" in text and "110695" in text, stem


def test_the_permanent_address_is_taught_and_the_mirror_explained():
    lesson = lesson_text("01_provenance")
    assert PERMANENT in lesson
    mirror = [s for s in sentences(lesson) if "dvincitest" in s]
    assert mirror and all("test copy" in s for s in mirror)
    assert PERMANENT in texts()["INSTRUCTOR.md"]


def test_lesson_05_weighs_the_soviet_hand_and_how_historians_disagree():
    text = lesson_text("05_synthesis")
    for fact in ("absolutely must continue", "34691", "25-35", "Acheson", "Gottwald",
                 "Historians disagree", "selective"):
        assert fact in text, fact
    assert "Agreeing to a war is not the same as directing it" not in text


def test_the_corroboration_exercises_quote_the_second_source():
    bank = load_bank()
    august = bank.get("corr-august-puzzle")
    for detail in ("To No. 483/sh", "29.8.50", "11:32", "17:27"):
        assert detail in august.prompt, detail
    october = bank.get("corr-october-puzzle")
    assert "13.10.50" in october.prompt and "12 October" in october.prompt
    assert "contested" in october.feedback[october.answer]
    # the postponement of 13 October is a message of its own, beside No. 4829 of 14 October
    assert "4829" in october.prompt and "sent on 13 October" in october.prompt
    assert not any("nothing points to a third message" in text
                   for text in october.feedback.values())


def test_readings_that_can_be_defended_are_all_accepted():
    offer = load_bank().get("content-kind-of-offer")
    assert offer.type == "multi" and len(offer.answers) >= 2
    assert all(offer.feedback.get(a) for a in offer.options), "every reading gets its reason"
    ranking = load_bank().get("synth-claim-strength")
    assert ranking.type == "text" and len(ranking.rubric) >= 3
