"""Each lesson's stated time matches a reading-and-doing estimate, within 10 percent.

The estimate is the one docs/INSTRUCTOR.md explains in "How long each lesson takes": the words a
student reads (the lesson's text and its exercises' prompts, options, items and pairs) at 150 words
a minute, plus a stated time for each exercise by type, plus the minutes the guide gives each lesson
for logging in and for working with its tools. Sections headed "(optional)" and "Going further" are
extensions: neither their words nor their exercises count.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from primary_source import paths
from primary_source.exercises import load_bank
from tests.conftest import NOTEBOOK_IDS, NOTEBOOKS

GUIDE = paths.project_root() / "docs" / "INSTRUCTOR.md"
WORDS_PER_MINUTE = 150
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def words(text: str) -> int:
    """How many words a student reads in ``text`` (markdown marks and code spans left out)."""
    text = re.sub(r"`[^`]*`", " ", text)
    return len(WORD.findall(text))


def guide_section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(r"^### How long each lesson takes\n(.*?)(?=^##)", text, flags=re.M | re.S)
    assert match, "docs/INSTRUCTOR.md has no section 'How long each lesson takes'"
    return match.group(1)


def table_rows(section: str) -> list[list[str]]:
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.strip().startswith("|") and not set("".join(cells)) <= set("-: "):
            rows.append(cells)
    return rows


def exercise_minutes() -> dict[str, float]:
    """Minutes per exercise type, from the guide's table ("text" is per point)."""
    found = {row[0].strip("`"): float(row[1]) for row in table_rows(guide_section())
             if row and row[0].strip("`") in ("choice", "multi", "order", "match", "tag", "text")}
    assert set(found) == {"choice", "multi", "order", "match", "tag", "text"}, found
    return found


def lesson_minutes() -> dict[str, tuple[float, float]]:
    """For each lesson number, (logging in and Run All, working with the tools) in minutes."""
    out = {}
    for row in table_rows(guide_section()):
        if re.fullmatch(r"0\d", row[0]):
            out[row[0]] = (float(row[1]), float(row[2]))
    return out


def core_cells(path):
    """The lesson's markdown and code cells outside optional sections and 'Going further'."""
    nb = nbformat.read(path, as_version=4)
    optional = False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = re.match(r"^##\s+(.*)", cell.source)
            if heading:
                title = heading.group(1)
                optional = "(optional)" in title.lower() or title.startswith("Going further")
        if not optional:
            yield cell


def stated_minutes(path) -> float:
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.source.startswith("## Time needed"))
    match = re.search(r"About (\d+) minutes", cell.source)
    assert match, f"{path.name}: 'Time needed' does not say 'About N minutes'"
    return float(match.group(1))


def estimate(path) -> dict[str, float]:
    """Reading, exercise and activity minutes of one lesson, as the guide computes them."""
    per_type = exercise_minutes()
    login, tools = lesson_minutes()[path.stem[:2]]
    cells = list(core_cells(path))
    text_words = sum(words(c.source) for c in cells if c.cell_type == "markdown")
    sections = set()
    for c in cells:
        if c.cell_type == "code":
            sections |= set(re.findall(r'exercise_section\("[^"]+",\s*"([^"]+)"\)', c.source))
    exercises = [e for e in load_bank().for_notebook(path.stem) if e.section in sections]
    ex_words = sum(words(" ".join([e.prompt, *e.options, *e.items, *(a + " " + b for a, b in e.pairs),
                                   e.quote or ""])) for e in exercises)
    doing = sum(max(4.0, per_type["text"] * e.points) if e.type == "text" else per_type[e.type]
                for e in exercises)
    reading = (text_words + ex_words) / WORDS_PER_MINUTE
    return {"reading": reading, "exercises": doing, "login": login, "tools": tools,
            "total": reading + doing + login + tools, "count": len(exercises)}


def test_the_guide_gives_a_time_for_every_exercise_type_and_every_lesson():
    assert exercise_minutes()["choice"] > 0
    assert set(lesson_minutes()) == {p.stem[:2] for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_the_stated_time_matches_the_reading_and_doing_estimate(path):
    stated = stated_minutes(path)
    got = estimate(path)
    assert got["count"] >= 4, f"{path.name}: the core lesson shows {got['count']} exercises"
    assert abs(got["total"] - stated) <= 0.10 * stated, (
        f"{path.name}: states about {stated:.0f} minutes, but reading {got['reading']:.1f} + "
        f"exercises {got['exercises']:.1f} + logging in {got['login']:.0f} + tools "
        f"{got['tools']:.0f} = {got['total']:.1f}")


def test_optional_sections_and_going_further_do_not_count(tmp_path):
    """A lesson grows by an optional section without its stated time having to change."""
    source = NOTEBOOKS[-1]
    nb = nbformat.read(source, as_version=4)
    before = estimate(source)["reading"]
    nb.cells.insert(len(nb.cells) - 1, nbformat.v4.new_markdown_cell(
        "## 9. More to read (optional)\n\n" + "word " * 1500))
    copy = tmp_path / source.name
    nbformat.write(nb, copy)
    assert estimate(copy)["reading"] == pytest.approx(before)
    nb.cells.insert(len(nb.cells) - 1, nbformat.v4.new_markdown_cell("## 9. Core\n\n" + "word " * 150))
    nbformat.write(nb, copy)
    assert estimate(copy)["reading"] == pytest.approx(before + 1, abs=0.05)  # + the heading
