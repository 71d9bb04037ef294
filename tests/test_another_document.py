"""An instructor drops in another record, changes one setting, and every lesson still runs."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from primary_source import load_document, paths
from primary_source.exercises import lesson_exercises
from primary_source.notices import NEEDS_METADATA, NEEDS_RHETORIC
from tests.conftest import NOTEBOOK_IDS, NOTEBOOKS
from tests.helpers import problems, run_notebook

NEW_ID = "invented-1951-03-14"

#: An INVENTED record for tests only, in the published format of the Wilson Center Digital
#: Archive: it is not a historical document, and its archive references are made up.
INVENTED_RECORD = """\


March 14, 1951 Ciphered telegram from Filippov [Stalin] to Razuvaev (for Kim II Sung)

Citation:

"Ciphered telegram from Filippov [Stalin] to Razuvaev (for Kim II Sung)", March 14, 1951, \
Invented Archive for Tests, APRF, Fond 99, Opis 9, Delo 999, Listy 21-22; and AVPRF, \
Fond 099a, Opis 9a, Delo 9, Papka 99, Listy 40-41 https://example.org/document/000001

Summary:

An invented telegram for testing: Filippov asks the ambassador to tell Kim II Sung that \
railway repair crews and anti-aircraft batteries will be sent.

Original Language:

Russian

Contents:

Translation - English

8th Department of the General Staff of the Armed Forces of the USSR

CIPHERED TELEGRAM No. 90417 Pyongyang Soviet Ambassador.

Read the following to Kim II Sung and to no one else. Do not leave him a copy.

- 1. We have received the request of Comrade Kim II Sung about the railway bridges across the \
Chongchon river. The repair crews for the railway bridges will leave Mukden within ten days.
- 2. Two anti-aircraft divisions will cover the crossings at night. The Korean comrades must \
hide the trains by day and move them only in darkness.
- 3. Report to us every five days how the work on the bridges proceeds.

Filippov [Stalin]

