"""The timeline explorer: a month range, categories, the hindsight switch and event details."""

from __future__ import annotations

import html
from types import SimpleNamespace

import ipywidgets as widgets
import pandas as pd

from primary_source import timeline as tl
from primary_source.timeline.layout import prepare_window
from primary_source.ui.images import chart_view, show_html
from primary_source.ui.text_size import TextSize, large_print_switch, shared_text_size

__all__ = ["timeline_explorer", "timeline_chart", "details_html", "description_html",
           "month_options"]


def month_options(first: str = "1945-08", last: str = "1953-12") -> list[tuple[str, str]]:
    """``(label, value)`` pairs for every month from ``first`` to ``last``.

    >>> month_options("1950-01", "1950-02")
    [('Jan 1950', '1950-01'), ('Feb 1950', '1950-02')]
    """
    months = pd.period_range(first, last, freq="M")
    return [(f"{m.strftime('%b')} {m.year}", m.strftime("%Y-%m")) for m in months]


def _month_value(value, options) -> str:
    text = pd.Timestamp(tl.window_bounds(value, value)[0]).strftime("%Y-%m")
    values = [v for _, v in options]
    if text in values:
        return text
    return values[0] if text < values[0] else values[-1]


def details_html(row) -> str:
    """The details panel for one event (a row of ``load_events()``), all text escaped."""
    if row is None:
        return "<p><em>No event in this window.</em></p>"
    when = tl.format_span(row["start"], row["end"], row["precision"])
    precision = {"day": "known to the day", "month": "known to the month",
                 "year": "known to the year"}[row["precision"]]
    parts = [
        f"<h4 style='margin:0.3em 0'>{html.escape(row['title'])}</h4>",
        f"<p><b>Date:</b> {html.escape(when)} ({precision}) &nbsp; "
        f"<b>Category:</b> {html.escape(row['category'])}</p>",
        f"<p>{html.escape(row['description'])}</p>",
        f"<p><b>Source:</b> {html.escape(row['source'])}</p>",
    ]
    if row["note"]:
        parts.append(f"<p><b>Note on the date:</b> {html.escape(row['note'])}</p>")
    return "<div class='timeline-details'>" + "".join(parts) + "</div>"


def description_html(text: str) -> str:
    """``describe()`` output as an escaped, collapsible HTML block (a list for the events)."""
    head, items = [], []
    for line in text.splitlines():
        (items if line.startswith("- ") else head).append(line)
    body = "".join(f"<p>{html.escape(line)}</p>" for line in head)
    if items:
        body += "<ul>" + "".join(f"<li>{html.escape(i[2:])}</li>" for i in items) + "</ul>"
    return ("<details class='timeline-description'><summary>Text description of the chart "
            "(for screen readers)</summary>" + body + "</details>")


