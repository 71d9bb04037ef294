"""Print-ready handouts: what a student and a teacher get on paper, for every lesson."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser

import pytest

from primary_source import paths
from primary_source.exercises import load_bank
from primary_source.handouts import find_chromium, write_handouts

BANK = load_bank()
LESSONS = sorted({ex.notebook for ex in BANK})
ADDRESS = "https://digitalarchive.wilsoncenter.org/document/110696"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "svg")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "svg")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def flat(text: str) -> str:
    """Text with every run of white space as one space (PDF lines and HTML wrap differently)."""
    return re.sub(r"\s+", " ", text).strip()


def page_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return flat(" ".join(parser.parts))


def secrets(ex) -> list[str]:
    """Text that only the teacher's key may hold: model answers, rubrics, per-option feedback."""
    found = [ex.model_answer or "", *ex.rubric, *ex.feedback.values()]
    return [flat(s) for s in found if s and len(flat(s)) > 12]


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    write_handouts(out, BANK, pdf=False)
    return out


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_lesson_has_a_student_handout_and_a_key_with_every_question(handouts, lesson):
    student = page_text((handouts / f"{lesson}.html").read_text(encoding="utf-8"))
    key = page_text((handouts / f"{lesson}-key.html").read_text(encoding="utf-8"))
    assert BANK.titles[lesson] in student and "Student handout" in student
    assert "Teacher's key" in key
    for ex in BANK.for_notebook(lesson):
        assert flat(ex.prompt) in student and flat(ex.prompt) in key, ex.id
        for option in ex.options:
            assert flat(option) in student, (ex.id, option)
    assert ADDRESS in student and ADDRESS in key


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_student_handout_never_holds_an_answer(handouts, lesson):
    page = (handouts / f"{lesson}.html").read_text(encoding="utf-8")
    text = page_text(page)
    assert 'class="answer-key"' not in page and "<script" not in page and "<input" not in page
    for label in ("Model answer", "Rubric", "Right order", "Feedback on"):
        assert label not in text
    for ex in BANK.for_notebook(lesson):
        for secret in secrets(ex):
            assert secret not in text, (ex.id, secret[:60])
        at = text.index(flat(ex.prompt))
        if ex.type == "order":  # printed in sorted order, so the place gives nothing away
            places = [text.index(flat(item), at) for item in ex.items]
            shown = [item for _, item in sorted(zip(places, ex.items, strict=True))]
            assert shown == sorted(ex.items, key=str.casefold), ex.id
        if ex.type == "match":
            rights = [b for _, b in ex.pairs]
            places = [text.index(f". {flat(r)}", at) for r in rights]
            shown = [r for _, r in sorted(zip(places, rights, strict=True))]
            assert shown == sorted(rights, key=str.casefold), ex.id


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_key_holds_the_answers_model_answers_and_rubrics(handouts, lesson):
    text = page_text((handouts / f"{lesson}-key.html").read_text(encoding="utf-8"))
    for ex in BANK.for_notebook(lesson):
        for secret in secrets(ex):
            assert secret in text, (ex.id, secret[:60])
        if ex.type == "choice":
            assert f"Answer {flat(ex.answer)}" in text
        if ex.type == "tag":
            assert f"Device {ex.device}" in text


def test_the_blind_reading_names_the_source_only_at_the_end(handouts):
    text = page_text((handouts / "00_start_here.html").read_text(encoding="utf-8"))
    first = flat(BANK.for_notebook("00_start_here")[0].prompt)
    source = text[text.index("The source, read blind"):text.index(first)]
    assert "Comrade" in source and "Stalin" not in source and "Feng Xi" not in source
    after = text.rpartition("Source ")[2]
    assert "Feng Xi" in after and ADDRESS in after


def test_the_timeline_lesson_prints_the_chart_and_its_words(handouts):
    page = (handouts / "02_context_timeline.html").read_text(encoding="utf-8")
    assert "<svg" in page and "The chart in words" in page
    assert "28 August 1950" in page_text(page) and "Inchon landing" in page_text(page)
    # the chart's words say when a date is contested; the handout prints the note and source
    from primary_source.handouts import MATERIAL
    from primary_source.timeline import window_table

    assert "Where each date comes from" in page
    rows = window_table(None, *MATERIAL["02_context_timeline"].timeline).to_dict("records")
    noted = [row for row in rows if row["Note"]]
    assert rows and noted
    for row in (rows[0], noted[0]):
        assert flat(row["Source"]) in page_text(page)
    assert flat(noted[0]["Note"]) in page_text(page)


