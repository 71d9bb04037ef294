"""Charts as images with alternative text, for JupyterLab, Voila and screen readers alike."""

from __future__ import annotations

import base64
import html

__all__ = ["img_html", "png_bundle"]


def img_html(png: bytes, alt: str) -> str:
    """An ``<img>`` of the PNG bytes, with ``alt`` text (escaped) and room to shrink.

    JupyterLab draws a plain ``image/png`` output with no ``alt``, so a screen reader meets an
    unnamed picture; this tag names it.

    >>> img_html(b"\\x89PNG", 'A "chart"')[:48]
    '<img alt="A &quot;chart&quot;" style="max-width:'
    """
    data = base64.b64encode(png).decode("ascii")
    return (f'<img alt="{html.escape(alt, quote=True)}" style="max-width:100%;height:auto" '
            f'src="data:image/png;base64,{data}">')


def png_bundle(png: bytes, alt: str) -> dict[str, str]:
    """A display bundle: the image as HTML with ``alt`` first, the bare PNG and text after.

    Front ends show the richest type they can (HTML), and the PNG stays in the output for
    tools that read it. Display it with ``display(png_bundle(png, alt), raw=True)``.

    >>> sorted(png_bundle(b"\\x89PNG", "A chart"))
    ['image/png', 'text/html', 'text/plain']
    """
    return {"text/html": img_html(png, alt),
            "image/png": base64.b64encode(png).decode("ascii"),
            "text/plain": alt}
