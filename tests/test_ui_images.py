"""Charts reach the page as images with alternative text, and a failed chart says so."""

from __future__ import annotations

import pytest

from primary_source.ui.images import chart_view, img_html, show_image

PNG = b"\x89PNG\r\n\x1a\n fake"


def test_a_chart_is_an_image_named_by_its_alternative_text():
    view = chart_view()
    show_image(view, lambda: PNG, 'Timeline <chart> of "1950"')
    assert view.value == img_html(PNG, 'Timeline <chart> of "1950"')
    assert 'alt="Timeline &lt;chart&gt; of &quot;1950&quot;"' in view.value
    assert "ps-chart" in view._dom_classes


def test_a_chart_that_cannot_be_drawn_says_so_in_its_place_and_raises():
    view = chart_view()
    show_image(view, lambda: PNG, "An old chart")

    def broken() -> bytes:
        raise ValueError("no events between <1960> and 1950")

    with pytest.raises(ValueError):
        show_image(view, broken, "A new chart")
    assert "could not be drawn" in view.value and "An old chart" not in view.value
    assert "&lt;1960&gt;" in view.value and "<1960>" not in view.value