14 March 1951 No. 1127/sh Copy No. 2
"""

#: Words that occur in the invented record and nowhere in the shipped lessons.
PHRASES = ("Chongchon", "railway bridges", "anti-aircraft divisions", "Invented Archive")


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that the lessons read, holding the invented record as well."""
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data, ignore=shutil.ignore_patterns("responses"))
    (data / "documents" / f"{NEW_ID}.txt").write_text(INVENTED_RECORD, encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    monkeypatch.delenv("PRIMARY_SOURCE_DOCUMENT", raising=False)
    return data


def set_lesson(data, text: str):
    (data / "lesson.yaml").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- the one setting


def test_the_shipped_setting_names_the_telegram_and_explains_itself():
    text = (paths.project_root() / "data" / "lesson.yaml").read_text(encoding="utf-8")
    assert "\ndocument: feng-xi-1950-08-28\n" in text
    assert text.startswith("#") and "docs/INSTRUCTOR.md" in text
    assert paths.document_id() == "feng-xi-1950-08-28"


def test_one_line_in_lesson_yaml_switches_every_lesson_to_the_new_record(data_copy):
    set_lesson(data_copy, f"# my class\ndocument: {NEW_ID}\n")
    assert paths.document_id() == NEW_ID
    doc = load_document()
    assert doc.date.isoformat() == "1951-03-14"
    assert "Chongchon" in doc.body


def test_the_timeline_marks_the_new_records_date_and_stops_hindsight_there(data_copy):
    from primary_source import timeline as tl
    from primary_source.ui.timeline import timeline_explorer

    assert tl.document_date().isoformat() == "1950-08-28"
    set_lesson(data_copy, f"document: {NEW_ID}\n")
    assert tl.document_date().isoformat() == "1951-03-14"
    text = tl.describe(None, "1950-06", "1951-07")
    assert "The document of 14 March 1951 falls inside this window" in text
    svg = tl.timeline_svg(tl.layout_timeline(start="1950-06", end="1951-07"))
    assert "Document, 14 March 1951" in svg and "Telegram, 28 August 1950" not in svg
    explorer = timeline_explorer().explorer
    assert explorer.hindsight.description == "Only what was known by 14 March 1951"
    explorer.hindsight.value = True
    assert "only what was known by 14 March 1951" in explorer.caption.value


def test_the_environment_variable_wins_over_lesson_yaml(data_copy, monkeypatch):
    set_lesson(data_copy, f"document: {NEW_ID}\n")
    monkeypatch.setenv("PRIMARY_SOURCE_DOCUMENT", "feng-xi-1950-08-28")
    assert paths.document_id() == "feng-xi-1950-08-28"


def test_without_lesson_yaml_the_lessons_read_the_telegram(data_copy):
    (data_copy / "lesson.yaml").unlink()
    assert paths.document_id() == paths.DEFAULT_DOCUMENT_ID


def test_a_record_that_does_not_exist_is_named_with_file_and_line(data_copy):
    set_lesson(data_copy, "# comment\n\ndocument: kim-to-stalin-1951\n")
    with pytest.raises(paths.LessonSettingsError) as err:
        paths.document_id()
    message = str(err.value)
    assert err.value.line == 3 and err.value.field == "document"
    assert "lesson.yaml:3: document: " in message
    assert "kim-to-stalin-1951.txt" in message and NEW_ID in message  # lists what is there


def test_malformed_yaml_is_named_with_file_and_line(data_copy):
    set_lesson(data_copy, "document: feng-xi-1950-08-28\nexercises: [unclosed\n")
    with pytest.raises(paths.LessonSettingsError) as err:
        paths.document_id()
    assert str(data_copy / "lesson.yaml") in str(err.value)
    assert "not valid YAML" in str(err.value) and err.value.line >= 2


def test_a_misspelt_setting_gets_a_suggestion(data_copy):
    set_lesson(data_copy, "\ndocumnet: feng-xi-1950-08-28\n")
    with pytest.raises(paths.LessonSettingsError) as err:
        paths.document_id()
    assert err.value.line == 2 and "did you mean 'document'" in str(err.value)


def test_primary_source_check_reports_a_broken_setting(data_copy, capsys):
    from primary_source.cli import main

    set_lesson(data_copy, "document: no-such-record\n")
    assert main(["check"]) == 1
    assert "lesson.yaml:1: document: there is no record 'no-such-record'" in (
        capsys.readouterr().out)


def test_an_exercise_folder_for_the_new_record_can_be_chosen(data_copy):
    folder = data_copy / "exercises-1951"
    folder.mkdir()
    (folder / "04_rhetoric.yaml").write_text(
        "title: Rhetoric of the March 1951 telegram\n"
        "exercises:\n"
        "  - id: r51-tag\n"
        "    section: tagging\n"
        "    type: tag\n"
        "    prompt: Which device does this order use?\n"
        "    quote: Do not leave him a copy.\n"
        "    device: secrecy and deniability\n", encoding="utf-8")
    set_lesson(data_copy, f"document: {NEW_ID}\nexercises: exercises-1951\n")
    assert paths.exercises_dir() == folder
    shown, skipped = lesson_exercises("04_rhetoric", "tagging")
    assert [e.id for e in shown] == ["r51-tag"] and skipped == []


def test_an_exercise_folder_outside_the_data_folder_is_refused(data_copy):
    set_lesson(data_copy, "exercises: ../elsewhere\n")
    with pytest.raises(paths.LessonSettingsError, match="inside the data folder"):
        paths.exercises_dir()


# --------------------------------------------------------------------------- degrading gently


def test_tag_exercises_quoting_the_telegram_are_left_out_with_a_note(data_copy):
    from primary_source.ui.exercises import exercise_section

    set_lesson(data_copy, f"document: {NEW_ID}\n")
    shown, skipped = lesson_exercises("04_rhetoric")
    assert skipped and all(p.field == "quote" for p in skipped)
    assert all(e.type != "tag" for e in shown) and shown  # the other exercises still show
    box = exercise_section("04_rhetoric", "tagging")
    assert "left out" in box.warning.value and "docs/INSTRUCTOR.md" in box.warning.value


def test_tables_and_widgets_that_need_curated_metadata_say_so(data_copy):
    from primary_source.provenance import adapted_frame, people_frame, quirks_frame, related_frame
    from primary_source.ui.provenance import citation_decoder, journey_explorer

    set_lesson(data_copy, f"document: {NEW_ID}\n")
    for frame in (people_frame()[["name", "role"]], quirks_frame(), related_frame(),
                  adapted_frame(which="changes")):
        assert frame.empty and NEEDS_METADATA in frame._repr_html_()
    assert NEEDS_METADATA in journey_explorer().children[0].value
    decoder = citation_decoder()
    assert "Invented Archive for Tests" in decoder.children[0].value
    assert NEEDS_METADATA in decoder.children[-1].value


#: Facts of the shipped telegram that once were written in code; another record shows none.
TELEGRAM_FACTS = ("483/sh", "29.8.50", "28 August 1950", "28 or 29 August", "Feng Xi",
                  "Shtykov", "8th Department (cipher service)", "dvincitest")

#: INVENTED curated metadata for the invented record (tests only), with a date puzzle of its own.
INVENTED_METADATA = """\
id: invented-1951-03-14
stable_url: https://example.org/document/000001
sources:
  invented: An invented source for tests.
names:
  short: the invented telegram of 14 March 1951
  long: An invented telegram of 14 March 1951 from Filippov to Razuvaev
  source: invented
date_puzzle:
  step: arrived
  heading: 14 or 15 March?
  summary: The footer says 14 March; an invented reply says the 15th.
  pointer: see the note on 14 and 15 March
  registered: The date in the title is the invented footer's date.
  not_when_heard: It is not the day the ambassador read it.
  source: invented
people:
  - {id: filippov, name: Filippov, short_name: Filippov (invented), role: author,
     description: An invented author., source: invented}
  - {id: razuvaev, name: Razuvaev, role: intermediary, description: An invented envoy.,
     source: invented}
chain:
  - {id: written, step: Written, date: "1951-03-14", precision: day, actor: filippov,
     means: draft, description: Written., source: invented, date_puzzle: true,
     note: The invented footer's date.}
  - {id: arrived, step: Arrived, date: "1951-03-15", precision: day, actor: razuvaev,
     means: cipher telegram, description: Arrived., source: invented, date_puzzle: true,
     note: An invented explanation of two dates.}
related:
  - {id: reply, date: "1951-03-16", precision: day, title: An invented reply,
     summary: An invented reply., source: invented}
quirks:
  - {id: spelling, published: Kim II Sung, standard: Kim Il Sung, explanation: Misrendered.,
     source: invented}
insertions:
  - {id: stalin, text: Stalin, tells_us: Who Filippov is., source: invented}
adapted:
  note: An invented adaptation.
  source: invented
  paragraphs: [{number: 1, label: Point 1, text: Bridges will be repaired.}]
  changes: [{paragraph: 1, original: repair crews, adapted: workers, why: Plainer.}]
"""


def _widgets(box) -> list:
    """Every widget inside a box, the box first."""
    found, stack = [], [box]
    while stack:
        widget = stack.pop(0)
        found.append(widget)
        stack.extend(getattr(widget, "children", ()))
    return found


def _html(box) -> str:
    """The HTML every widget inside a box shows."""
    return "\n".join(str(getattr(w, "value", "")) for w in _widgets(box)
                     if type(w).__name__ == "HTML")


def test_another_record_shows_none_of_the_telegrams_facts(data_copy, tmp_path):
    from primary_source.chainchart import chain_svg
    from primary_source.export import portfolio_html
    from primary_source.journey import describe_chain
    from primary_source.ui.provenance import citation_decoder, journey_explorer

    (data_copy / "documents" / f"{NEW_ID}.yaml").write_text(INVENTED_METADATA, encoding="utf-8")
    set_lesson(data_copy, f"document: {NEW_ID}\n")
    # the portfolio's heading (its lesson titles come from the shared exercise bank)
    seen = [describe_chain(), chain_svg(), portfolio_html("Ada", answers={}).split("<nav")[0]]
    journey = journey_explorer()
    slider = next(w for w in _widgets(journey) if getattr(w, "description", "") == "Step")
    for step in (2, 1):
        slider.value = step
        seen.append(_html(journey))
    decoder = citation_decoder()
    dropdown = next(w for w in _widgets(decoder)
                    if getattr(w, "description", "") == "Part of the citation")
    for _label, value in dropdown.options:
        dropdown.value = value
        seen.append(_html(decoder))
    text = "\n".join(seen)
    assert "14 or 15 March?" in text and "the invented telegram of 14 March 1951" in text
    assert "Filippov (invented)" in text and "An invented telegram of 14 March 1951" in text
    for fact in TELEGRAM_FACTS:
        assert fact not in text, f"another record shows the telegram's {fact!r}"


def test_the_rhetoric_lesson_keeps_its_catalogue_and_says_what_is_missing(data_copy):
    from primary_source.rhetoric import devices_by_point, load_key
    from primary_source.ui.rhetoric import annotated_text, device_catalogue, tagging_exercise

    set_lesson(data_copy, f"document: {NEW_ID}\n")
    key = load_key()
    assert not key.fits_document and key.annotations == [] and key.device_names
    assert NEEDS_RHETORIC in devices_by_point()._repr_html_()
    marked = annotated_text()
    assert NEEDS_RHETORIC in marked.children[0].value and "Chongchon" in marked.view.value
    assert NEEDS_RHETORIC in device_catalogue().children[0].value
    tagging = tagging_exercise(save=False)
    assert any("anti-aircraft divisions" in label for label, _ in tagging.sentence.options)


# --------------------------------------------------------------------------- every lesson runs


def _texts(nb) -> str:
    """Everything a learner sees: cell outputs and the state of every widget."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(json.dumps(out.get("data", {})))
            parts.append(out.get("text", ""))
    parts.append(json.dumps(nb.metadata.get("widgets", {})))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_every_lesson_runs_headless_on_the_new_record(path, data_copy, tmp_path, monkeypatch):
    """The kernel inherits PRIMARY_SOURCE_DATA and PRIMARY_SOURCE_DOCUMENT from this process."""
    monkeypatch.setenv("PRIMARY_SOURCE_DOCUMENT", NEW_ID)
    nb = nbformat.read(path, as_version=4)
    run_notebook(nb, tmp_path, timeout=240)
    found = problems(nb)
    assert not found, f"{path.name}: " + "\n".join(found)
    if path.stem != "02_context_timeline":  # the timeline lesson shows events, not the text
        seen = _texts(nb)
        assert any(phrase in seen for phrase in PHRASES), \
            f"{path.name} does not show the new record's text"


def test_the_student_copy_strips_the_answers_from_every_exercise_folder(data_copy, tmp_path,
                                                                        monkeypatch):
    from primary_source.cli import student_build

    folder = data_copy / "exercises-1951"
    shutil.copytree(data_copy / "exercises", folder)
    set_lesson(data_copy, "exercises: exercises-1951\n")
    monkeypatch.setattr(paths, "project_root", lambda: data_copy.parent)
    out = student_build(tmp_path / "student")
    for name in ("exercises", "exercises-1951"):
        text = (out / "data" / name / "01_provenance.yaml").read_text(encoding="utf-8")
        assert "assessed: true" in text and "model_answer" not in text and "answer:" not in text
