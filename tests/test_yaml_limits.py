"""Every YAML file a teacher edits is read with bounded aliases and bounded nesting."""

from __future__ import annotations

import pytest
import yaml

from primary_source import yamlload
from primary_source.exercises import validate
from primary_source.metadata import MetadataError, load_metadata
from primary_source.rhetoric.key import validate_key

#: A "billion laughs" file: nine levels of nine aliases stand for 9**9 strings.
BOMB_LINES = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] + [
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
BOMB = "\n".join(BOMB_LINES) + "\n"
#: The line of the first alias that takes the file over the limit (9 + 81 + 729 + 6561 + ...).
BOMB_LINE = 5
DEEP = "top: " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
def test_an_alias_bomb_stops_at_the_line_where_the_alias_is_used(loader):
    if not hasattr(yaml, loader):
        pytest.skip("PyYAML was built without libyaml")
    with pytest.raises(yaml.MarkedYAMLError) as err:
        yamlload.check_limits(BOMB, getattr(yaml, loader))
    assert err.value.problem_mark.line + 1 == BOMB_LINE
    assert "*d" in str(err.value)


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
def test_deep_nesting_is_a_yaml_error_with_or_without_libyaml(loader):
    if not hasattr(yaml, loader):
        pytest.skip("PyYAML was built without libyaml")
    with pytest.raises(yaml.YAMLError):
        yamlload.check_limits(DEEP, getattr(yaml, loader))
    with pytest.raises(yaml.YAMLError):
        yamlload.check_limits(DEEP.replace("[", "- ").replace("]", ""), getattr(yaml, loader))


def test_a_few_honest_aliases_still_load():
    assert yamlload.safe_load("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_a_billion_laughs_rhetoric_key_is_a_key_problem_on_the_alias_line(tmp_path):
    path = tmp_path / "rhetoric.yaml"
    path.write_text(BOMB, encoding="utf-8")
    problems, key = validate_key(path)
    assert key is None
    assert [(p.line, p.field) for p in problems] == [(BOMB_LINE, "(syntax)")]
    assert "alias" in problems[0].message


def test_a_billion_laughs_metadata_file_is_a_metadata_error_on_the_alias_line(tmp_path):
    path = tmp_path / "meta.yaml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(MetadataError) as err:
        load_metadata(path=path)
    assert (err.value.path, err.value.line) == (str(path), BOMB_LINE)


@pytest.mark.parametrize("text", [BOMB, DEEP], ids=["alias-bomb", "deep-nesting"])
def test_an_exercise_file_with_a_bomb_or_deep_nesting_is_one_problem(tmp_path, text):
    path = tmp_path / "01_bomb.yaml"
    path.write_text(text, encoding="utf-8")
    problems = validate([path])
    assert len(problems) == 1
    assert problems[0].field == "yaml"
    if text is BOMB:
        assert problems[0].line == BOMB_LINE


def test_deep_nesting_in_metadata_is_a_metadata_error(tmp_path):
    path = tmp_path / "meta.yaml"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(MetadataError):
        load_metadata(path=path)


def test_a_billion_laughs_catalogue_leaves_a_tag_exercise_standing(tmp_path, monkeypatch, answers):
    from primary_source import paths
    from primary_source.exercises import Exercise
    from primary_source.ui.exercises import ExerciseBox

    data = tmp_path / "data"
    data.mkdir()
    (data / "documents").symlink_to(paths.data_dir() / "documents")
    (data / "rhetoric.yaml").write_text(BOMB, encoding="utf-8")
    monkeypatch.setenv("PRIMARY_SOURCE_DATA", str(data))
    box = ExerciseBox(Exercise("t1", "tag", "Which device is this?", quote="The Russians also "
                               "did not have continuous successes", device="historical analogy"))
    def shown(widget) -> str:
        own = widget.value if isinstance(getattr(widget, "value", None), str) else ""
        return own + "".join(shown(c) for c in getattr(widget, "children", ()))

    assert "The list of devices cannot be read" in shown(box)
    assert f"rhetoric.yaml:{BOMB_LINE}: " in shown(box)
