"""The attacks a curious student or a careless teacher makes on the assessed copy, each refused."""

from __future__ import annotations

import shutil

import pytest
import yaml

from primary_source import paths
from primary_source.cli import main
from primary_source.exercises import ASSESSED_FEEDBACK, is_assessed, load_bank, strip_answers
from primary_source.exercises.model import canonical, same_key
from primary_source.rhetoric import load_key
from primary_source.ui.rhetoric import tagging_exercise


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    out = tmp_path_factory.mktemp("student") / "copy"
    assert main(["student-build", str(out)]) == 0
    return out


@pytest.fixture
def teacher_data(tmp_path, monkeypatch):
    """A teacher's own data folder (a copy of the shipped one) that the lessons read."""
    data = tmp_path / "teacher" / "data"
    shutil.copytree(paths.data_dir(), data)
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    return data


def _copied_exercises(copy):
    out = {}
    for f in (copy / "data" / "exercises").glob("*.yaml"):
        for ex in yaml.safe_load(f.read_text(encoding="utf-8"))["exercises"]:
            out[ex["id"]] = ex
    return out


def test_the_copy_shows_every_list_in_sorted_order_so_no_shuffle_can_be_run_backwards(copy):
    shown = _copied_exercises(copy)
    for ex in load_bank():
        copied = shown[ex.id]
        if ex.type == "order":
            assert copied["items"] == canonical(ex.items), ex.id
        elif ex.type == "match":
            assert copied["right"] == canonical(list(dict.fromkeys(ex.right))), ex.id
        elif ex.type in ("choice", "multi"):
            assert copied["options"] == canonical(ex.options), ex.id


def test_the_copy_is_the_same_whatever_the_key(copy):
    """Today's copy shuffles the key by the exercise id: running it backwards gives the key."""
    for f in paths.exercises_dir().glob("*.yaml"):
        for ex in yaml.safe_load(f.read_text(encoding="utf-8"))["exercises"]:
            if ex["type"] not in ("order", "match"):
                continue
            name = "items" if ex["type"] == "order" else "pairs"
            other = dict(ex, **{name: list(reversed(ex[name]))})
            if ex["type"] == "match":  # the same left items, the right ones swapped around
                rights = [p[1] for p in ex["pairs"]][::-1]
                other["pairs"] = [[p[0], r] for p, r in zip(ex["pairs"], rights, strict=True)]
            one = strip_answers({"exercises": [ex]})["exercises"][0]
            two = strip_answers({"exercises": [other]})["exercises"][0]
            if ex["type"] == "order":
                assert one == two, ex["id"]
            else:
                assert one["right"] == two["right"], ex["id"]


def test_the_rhetoric_notes_in_the_copy_give_no_exercise_away(copy):
    kept = yaml.safe_load((copy / "data" / "rhetoric.yaml").read_text(encoding="utf-8"))
    notes = kept.get("annotations") or []
    ids = {a["id"] for a in notes}
    assert not ids & {"sweeping-most-popular", "analogy-1919-intervention", "enemy-war-against",
                      "enemy-driven-out"}
    for note in notes:
        text = same_key(f"{note['quote']} {note['explanation']}")
        for ex in load_bank():
            asked = same_key(" ".join([ex.prompt, *ex.options, ex.quote or ""]))
            assert same_key(note["quote"]) not in asked, (note["id"], ex.id)
            for key in [ex.answer, *ex.answers, ex.device]:
                if key and len(key) >= 8:
                    assert same_key(key) not in text, (note["id"], ex.id)


def test_stray_files_are_not_copied_and_are_reported(teacher_data, tmp_path, capsys):
    bank = teacher_data / "exercises"
    strays = {
        bank / "01_provenance.yaml~": "backup",
        bank / "01_provenance.yaml.bak": "backup",
        bank / ".01_provenance.yaml.swp": "backup",
        bank / "03_content.YAML": "not an exercise file",
        bank / "old" / "01_provenance.yaml": "folder",
        teacher_data / "rhetoric.yaml~": "backup",
    }
    for path in strays:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes((bank / "01_provenance.yaml").read_bytes())
    out = tmp_path / "copy"
    assert main(["student-build", str(out)]) == 0
    err = capsys.readouterr().err
    for path, why in strays.items():
        inside = out / "data" / path.relative_to(teacher_data)
        assert not inside.exists(), inside
        shown = path.name if path.parent.name != "old" else "old"
        assert shown in err and why in err, (shown, err)
    assert "answer:" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                    for p in (out / "data").rglob("*") if p.is_file()
                                    and "exercises" in p.parts)


@pytest.mark.parametrize("broken, line", [
    ("title: x\nexercises:\n\t- id: q\n", 3),
    ("exercises: !!python/object/apply:os.system ['true']\n", 1),
    ("- id: q\n  type: choice\n", 1),
    (b"title: caf\xe9\nexercises: []\n", 1),
])
def test_a_broken_bank_builds_nothing_and_names_the_teachers_file(teacher_data, tmp_path,
                                                                  capsys, broken, line):
    target = teacher_data / "exercises" / "01_provenance.yaml"
    if isinstance(broken, bytes):
        target.write_bytes(broken)
    else:
        target.write_text(broken, encoding="utf-8")
    out = tmp_path / "build" / "copy"
    assert main(["student-build", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"01_provenance.yaml:{line}:" in err, err
    assert str(out) not in err  # the teacher's file is named, not the copy's
    assert not (tmp_path / "build").exists()  # checked first: nothing was written


def test_a_failure_half_way_leaves_nothing_behind(tmp_path, monkeypatch):
    import primary_source.student_build as student_build

    def fails(_data):
        raise OSError("disk full")

    monkeypatch.setattr(student_build, "strip_answers", fails)  # half way: files already copied
    out = tmp_path / "build" / "copy"
    assert main(["student-build", str(out)]) == 2
    assert not out.exists() and list((tmp_path / "build").iterdir()) == []


def test_the_tagging_exercise_in_the_copy_leaves_feedback_to_the_teacher(copy, monkeypatch,
                                                                         answers):
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(copy / "data"))
    assert is_assessed("04_rhetoric")
    box = tagging_exercise(load_key(), learner="Ana")
    assert box.compare_button.description == "Save my tag"
    box.sentence.value = box.sentence.options[1][1]
    box.device.value = box.device.options[1][1]
    box.compare_button.click()
    assert ASSESSED_FEEDBACK in box.panel.value
    assert "key" not in box.panel.value.lower() and "Agreement" not in box.agreement.value
    box.show_tags.click()
    assert "The key" not in box.tags_table.value and "Your tag" in box.tags_table.value
