"""The instructor's guide and the deployment notes exist, and every command and id they cite is real."""

from __future__ import annotations

import re
import shlex

import pytest

from primary_source import paths
from primary_source.cli import _parser
from primary_source.exercises import load_bank
from tests.conftest import NOTEBOOKS

ROOT = paths.project_root()
DOCS = {name: ROOT / "docs" / name for name in ("INSTRUCTOR.md", "DEPLOY.md")}


def _code_spans(text: str) -> list[str]:
    """Inline `code` and every line of ``` fenced blocks."""
    spans = []
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)
    for block in fenced:
        spans += [line.strip() for line in block.splitlines() if line.strip()]
    outside = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.S | re.M)
    spans += [s.strip() for s in re.findall(r"`([^`\n]+)`", outside)]
    return spans


def _commands(text: str, program: str) -> list[list[str]]:
    """Each command shown in code that runs ``program`` (also as ``.venv/bin/program``)."""
    found = []
    for span in _code_spans(text):
        span = span.split("#", 1)[0].strip()
        try:
            words = shlex.split(span)
        except ValueError:
            words = span.split()
        while words and "=" in words[0] and not words[0].startswith("-"):
            words = words[1:]  # leading VAR=value assignments
        if words and (words[0] == program or words[0].endswith(f"/bin/{program}")):
            found.append(words)
    return found


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z][\w-]*)\s*:(?!=)", text, flags=re.M)}


def _subcommands() -> set[str]:
    parser = _parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return set(action.choices)


@pytest.mark.parametrize("name", DOCS)
def test_the_guide_and_the_deploy_notes_exist_and_are_linked_to_each_other(name):
    text = DOCS[name].read_text(encoding="utf-8")
    assert text.startswith("# ") and len(text) > 3000
    other = "DEPLOY.md" if name == "INSTRUCTOR.md" else "INSTRUCTOR.md"
    assert other in text
    for word in ("TODO", "TBD", "FIXME", "Lorem ipsum"):
        assert word not in text


def test_the_guide_has_a_lesson_plan_for_every_notebook_and_the_promised_sections():
    text = DOCS["INSTRUCTOR.md"].read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert re.search(rf"^### {nb.stem[:2]} · ", text, flags=re.M), f"no plan for {nb.name}"
    for heading in ("Differentiation", "Editing the exercises", "Running an assessed session",
                    "Using another document"):
        assert re.search(rf"^## {heading}", text, flags=re.M), heading
    for misreading in ("[Stalin]", "Kim II Sung", "28/29 August", "word counts", "Inchon"):
        assert misreading in text


def test_the_deploy_notes_cover_binder_jupyterhub_and_offline_use():
    text = DOCS["DEPLOY.md"].read_text(encoding="utf-8")
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in text
    assert "/hub/user-redirect/git-pull?repo=" in text
    assert "--no-index --find-links" in text and "pip download" in text
    assert (ROOT / "binder" / "requirements.txt").read_text().count("-r ../requirements.txt") == 1


@pytest.mark.parametrize("name", DOCS)
def test_every_make_command_shown_names_a_real_target(name):
    targets = _make_targets()
    commands = _commands(DOCS[name].read_text(encoding="utf-8"), "make")
    assert commands, f"{name} shows no make command"
    for words in commands:
        named = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
        assert named, f"{' '.join(words)!r} names no target"
        for target in named:
            assert target in targets, f"{name}: `{' '.join(words)}`: no target {target!r}"


@pytest.mark.parametrize("name", DOCS)
def test_every_primary_source_command_shown_names_a_real_subcommand(name):
    subcommands = _subcommands()
    commands = _commands(DOCS[name].read_text(encoding="utf-8"), "primary-source")
    assert commands, f"{name} shows no primary-source command"
    for words in commands:
        assert len(words) > 1 and words[1] in subcommands, \
            f"{name}: `{' '.join(words)}` is not one of {sorted(subcommands)}"
        if words[1] in ("grade", "summarize") and len(words) > 2:
            _parser().parse_args(words[1:])  # the options shown parse (e.g. -o FILE)


def test_every_exercise_id_the_guide_cites_is_in_the_bank():
    bank = load_bank()
    ids = {ex.id for ex in bank}
    prefixes = {i.split("-", 1)[0] for i in ids}
    text = DOCS["INSTRUCTOR.md"].read_text(encoding="utf-8")
    cited = {s for s in _code_spans(text)
             if re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)+", s) and s.split("-", 1)[0] in prefixes}
    assert len(cited) >= 40, "the answer keys cite the exercises by id"
    assert not cited - ids, f"ids not in the bank: {sorted(cited - ids)}"
    missing = {ex.id for ex in bank if ex.notebook != "05_synthesis"} - cited
    assert not missing, f"exercises without an answer-key entry: {sorted(missing)}"


def test_the_check_messages_quoted_in_the_guide_are_what_the_check_prints(tmp_path, capsys):
    """The guide shows `primary-source check` on a broken copy: the same lines come out today."""
    from primary_source.cli import main

    broken = tmp_path / "broken"
    broken.mkdir()
    for name, old, new in (("01_provenance.yaml", "    answer: Stalin\n", "    answer: Lenin\n"),
                           ("01_provenance.yaml", "    type: multi\n", "    type: multiple\n"),
                           ("04_rhetoric.yaml", "quote: Korea is not alone now",
                            "quote: Korea is never alone"),
                           ("04_rhetoric.yaml", "device: historical analogy",
                            "device: historic analogy")):
        target = broken / name
        text = (target if target.exists() else paths.exercises_dir() / name).read_text("utf-8")
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["check", str(broken)]) == 1
    printed = capsys.readouterr().out.replace(str(broken), "broken")
    guide = DOCS["INSTRUCTOR.md"].read_text(encoding="utf-8")
    for line in printed.splitlines():
        assert line in guide, f"the guide does not show: {line}"
