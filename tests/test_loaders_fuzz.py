"""Any bytes in a file a person edits give that loader's own error or a result, never another
exception, and never a long wait (hypothesis's ``deadline`` fails an example that is slow)."""

from __future__ import annotations

import itertools
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from primary_source import paths
from primary_source.exercises import validate
from primary_source.glossary import GlossaryError, load_glossary
from primary_source.metadata import MetadataError, load_metadata
from primary_source.record import DocumentFormatError, parse_record
from primary_source.responses import (
    ResponsesFileError,
    load_answers,
    read_responses,
    responses_file,
    save_answer,
)
from primary_source.rhetoric.key import validate_key
from primary_source.timeline.loading import load_eras, load_events
from primary_source.timeline.schema import TimelineFormatError

#: Generous for a file of a few kilobytes (each loader takes milliseconds); a quadratic pattern
#: or an alias bomb takes seconds and fails the example.
FUZZ = settings(deadline=timedelta(seconds=3), max_examples=100, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: Characters that mean something to YAML, CSV, JSON or the record's labels, and some that
#: are hard to encode.
SPECIAL = ':-[]{}&*!|>\'"#,%@`?\\\n\r\t .0123456789eE+aZ_\ufeff\u00e9\u0434\U0001f914\x00'


def _edit(seed: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for at, cut, insert in edits:
        at = at % (len(data) + 1)
        data[at:at + cut] = insert
    return bytes(data)


def any_bytes(seed: bytes) -> st.SearchStrategy[bytes]:
    """Bytes near a real file (a few cuts and insertions), text of special characters, or noise."""
    special = st.text(alphabet=SPECIAL, max_size=400)
    edits = st.lists(st.tuples(st.integers(0, max(len(seed), 1)), st.integers(0, 40),
                               st.one_of(st.binary(max_size=20),
                                         special.map(lambda t: t.encode("utf-8", "surrogatepass")))),
                     min_size=1, max_size=5)
    return st.one_of(edits.map(lambda e: _edit(seed, e)),
                     special.map(lambda t: t.encode("utf-8", "surrogatepass")),
                     st.binary(max_size=600))


_names = itertools.count()


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def written(folder: Path, data: bytes, suffix: str) -> Path:
    """A new file for each example (loaders that cache by path and time never see a stale one)."""
    path = folder / f"f{next(_names)}{suffix}"
    path.write_bytes(data)
    return path


@FUZZ
@given(any_bytes(paths.document_path().read_bytes()))
def test_any_record_file(data):
    try:
        parse_record(data, path="record.txt")
    except DocumentFormatError:
        pass


#: Loaders of a file a person edits: the real file the examples start from (its first bytes),
#: how to load a file, and the loader's own error.
LOADERS = {
    "metadata": (paths.metadata_path, None, lambda p: load_metadata(path=p), MetadataError, ".yaml"),
    "timeline": (paths.timeline_path, 3000, load_events, TimelineFormatError, ".csv"),
    "eras": (paths.eras_path, None, load_eras, TimelineFormatError, ".csv"),
    "glossary": (paths.glossary_path, 3000, load_glossary, GlossaryError, ".csv"),
}


@pytest.mark.parametrize("kind", list(LOADERS))
@FUZZ
@given(data=st.data())
def test_any_file_gives_the_loaders_own_error_or_a_result(folder, kind, data):
    where, head, load, error, suffix = LOADERS[kind]
    example = data.draw(any_bytes(where().read_bytes()[:head]))
    try:
        load(written(folder, example, suffix))
    except error:
        pass


@FUZZ
@given(data=any_bytes(paths.rhetoric_path().read_bytes()[:4000]))
def test_any_rhetoric_key_gives_problems_not_an_exception(folder, data):
    problems, key = validate_key(written(folder, data, ".yaml"))
    assert (key is None) == bool(problems)


@FUZZ
@given(data=any_bytes(paths.exercise_path("00_start_here").read_bytes()))
def test_any_exercise_file_gives_problems_not_an_exception(folder, data):
    path = written(folder, data, ".yaml")
    assert all(p.file == str(path) for p in validate([path]))


@FUZZ
@given(data=any_bytes((paths.examples_dir() / "responses" / "Ana.json").read_bytes()))
def test_any_answers_file_is_read_or_moved_aside_and_saving_goes_on(data):
    path = responses_file("fuzz")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        read_responses(path)
    except ResponsesFileError:
        pass
    assert isinstance(load_answers("fuzz"), dict)
    assert save_answer("fuzz-q", "still saved", learner="fuzz").entry["answer"] == "still saved"
    for left in path.parent.glob("fuzz*"):
        left.unlink()
