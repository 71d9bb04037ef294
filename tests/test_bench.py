"""`make bench` measures the lessons, widgets, imports, parser and chart, and says what is slow.

No test here asserts a time: the machine is shared, so only the shape of the results and the
correctness of what is timed are checked.
"""

from __future__ import annotations

import doctest
import importlib
import json

import pytest

from primary_source import parse_record
from tools.bench import records, stats, widgets
from tools.bench import run as bench
from tools.bench.drawing import generate_events
from tools.bench.notebooks import BARE_SOURCE, bare_notebook, lesson_paths


def test_every_generated_record_parses_to_what_was_generated():
    samples = records.generate_records(300)
    for sample in samples:
        doc = parse_record(sample.text)
        assert doc.date == sample.date
        assert tuple(r.archive for r in doc.archival_references) == sample.archives
        assert sum(p.number is not None for p in doc.paragraphs) == sample.points


def test_the_generated_records_vary_as_real_records_do():
    texts = [s.text for s in records.generate_records(1000)]
    assert len(set(texts)) == 1000
    assert sum("\r\n" in t for t in texts) > 100, "CRLF line ends"
    assert sum(t.startswith("\ufeff") for t in texts) > 10, "a byte-order mark"
    assert sum("ф." in t or "АПРФ" in t for t in texts) > 100, "Cyrillic archive references"
    assert sum(" ll. " in t for t in texts) > 100 and sum("Listy" in t for t in texts) > 100
    assert sum("Summary:" not in t for t in texts) > 50, "records without a summary"
    first_words = {t.lstrip("\ufeff").split()[0].rstrip(".,") for t in texts}
    assert {"August", "Aug"} & first_words and any(w[:4].isdigit() for w in first_words)


def test_the_generator_is_repeatable():
    assert records.generate_records(5, seed=7) == records.generate_records(5, seed=7)


def test_generated_events_have_the_timeline_columns():
    from primary_source.timeline import COLUMNS

    events = generate_events(40)
    assert list(events.columns) == [*COLUMNS, "line"]
    assert len(events) == 40 and events["start"].is_monotonic_increasing


def test_the_bare_notebook_only_imports_what_every_lesson_needs():
    nb = bare_notebook()
    assert [c.source for c in nb.cells] == [BARE_SOURCE]
    assert "pandas" in BARE_SOURCE and "matplotlib.pyplot" in BARE_SOURCE
    assert "ipywidgets" in BARE_SOURCE
    assert lesson_paths()[0].name == "00_start_here.ipynb"


def test_median_and_p95():
    assert stats.median([5.0, 1.0, 3.0]) == 3.0
    assert stats.p95(list(range(1, 21))) == 19
    summary = stats.summary_ms([0.001] * 19 + [0.5])
    assert summary["median_ms"] == 1.0 and summary["max_ms"] == 500.0 and summary["n"] == 20


def _fake_result(ratio=1.2, p95=40.0, imports=20.0):
    return {
        "when": "now", "quick": True, "machine": {}, "seconds": 1.0,
        "notebooks": {"01_provenance": {"lesson_s": 3.0, "bare_s": 2.0, "ratio": ratio,
                                        "problems": []}},
        "widgets": {"citation decoder": {"median_ms": 1.0, "p95_ms": p95, "build_ms": 5.0}},
        "import_overhead_ms": imports,
        "ui_import_overhead_ms": {"primary_source.ui.reader": imports},
        "parse_records_per_s": 5000.0, "timeline_draw_ms": 900.0,
        "timeline_draw": {"events": 2000, "median_ms": 900.0}, "targets": dict(bench.TARGETS),
    }


@pytest.mark.parametrize("field, value, flag", [
    ("ratio", 1.6, "notebook 01_provenance"),
    ("p95", 101.0, "widget citation decoder"),
    ("imports", 151.0, "import primary_source"),
])
def test_a_figure_over_its_target_is_flagged_slow(field, value, flag):
    fine = bench.check_targets(_fake_result())
    assert all(fine.values())
    slow = bench.check_targets(_fake_result(**{field: value}))
    assert slow[flag] is False
    result = {**_fake_result(**{field: value}), "met": slow, "all_met": False}
    table = bench.format_table(result)
    assert "SLOW" in table and f"Some targets missed: {flag}" in table


def test_main_prints_the_table_and_writes_the_json(monkeypatch, tmp_path, capsys):
    def fake_run(quick=False, notebooks=True, log=None):
        result = _fake_result()
        result["met"] = bench.check_targets(result)
        result["all_met"] = all(result["met"].values())
        result["quick"] = quick
        return result

    monkeypatch.setattr(bench, "run", fake_run)
    out = tmp_path / "build" / "bench.json"
    assert bench.main(["--quick", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "01_provenance" in printed and "citation decoder" in printed
    assert "All targets met." in printed
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["quick"] is True and saved["met"]["notebook 01_provenance"] is True


def test_a_quick_run_without_lessons_returns_every_figure(monkeypatch):
    monkeypatch.setattr(bench, "EVENTS", 60)
    monkeypatch.setattr(bench, "RECORDS", 100)
    result = bench.run(quick=True, notebooks=False)
    assert set(bench.KEYS) <= set(result)
    assert result["notebooks"] == {}
    assert set(result["widgets"]) == set(widgets.SCENARIOS)
    for name, figures in result["widgets"].items():
        assert figures["n"] >= 10, name
        assert figures["median_ms"] <= figures["p95_ms"] <= figures["max_ms"], name
    assert result["import_overhead_ms"] > 0
    assert set(result["ui_import_overhead_ms"]) >= {"primary_source.ui.timeline",
                                                   "primary_source.ui.exercises"}
    assert result["parse_records_per_s"] > 0 and result["timeline_draw_ms"] > 0
    assert set(result["targets"]) == set(bench.TARGETS)
    assert all(isinstance(flag, bool) for flag in result["met"].values())
    assert "widget timeline window" in result["met"] and "import primary_source" in result["met"]
    json.dumps(result)  # everything can be written to build/bench.json


@pytest.mark.parametrize("name", ["stats", "records", "drawing"])
def test_the_examples_in_the_benchmark_work(name):
    module = importlib.import_module(f"tools.bench.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted > 0 and result.failed == 0, f"{result.failed} examples in {name} failed"
