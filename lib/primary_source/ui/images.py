"""Charts as images with alternative text, for JupyterLab, Voila and screen readers alike."""

from __future__ import annotations

import base64
import html

import ipywidgets as widgets

__all__ = ["chart_view", "img_html", "show_html", "show_image"]


def img_html(png: bytes, alt: str, mime: str = "image/png") -> str:
    """An ``<img>`` of the picture's bytes (PNG, or SVG with ``mime="image/svg+xml"``), with
    ``alt`` text (escaped) and room to shrink.

    JupyterLab draws a plain ``image/png`` output with no ``alt``, so a screen reader meets an
    unnamed picture; this tag names it.

    >>> img_html(b"\\x89PNG", 'A "chart"')[:48]
    '<img alt="A &quot;chart&quot;" style="max-width:'
    """
    data = base64.b64encode(png).decode("ascii")
    return (f'<img alt="{html.escape(alt, quote=True)}" style="max-width:100%;height:auto" '
            f'src="data:{mime};base64,{data}">')


def chart_view(min_height: str = "300px"):
    """An empty HTML widget that will hold a chart image; see :func:`show_image`.

    Why not an ``Output`` widget: output captured into an ``Output`` while a cell runs is
    mirrored by the headless runner (nbclient, which Voila uses) with messages sent back to the
    kernel on the channel it is waiting on, and that can lose the cell's reply and hang the
    whole page (voila-dashboards/voila#1428). Setting one HTML value never needs that path.
    """
    view = widgets.HTML(layout=widgets.Layout(min_height=min_height))
    view.add_class("ps-chart")
    return view


def show_image(view, draw, alt: str, mime: str = "image/png") -> None:
    """Put the picture made by ``draw()`` in ``view`` with ``alt`` text.

    ``draw`` is a function returning the picture's bytes (PNG unless ``mime`` says otherwise).
    If it raises, the view says what went wrong (see :func:`show_html`).
    """
    show_html(view, lambda: img_html(draw(), alt, mime))


def show_html(view, draw) -> None:
    """Put the markup made by ``draw()`` (an inline SVG chart, say) in ``view``.

    If it raises, the view says what went wrong (escaped) instead of keeping a chart that no
    longer matches the controls, and the error is raised again so that the cell or the
    widget's log shows the traceback.
    """
    try:
        markup = draw()
    except Exception as error:  # a chart that fails must say so where the chart would be
        view.value = ('<p role="alert"><strong>The chart could not be drawn:</strong> '
                      f"{html.escape(type(error).__name__)}: {html.escape(str(error))}</p>")
        raise
    view.value = markup
