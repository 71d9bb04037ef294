"""The basic document reader: paragraph by paragraph, larger text, editor's brackets on or off."""

from __future__ import annotations

import ipywidgets as w

from primary_source.reading import paragraph_html, paragraph_label
from primary_source.record import Document, load_document

__all__ = ["document_reader"]


def document_reader(doc: Document | None = None) -> w.VBox:
    """A reader for the document's body, one paragraph at a time.

    Controls: a "Paragraph" list with Previous/Next buttons, a "Show editor's brackets"
    checkbox, and a "Text size" slider; all work from the keyboard.
    """
    doc = doc or load_document()
    paragraphs = doc.paragraphs
    choose = w.Dropdown(options=[(paragraph_label(doc, i), i) for i in range(len(paragraphs))],
                        value=0, description="Paragraph", layout=w.Layout(width="28em"))
    previous = w.Button(description="Previous", icon="arrow-left", tooltip="Previous paragraph")
    following = w.Button(description="Next", icon="arrow-right", tooltip="Next paragraph")
    brackets = w.Checkbox(value=True, description="Show editor's brackets", indent=False)
    size = w.IntSlider(value=16, min=12, max=30, step=2, description="Text size")
    caption = w.HTML()
    page = w.HTML()
    page.add_class("ps-reader-page")
    caption.add_class("ps-reader-caption")

    def show(_=None):
        i = choose.value
        page.value = paragraph_html(paragraphs[i].text, brackets=brackets.value, size=size.value)
        shown = "shown" if brackets.value else "hidden"
        caption.value = (f"<em>Paragraph {i + 1} of {len(paragraphs)}; "
                         f"editor's brackets {shown}; text size {size.value}px</em>")
        previous.disabled = i == 0
        following.disabled = i == len(paragraphs) - 1

    def step(delta):
        def go(_):
            choose.value = min(max(choose.value + delta, 0), len(paragraphs) - 1)
        return go

    previous.on_click(step(-1))
    following.on_click(step(+1))
    for control in (choose, brackets, size):
        control.observe(show, names="value")
    show()
    return w.VBox([w.HBox([choose, previous, following]), w.HBox([brackets, size]), page, caption])