def test_the_provenance_lesson_prints_the_journey_and_its_words(handouts):
    from primary_source.provenance import describe_chain

    page = (handouts / "01_provenance.html").read_text(encoding="utf-8")
    assert "How the telegram travelled" in page and 'class="step"' in page
    first_step = describe_chain().splitlines()[1]
    assert flat(first_step) in page_text(page)


def test_print_styles_fit_a4_and_letter_and_keep_questions_whole(handouts):
    page = (handouts / "03_content.html").read_text(encoding="utf-8")
    assert "@page {" in page and "break-inside: avoid" in page and "@page { size" not in page
    from primary_source.handouts import lesson_handout, render_handout

    for paper, size in (("a4", "A4"), ("letter", "letter")):
        printed = render_handout(lesson_handout(BANK, "03_content", key=False), paper)
        assert f"@page {{ size: {size}; }}" in printed


def test_text_from_the_bank_is_escaped_in_the_page(tmp_path):
    bank = tmp_path / "exercises"
    bank.mkdir()
    (bank / "01_provenance.yaml").write_text(
        "title: A <b>bold</b> title\nexercises:\n"
        "  - id: esc\n    type: choice\n    prompt: 'Is 1 < 2 & <script>x</script>?'\n"
        "    options: [yes, no]\n    answer: 'yes'\n", encoding="utf-8")
    write_handouts(tmp_path / "out", load_bank([bank]), pdf=False)
    page = (tmp_path / "out" / "01_provenance.html").read_text(encoding="utf-8")
    assert "<script>" not in page and html.escape("Is 1 < 2 & <script>x</script>?",
                                                  quote=False) in page


def test_an_edited_question_appears_in_the_next_handout(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    path = data / "exercises" / "03_content.yaml"
    first = BANK.for_notebook("03_content")[0]
    text = path.read_text(encoding="utf-8")
    words = first.prompt.split()[:4]
    pattern = r"\s+".join(re.escape(w) for w in words)
    edited, count = re.subn(pattern, "Reworded by the teacher: " + " ".join(words), text, count=1)
    assert count == 1
    path.write_text(edited, encoding="utf-8")
    env = {**os.environ, "PRIMARY_SOURCE_DATA": str(data)}
    run = subprocess.run([sys.executable, "-m", "primary_source.cli", "handouts",
                          str(tmp_path / "out"), "--no-pdf"], env=env, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    printed = page_text((tmp_path / "out" / "03_content.html").read_text(encoding="utf-8"))
    assert "Reworded by the teacher: " + " ".join(words) in printed


def test_a_broken_bank_gives_file_line_and_field_not_a_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    path = data / "exercises" / "01_provenance.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("answer:", "answr:", 1),
                    encoding="utf-8")
    env = {**os.environ, "PRIMARY_SOURCE_DATA": str(data)}
    run = subprocess.run([sys.executable, "-m", "primary_source.cli", "handouts",
                          str(tmp_path / "out"), "--no-pdf"], env=env, capture_output=True,
                         text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert re.search(r"01_provenance\.yaml:\d+: ", run.stderr)


needs_chromium = pytest.mark.skipif(find_chromium() is None,
                                    reason="PDFs need Debian's Chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdfs")
    write_handouts(out, BANK, pdf=True)
    return out


def squash(text: str) -> str:
    """Text without spaces or hyphens and with ligatures undone: PDF lines break anywhere."""
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return len(reader.pages), flat(" ".join(page.extract_text() or "" for page in reader.pages))


@needs_chromium
@pytest.mark.parametrize("lesson", LESSONS)
def test_the_pdfs_have_pages_the_questions_and_no_answers_for_students(pdfs, lesson):
    pages, student = pdf_text(pdfs / f"{lesson}.pdf")
    key_pages, key = pdf_text(pdfs / f"{lesson}-key.pdf")
    assert pages >= 1 and key_pages >= pages
    assert squash(BANK.titles[lesson]) in squash(student)
    for ex in BANK.for_notebook(lesson):
        assert squash(ex.prompt) in squash(student), ex.id
        for secret in secrets(ex):
            assert squash(secret) not in squash(student), (ex.id, secret[:60])
            assert squash(secret) in squash(key), (ex.id, secret[:60])
    assert "Model answer" not in student and "Rubric" not in student


@needs_chromium
def test_pdfs_are_printed_on_a4_or_us_letter_as_asked(pdfs, tmp_path):
    from pypdf import PdfReader

    a4 = PdfReader(pdfs / "01_provenance.pdf").pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    write_handouts(tmp_path, BANK, pdf=True, paper="letter", lessons=["01_provenance"])
    letter = PdfReader(tmp_path / "01_provenance.pdf").pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
