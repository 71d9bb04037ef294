"""axe-core finds no serious or critical accessibility problem in any lesson's outputs.

The check covers what the lessons put on the page (our HTML and widgets in each output area),
not JupyterLab's or Voila's own menus and panels, in JupyterLab after Run All and in Voila as a
class sees it projected. "Minor" and "moderate" findings (such as the empty corner cell pandas
puts at the top of a table's index) are not failures.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import axe_violations, open_in_voila, screenshot
from tests.conftest import NOTEBOOK_IDS, NOTEBOOK_NAMES

#: Findings inside ipywidgets' and JupyterLab's own markup, which our code cannot change.
NOT_OURS = [
    # ipywidgets 8 draws IntSlider and SelectionRangeSlider with noUiSlider, whose handles are
    # <div role="slider"> with no aria-label, and it passes no `handleAttributes` to set one.
    # Our sliders all have a visible description beside them ("Text size", "Months shown").
    ("aria-input-field-name", ".widget-slider .noUi-handle", "ipywidgets slider handle"),
    # JupyterLab gives every HTML output `overflow-x: auto` and no tabindex, so a DataFrame
    # wider than the page (03's voices table at 1280 px) scrolls with the mouse only
    # (jupyterlab/jupyterlab#8992). The table inside is pandas' and is read cell by cell.
    ("scrollable-region-focusable", ".jp-OutputArea-executeResult > .jp-RenderedHTML",
     "JupyterLab output container"),
]


@pytest.mark.parametrize("notebook", NOTEBOOK_NAMES, ids=NOTEBOOK_IDS)
def test_axe_finds_no_serious_problem_in_a_lessons_outputs_in_jupyterlab(lesson, notebook):
    page = lesson(notebook)
    found = axe_violations(page, allowed=NOT_OURS)
    screenshot(page, notebook.replace(".ipynb", "_axe.png"))
    assert found == [], json.dumps(found, indent=1)


@pytest.mark.parametrize("notebook", NOTEBOOK_NAMES, ids=NOTEBOOK_IDS)
def test_axe_finds_no_serious_problem_in_a_lessons_outputs_in_voila(voila, page, notebook):
    page = open_in_voila(page, voila, notebook)
    found = axe_violations(page, include="#rendered_cells .jp-OutputArea",
                           allowed=NOT_OURS)
    assert found == [], json.dumps(found, indent=1)
