"""Who is learning (asked once, remembered) and a button that exports the learner's work."""

from __future__ import annotations

import html

import ipywidgets as widgets

from primary_source import paths
from primary_source.export import export_csv, export_html
from primary_source.handin import hand_in
from primary_source.palette import OKABE_ITO
from primary_source.presentation import PRESENTATION_NOTICE, presenting
from primary_source.responses import (
    DEFAULT_LEARNER,
    current_learner,
    file_stem,
    read_answers,
    responses_file,
    set_current_learner,
)
from primary_source.ui.notes import done_html, download_link, note_html, where

__all__ = ["learner_banner", "learner_box", "download_my_work", "hand_in_button"]


def learner_box() -> widgets.VBox:
    """A box for the learner's name; it is remembered, so it is asked only once.

    Answers are saved under this name in ``responses/<name>.json``. ``box.name`` is the
    ``Text``, ``box.save`` the button, ``box.status`` the message.
    """
    name = current_learner()
    text = widgets.Text(value=name, description="Your name:", placeholder="Type your name",
                        continuous_update=False, style={"description_width": "initial"})
    save = widgets.Button(description="Save name", tooltip="Remember this name for your answers")
    status = widgets.HTML()

    def show(saved_as: str, first: bool) -> None:
        if presenting():
            status.value = note_html(html.escape(PRESENTATION_NOTICE), OKABE_ITO["orange"])
            return
        place = html.escape(where(responses_file(saved_as)))
        who = html.escape(saved_as)
        if first:
            msg = (f"Your answers are saved as <b dir=\"auto\">{who}</b> in <code>{place}</code>. "
                   "Type your name and press Enter to use your own.")
        else:
            msg = (f"Hello <b dir=\"auto\">{who}</b>: your answers are saved in "
                   f"<code>{place}</code>.")
        status.value = note_html(msg, OKABE_ITO["bluish green"])

    def remember(_change=None) -> None:
        value = text.value.strip() or DEFAULT_LEARNER
        try:
            set_current_learner(value)
        except OSError as err:
            status.value = note_html(f"Your name could not be saved: {html.escape(str(err))}",
                                 OKABE_ITO["vermillion"], role="alert")
            return
        show(value, first=False)

    text.observe(remember, names="value")
    save.on_click(remember)
    show(name, first=name == DEFAULT_LEARNER)
    box = widgets.VBox([widgets.HBox([text, save]), status])
    box.name, box.save, box.status = text, save, status
    return box


def learner_banner() -> widgets.VBox:
    """The line at the top of every lesson: "Saving as NAME (not you? change it here)".

    "change it here" opens the name box (:func:`learner_box`); the line follows the new name.
    In presentation mode it says instead that the lesson saves nothing. ``box.line`` is the
    ``HTML`` line, ``box.change`` the button, ``box.names`` the name box (hidden until asked).
    """
    line = widgets.HTML()
    line.add_class("ps-learner-banner")
    if presenting():
        line.value = note_html(f"<b>{html.escape(PRESENTATION_NOTICE)}</b>", OKABE_ITO["orange"])
        box = widgets.VBox([line])
        box.line, box.change, box.names = line, None, None
        return box
    change = widgets.Button(description="not you? change it here", icon="user",
                            tooltip="Type your own name, so that your answers are saved as you",
                            layout=widgets.Layout(width="auto"))
    names = learner_box()
    names.layout.display = "none"

    def show(_change=None) -> None:
        who = html.escape(current_learner())
        line.value = note_html(f'Saving as <b dir="auto">{who}</b>', OKABE_ITO["bluish green"])

    def open_box(_button=None) -> None:
        names.layout.display = None

    names.name.observe(show, names="value")
    names.save.on_click(show)
    change.on_click(open_box)
    show()
    box = widgets.VBox([widgets.HBox([line, change]), names])
    box.add_class("ps-learner")
    box.line, box.change, box.names = line, change, names
    return box


def download_my_work(learner: str | None = None) -> widgets.VBox:
    """A button that writes the learner's work as an HTML page and a CSV into ``responses/``.

    ``box.button`` is the button and ``box.output`` shows the links and paths.
    """
    button = widgets.Button(description="Download my work", icon="download",
                            tooltip="Write your answers to an HTML page and a CSV file",
                            layout=widgets.Layout(width="auto"))
    output = widgets.HTML()

    def export(_button=None) -> None:
        if presenting():
            output.value = note_html(html.escape(PRESENTATION_NOTICE), OKABE_ITO["orange"])
            return
        who = learner or current_learner()
        folder = paths.responses_dir()
        stem = f"{file_stem(who)}-my-work"  # names that differ never share
        try:
            loaded = read_answers(who)  # read once; a damaged file is moved aside, and told
            notices = loaded.notices
            page = export_html(who, folder / f"{stem}.html", loaded.answers)
            table = export_csv(who, folder / f"{stem}.csv", loaded.answers)
        except OSError as err:
            output.value = note_html(f"Your work could not be written: {html.escape(str(err))}",
                                     OKABE_ITO["vermillion"], role="alert")
            return
        links = "".join(
            f"<li>{download_link(p, label)}: <code>{html.escape(str(p))}</code></li>"
            for label, p in (("your work as a web page", page),
                             ("your work as a table (CSV)", table)))
        output.value = done_html(f"Saved.<ul>{links}</ul>Hand in these files, or keep them.",
                                 notices)

    button.on_click(export)
    hand_in = hand_in_button(learner)
    box = widgets.VBox([button, output, hand_in])
    box.button, box.output, box.hand_in = button, output, hand_in
    return box


def hand_in_button(learner: str | None = None) -> widgets.VBox:
    """"Hand in my work": on a class hub, all saved answers go to the teacher's service.

    Off a hub it says that handing in needs one. ``box.button``, ``box.output``.
    """
    button = widgets.Button(description="Hand in my work", icon="paper-plane",
                            tooltip="Send all your saved answers to your teacher",
                            layout=widgets.Layout(width="auto"))
    output = widgets.HTML()

    def send(_button=None) -> None:
        result = hand_in(learner)
        colour = OKABE_ITO["bluish green"] if result.ok else OKABE_ITO["orange"]
        output.value = note_html(html.escape(result.message), colour,
                                 role="status" if result.ok else "alert")

    button.on_click(send)
    box = widgets.VBox([button, output])
    box.button, box.output = button, output
    return box