def timeline_explorer(events: pd.DataFrame | None = None, start: str = tl.DEFAULT_START,
                      end: str = tl.DEFAULT_END, categories=None, hindsight: bool = False,
                      first: str = "1945-08", last: str = "1953-12",
                      text_size: TextSize | None = None) -> widgets.VBox:
    """An explorer of the timeline: months, categories, hindsight, and the details of an event.

    The chart is redrawn as inline SVG (:func:`primary_source.timeline.timeline_html`, a few
    milliseconds) that fills the width of the page, with labels that grow with the page's zoom
    and with the "Large print" switch (the kernel's shared text size, also the close reader's,
    unless ``text_size`` is given); below it a caption names the current state
    (``Showing 23 events, Jan 1950 – Jul 1951, categories: ...``) and a text description gives
    the same window for screen readers. The returned box carries its controls in
    ``box.explorer`` (``slider``, ``categories``, ``hindsight``, ``event``, ``details``,
    ``caption``, ``text``, ``out``, ``large``, ``state``) for tests and for teachers' own cells.
    """
    events = tl.load_events() if events is None else events
    options = month_options(first, last)
    selected = set(tl.CATEGORIES if categories is None else categories)

    slider = widgets.SelectionRangeSlider(
        options=options, value=(_month_value(start, options), _month_value(end, options)),
        description="Months shown", continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))
    boxes = {c: widgets.Checkbox(value=c in selected, description=c, indent=False,
                                 layout=widgets.Layout(width="auto"))
             for c in tl.CATEGORIES}
    hindsight_box = widgets.Checkbox(value=bool(hindsight), indent=False,
                                     description="Only what was known by "
                                     + tl.format_date(tl.document_date(), "day"),
                                     layout=widgets.Layout(width="auto"))
    event = widgets.Dropdown(description="Event", options=[], style={"description_width":
                                                                    "initial"},
                             layout=widgets.Layout(width="95%"))
    details = widgets.HTML()
    size = text_size or shared_text_size()
    large = large_print_switch(size)
    out = chart_view(min_height="300px")
    caption = widgets.HTML()
    text = widgets.HTML()
    state = {"draws": 0, "svg": "", "busy": False, "caption": "", "description": ""}

    def current():
        lo, hi = slider.value
        cats = [c for c in tl.CATEGORIES if boxes[c].value]
        limit = tl.document_date() if hindsight_box.value else None
        return lo, hi, cats, limit

    def window():
        """The events of the current window, chosen once per window (an event chosen, or the
        text size changed, keeps it)."""
        lo, hi, cats, limit = current()
        key = (lo, hi, tuple(cats), limit)
        if state.get("window_key") != key:
            state["window"] = prepare_window(events, lo, hi, cats, limit)
            state["window_key"] = key
        return state["window"]

    def shown_events():
        return window().shown

    def selected_row():
        if event.value is None:
            return None
        match = events[events["line"] == event.value]
        return None if match.empty else match.iloc[0]

    def draw():
        row = selected_row()
        title = None if row is None else row["title"]

        def svg_for_state() -> str:
            state["svg"] = tl.timeline_html(highlight=title, scale=size.chart_scale(),
                                            alt=f"Timeline chart. {state['caption']}",
                                            window=window())
            state["draws"] += 1
            return state["svg"]

        show_html(out, svg_for_state)

    def compute_text():
        lo, hi, cats, limit = current()
        shown = window().shown  # the window's events: the same text, no second search
        state["caption"] = tl.caption(shown, lo, hi, cats, hindsight_date=limit)
        state["description"] = tl.describe(shown, lo, hi, cats, hindsight_date=limit)

    def refresh_text():
        """Publish caption, description and details; called after the chart is drawn, so a
        caption naming a state means the chart already shows it."""
        caption.value = (f"<div role='status' aria-live='polite' "
                         f"class='timeline-caption timeline-explorer-caption'>"
                         f"{html.escape(state['caption'])}</div>")
        text.value = description_html(state["description"])
        details.value = details_html(selected_row())

    def refresh_events():
        shown = shown_events()
        choices = [(f"{tl.format_date(start_, precision)} — {title}", int(line))
                   for start_, precision, title, line in zip(
                       shown["start"], shown["precision"], shown["title"], shown["line"],
                       strict=True)]
        keep = event.value if event.value in [v for _, v in choices] else None
        if keep is None and choices:
            doc = shown[tl.is_document(shown)]
            keep = int(doc.iloc[0]["line"]) if not doc.empty else choices[0][1]
        state["busy"] = True
        try:
            event.options = choices
            event.value = keep
        finally:
            state["busy"] = False

    def on_window(_change=None):
        refresh_events()
        compute_text()
        draw()
        refresh_text()

    def on_event(_change):
        if state["busy"]:
            return
        draw()
        refresh_text()

    back = widgets.Button(description="\u25c0 Year back", tooltip="Move the months shown a year "
                          "earlier", layout=widgets.Layout(width="auto"))
    forward = widgets.Button(description="Year forward \u25b6", tooltip="Move the months shown "
                             "a year later", layout=widgets.Layout(width="auto"))

    def move_year(years: int) -> None:
        lo, hi = slider.index
        step = max(-lo, min(12 * years, len(options) - 1 - hi))
        if step:
            slider.index = (lo + step, hi + step)

    back.on_click(lambda _b: move_year(-1))
    forward.on_click(lambda _b: move_year(1))
    slider.observe(on_window, names="value")
    for box in boxes.values():
        box.observe(on_window, names="value")
    hindsight_box.observe(on_window, names="value")
    event.observe(on_event, names="value")
    size.observe(on_event, names="px")
    on_window()

    intro = widgets.HTML(
        "<p>Move either end of the range (click a handle, then use the arrow keys) to choose "
        "the months, or move the whole range with <b>Year back</b> and <b>Year forward</b>; "
        "tick categories to show or hide them; switch hindsight off to grey out "
        f"everything that happened after the {tl.document_noun()}. Choose an event to read its details "
        "and source.</p>")
    cat_row = widgets.HBox([widgets.Label("Categories:"), *boxes.values()],
                           layout=widgets.Layout(flex_flow="row wrap"))
    year_row = widgets.HBox([widgets.Label("Move the months shown by a year:"), back, forward])
    box = widgets.VBox([intro, slider, year_row, cat_row, widgets.HBox([hindsight_box, large]),
                        out, caption, text, event, details])
    box.add_class("timeline-explorer")
    box.explorer = SimpleNamespace(slider=slider, categories=boxes, hindsight=hindsight_box,
                                   event=event, details=details, caption=caption, text=text,
                                   out=out, large=large, state=state, redraw=on_window,
                                   year_back=back, year_forward=forward)
    return box


def timeline_chart(events: pd.DataFrame | None = None, start=None, end=None, categories=None,
                   hindsight_date=None) -> widgets.VBox:
    """A fixed chart of one window, with its caption and text description beneath it.

    The chart is the inline SVG of :func:`primary_source.timeline.timeline_html` (filling the
    page's width, labels at the shared text size) with alternative text, in an ``HTML``
    widget, so it works whatever the matplotlib backend.

    >>> box = timeline_chart(start="1991-01", end="2014-12", categories=["archival"])
    >>> box.children[1].value.count("Showing")
    1
    """
    events = tl.load_events() if events is None else events
    text = tl.caption(events, start, end, categories, hindsight_date=hindsight_date)
    image = chart_view()
    show_html(image, lambda: tl.timeline_html(
        events, start, end, categories, hindsight_date=hindsight_date,
        scale=shared_text_size().chart_scale(), alt=f"Timeline chart. {text}"))
    caption = widgets.HTML(f"<div class='timeline-caption'>{html.escape(text)}</div>")
    description = widgets.HTML(description_html(
        tl.describe(events, start, end, categories, hindsight_date=hindsight_date)))
    return widgets.VBox([image, caption, description])
