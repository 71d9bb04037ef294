"""Timing the lessons' widgets in process: set ``.value`` or ``.click()`` and time the handler."""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator

from tools.bench.stats import summary_ms

__all__ = ["SCENARIOS", "MEASURES", "widget_timings"]


def _cycle(values) -> Iterator:
    return itertools.cycle(list(values))


def _new_windows(months: list[str], seed: int = 1950) -> Iterator[tuple[str, str]]:
    """Windows never shown before, from one month to the whole span, in a shuffled order."""
    rng = random.Random(seed)
    pairs = sorted({tuple(sorted(rng.sample(range(len(months)), 2))) for _ in range(400)},
                   key=lambda _pair: rng.random())
    return _cycle([(months[i], months[j]) for i, j in pairs])


def _timeline_window():
    from primary_source.ui.timeline import timeline_explorer

    box = timeline_explorer()
    slider = box.explorer.slider
    windows = _new_windows([v for _, v in slider.options])

    def act():
        slider.value = next(windows)
    return act


def _timeline_toggle(toggles_of, seed: int):
    """Flip a checkbox of the explorer, each time on a window not shown before (untimed)."""
    from primary_source.ui.timeline import timeline_explorer

    box = timeline_explorer()
    slider = box.explorer.slider
    windows = _new_windows([v for _, v in slider.options], seed=seed)
    toggles = _cycle(toggles_of(box.explorer))

    def act():
        slider.value = next(windows)
        check = next(toggles)
        start = time.perf_counter()
        check.value = not check.value
        return time.perf_counter() - start
    return act


def _timeline_category():
    return _timeline_toggle(lambda explorer: explorer.categories.values(), seed=1953)


def _timeline_hindsight():
    return _timeline_toggle(lambda explorer: [explorer.hindsight], seed=1951)


def _timeline_event():
    from primary_source.ui.timeline import timeline_explorer

    box = timeline_explorer(start="1945-08", end="1953-12")
    event = box.explorer.event
    lines = _cycle([v for _, v in event.options])

    def act():
        event.value = next(lines)
    return act


def _journey_step():
    import ipywidgets as widgets

    from primary_source.ui.provenance import journey_explorer

    box = journey_explorer()
    slider = next(w for w in _walk(box) if isinstance(w, widgets.IntSlider))
    steps = _cycle(list(range(2, slider.max + 1)) + list(range(slider.max - 1, 0, -1)))

    def act():
        slider.value = next(steps)
    return act


def _word_use_top():
    from primary_source.ui.close_reading import word_use_chart

    box = word_use_chart()
    tops = _cycle([5, 12, 20, 8, 30, 3, 15, 25, 10])
    leave_out = _cycle([True] * 9 + [False] * 9)

    def act():
        box.common.value = next(leave_out)
        box.top.value = next(tops)
    return act


def _walk(box) -> Iterator:
    """Every widget inside ``box``, depth first."""
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def _keyword_search():
    from primary_source.ui.close_reading import kwic_explorer

    box = kwic_explorer()
    words = _cycle(["Korea", "interventionists", "Russians", "air force", "Kim Il Sung",
                    "success", "imperialist", "front"])

    def act():
        box.keyword.value = next(words)
    return act


def _reader_next():
    from primary_source.ui.reader import document_reader

    box = document_reader()
    choose, _previous, following = box.children[0].children

    def act():
        if following.disabled:
            choose.value = 0  # back to the first page, outside the timed click
            return False
        following.click()
        return True
    return act


def _close_reader_point():
    from primary_source.ui.close_reading import close_reader

    box = close_reader()
    points = _cycle([v for _, v in box.point.options])
    next(points)

    def act():
        box.point.value = next(points)
    return act


def _exercise_submit():
    from primary_source.ui.exercises import exercise_section

    section = exercise_section("01_provenance")
    first = section.exercises[0]
    ex = first.exercise
    answers = {"choice": ex.options, "multi": [[o] for o in ex.options],
               "text": ["Stalin wrote it.", "Shtykov passed it on."],
               "order": [ex.items, ex.items[::-1]], "match": [dict(ex.pairs)],
               "tag": [ex.device]}
    choices = _cycle(answers[ex.type])

    def act():
        first.value = next(choices)
        first.submit.click()
    return act


def _citation_decoder():
    from primary_source.ui.provenance import citation_decoder

    box = citation_decoder()
    dropdown = box.children[1]
    parts = _cycle([v for _, v in dropdown.options])
    next(parts), next(parts)

    def act():
        dropdown.value = next(parts)
    return act


def _tagging_compare():
    from primary_source.ui.rhetoric import tagging_exercise

    box = tagging_exercise()
    sentences = [v for _, v in box.sentence.options if v]
    devices = [v for _, v in box.device.options if v]
    pairs = _cycle(zip(itertools.islice(itertools.cycle(sentences), 60),
                       itertools.islice(itertools.cycle(devices), 60), strict=True))

    def act():
        sentence, device = next(pairs)
        box.sentence.value, box.device.value = sentence, device
        start = time.perf_counter()
        box.compare_button.click()
        return time.perf_counter() - start
    return act


#: name -> builder of a zero-argument interaction. An interaction returns None (time all of
#: it), False (setup only: not timed) or a float (the seconds of the part it timed itself).
SCENARIOS: dict[str, Callable[[], Callable[[], object]]] = {
    "timeline window": _timeline_window,
    "timeline category": _timeline_category,
    "timeline hindsight": _timeline_hindsight,
    "timeline event": _timeline_event,
    "keyword search": _keyword_search,
    "reader next page": _reader_next,
    "close reader point": _close_reader_point,
    "exercise submit": _exercise_submit,
    "citation decoder": _citation_decoder,
    "tagging compare": _tagging_compare,
    "journey step": _journey_step,
    "word use chart": _word_use_top,
}


#: What each scenario times, written into the results.
MEASURES = {
    "timeline window": "the month range set to a window not shown before (chart redrawn)",
    "timeline category": "a category ticked or unticked, on a window not shown before",
    "timeline hindsight": "the hindsight switch flipped, on a window not shown before",
    "timeline event": "another event chosen in the whole-war window (chart redrawn)",
    "keyword search": "a new keyword typed into the keyword-in-context explorer",
    "reader next page": "the document reader's Next button",
    "close reader point": "another point chosen in the close reader",
    "exercise submit": "the first exercise of 01_provenance answered and submitted (saved)",
    "citation decoder": "another part of the citation chosen",
    "tagging compare": "Compare with the key, after choosing a sentence and a device",
    "journey step": "another step of the telegram's journey (diagram redrawn)",
    "word use chart": "the number of words or the common-words switch changed (chart redrawn)",
}


def widget_timings(interactions: int = 60, only=None) -> dict[str, dict]:
    """``median_ms``, ``p95_ms``, ``max_ms``, ``n`` and ``build_ms`` for each scenario.

    Every scenario builds its widget once (``build_ms``), then runs ``interactions`` timed
    interactions. Run with matplotlib's Agg backend and answers saved to a temporary folder.
    """

    results = {}
    for name, build in SCENARIOS.items():
        if only is not None and name not in only:
            continue
        start = time.perf_counter()
        act = build()
        build_s = time.perf_counter() - start
        seconds: list[float] = []
        while len(seconds) < interactions:
            start = time.perf_counter()
            done = act()
            elapsed = time.perf_counter() - start
            if done is False:
                continue
            seconds.append(done if isinstance(done, float) else elapsed)
        results[name] = {**summary_ms(seconds), "build_ms": round(build_s * 1000, 1),
                         "measures": MEASURES[name]}
    return results
