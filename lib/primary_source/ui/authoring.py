"""The exercise editor page: pick a lesson, edit its exercises in a form, preview, check, save."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import ipywidgets as widgets

from primary_source import paths
from primary_source.authoring import (
    BankFile,
    EditorError,
    blank_exercise,
    check_text,
    form_fields,
    from_form,
    save_text,
    to_form,
)
from primary_source.exercises import TYPES, ExerciseFormatError, load_devices
from primary_source.palette import OKABE_ITO
from primary_source.ui.exercises import ExerciseBox
from primary_source.ui.notes import escape, note_html

__all__ = ["ExerciseEditor", "exercise_editor"]


def _wide():
    """A fresh full-width layout for one widget (none is made at import time)."""
    return widgets.Layout(width="100%")


_STYLE = {"description_width": "12em"}
_LABELS = {
    "id": "Id", "section": "Section", "type": "Type", "prompt": "Question",
    "options": "Options (one a line)", "answer": "Right option", "answers": "Right options (one a line)",
    "model_answer": "Model answer", "rubric": "Rubric (one point a line)",
    "keywords": "Key words (commas)", "items": "Items in the right order (one a line)",
    "pairs": "Pairs (one a line: left = right)", "quote": "Passage (exact words)",
    "device": "Device", "hint": "Hint", "points": "Points",
}
_BIG = {"prompt", "options", "answers", "model_answer", "rubric", "items", "pairs", "quote"}



class ExerciseEditor(widgets.VBox):
    """The editor for the files of one exercise folder (the bank the lessons read by default).

    ``lesson`` chooses the file, ``exercises`` lists its exercises, ``fields`` holds the form's
    boxes by field name, ``preview`` the exercise as students see it, ``problems`` what
    ``primary-source check`` would say, and ``save`` writes the file (with a backup).
    """

    def __init__(self, folder: str | Path | None = None, backups: str | Path | None = None,
                 **kwargs):
        super().__init__(**kwargs)
        self.add_class("ps-author")
        self.folder = Path(folder) if folder else paths.exercises_dir()
        self.backups = backups
        self.bank: BankFile | None = None
        self._saved_text = ""  # the bank as it is on disk, to tell unsaved changes
        self.index = 0
        self._quiet = False
        files = sorted(p.stem for p in self.folder.glob("*.yaml"))
        self.lesson = widgets.Dropdown(options=files, value=files[0] if files else None,
                                       description="Lesson", style=_STYLE)
        self.lesson.add_class("ps-author-lesson")
        self.exercises = widgets.Select(options=[], rows=10, description="Exercises",
                                        layout=widgets.Layout(width="100%"), style=_STYLE)
        self.exercises.add_class("ps-author-list")
        self.new_type = widgets.Dropdown(options=list(TYPES), value="choice",
                                         description="New of type", style=_STYLE)
        self.new_type.add_class("ps-author-new-type")
        self.add_button = widgets.Button(description="Add exercise", icon="plus")
        self.remove_button = widgets.Button(description="Remove", icon="trash")
        self.up_button = widgets.Button(description="Move up", icon="arrow-up")
        self.down_button = widgets.Button(description="Move down", icon="arrow-down")
        self.save = widgets.Button(description="Save", button_style="primary", icon="save")
        self.status = widgets.HTML()
        self.status.add_class("ps-author-status")
        self.problems = widgets.HTML()
        self.problems.add_class("ps-author-problems")
        self.form = widgets.VBox(layout=widgets.Layout(width="50%"))
        self.preview = widgets.VBox(layout=widgets.Layout(width="50%"))
        self.preview.add_class("ps-author-preview")
        self.fields: dict[str, widgets.Widget] = {}
        try:
            self.devices = [d.name for d in load_devices()]
        except (OSError, ValueError):
            self.devices = []

        self.lesson.observe(self._on_lesson, names="value")
        self.exercises.observe(self._on_pick, names="value")
        self.add_button.on_click(self._on_add)
        self.remove_button.on_click(self._on_remove)
        self.up_button.on_click(lambda _b: self._on_move(-1))
        self.down_button.on_click(lambda _b: self._on_move(1))
        self.save.on_click(self._on_save)
        self.children = [
            self.lesson, self.exercises,
            widgets.HBox([self.new_type, self.add_button, self.remove_button, self.up_button,
                          self.down_button]),
            widgets.HBox([self.form, self.preview], layout=_wide()),
            self.problems, widgets.HBox([self.save]), self.status]
        self._open()

    # -- the file and the list
    @property
    def path(self) -> Path:
        return self.folder / f"{self.lesson.value}.yaml"

    def _open(self) -> None:
        self.status.value = ""
        try:
            self.bank = BankFile.read(self.path) if self.lesson.value else None
        except EditorError as err:
            self.bank = None
            self.status.value = note_html(f"<b>This file cannot be edited here:</b> {escape(err)}",
                                          OKABE_ITO["vermillion"], role="alert")
        self._saved_text = self.bank.text() if self.bank else ""
        self.index = 0
        self._refresh_list()
        self._build_form()
        self._check()

    def _refresh_list(self) -> None:
        self._quiet = True
        try:
            items = self.bank.exercises() if self.bank else []
            self.exercises.options = [(f"{i + 1}. {ex.get('id', '?')} ({ex.get('type', '?')})", i)
                                      for i, ex in enumerate(items)]
            self.exercises.value = self.index if items else None
        finally:
            self._quiet = False

    def _on_lesson(self, _change) -> None:
        self._open()

    def _on_pick(self, change) -> None:
        if self._quiet or change["new"] is None:
            return
        self.index = change["new"]
        self._build_form()
        self._check()

    def _on_add(self, _button=None) -> None:
        if self.bank is None:
            return
        current = self.bank.exercise(self.index) if len(self.bank) else {}
        fields = blank_exercise(self.new_type.value, len(self.bank) + 1, current.get("section"))
        self.index = self.bank.add(fields, self.index + 1 if len(self.bank) else 0)
        self._refresh_list()
        self._build_form()
        self._check()

    def _on_remove(self, _button=None) -> None:
        if self.bank is None or not len(self.bank):
            return
        self.bank.remove(self.index)
        self.index = max(0, min(self.index, len(self.bank) - 1))
        self._refresh_list()
        self._build_form()
        self._check()

    def _on_move(self, step: int) -> None:
        if self.bank is None or not len(self.bank):
            return
        to = max(0, min(self.index + step, len(self.bank) - 1))
        self.bank.move(self.index, to)
        self.index = to
        self._refresh_list()
        self._check()

    # -- the form
    def _build_form(self) -> None:
        self.fields = {}
        if self.bank is None or not len(self.bank):
            self.form.children = [widgets.HTML("<p>No exercises yet: choose a type and "
                                               "<b>Add exercise</b>.</p>")]
            return
        values = to_form(self.bank.exercise(self.index))
        self._quiet = True
        try:
            for name in form_fields(values["type"]):
                self.fields[name] = self._field(name, values.get(name, ""))
        finally:
            self._quiet = False
        self.form.children = [widgets.HTML(f"<h3>Exercise {self.index + 1}</h3>"),
                              *self.fields.values()]

    def _field(self, name: str, value: str) -> widgets.Widget:
        common = dict(description=_LABELS.get(name, name), style=_STYLE, layout=_wide())
        options = _lines(self.fields["options"].value) if "options" in self.fields else []
        if name == "type":
            box = widgets.Dropdown(options=list(TYPES), value=value or "choice", **common)
        elif name == "device":
            choices = [""] + self.devices + ([value] if value and value not in self.devices else [])
            box = widgets.Dropdown(options=choices, value=value, **common)
        elif name == "answer":  # one of the options, picked from them
            box = widgets.Dropdown(options=_with(options, [value]), value=value, **common)
        elif name == "answers":  # several of the options (Ctrl or Shift to pick more)
            chosen = _lines(value)
            box = widgets.SelectMultiple(options=_with(options, chosen, blank=False),
                                         value=tuple(chosen), rows=min(6, len(options) + 1),
                                         **common)
        elif name == "section":  # an existing section, or a new name
            sections = sorted({str(ex.get("section")) for ex in self.bank.exercises()
                               if ex.get("section")})
            box = widgets.Combobox(value=value, options=sections, ensure_option=False, **common)
        elif name in _BIG:
            box = widgets.Textarea(value=value, rows=4 if name != "prompt" else 3, **common)
        else:
            box = widgets.Text(value=value, **common)
        box.add_class(f"ps-author-field-{name.replace('_', '-')}")
        handler = {"type": self._on_type, "options": self._on_options}.get(name, self._on_edit)
        box.observe(handler, names="value")
        return box

    def _values(self) -> dict[str, str]:
        values = {}
        for name, box in self.fields.items():
            value = box.value
            values[name] = "\n".join(value) if isinstance(value, tuple) else (value or "")
        return values

    def _on_edit(self, _change=None) -> None:
        if self._quiet or self.bank is None or not self.fields:
            return
        fields, drop = from_form(self._values())
        self.bank.update(self.index, fields, drop)
        self._refresh_list()
        self._check()

    def _on_options(self, _change=None) -> None:
        """The right answer is picked from the options: offer the options as they are now."""
        if self._quiet:
            return
        options = _lines(self.fields["options"].value)
        self._quiet = True
        try:
            for name in ("answer", "answers"):
                box = self.fields.get(name)
                if box is None:
                    continue
                if name == "answer":
                    keep = box.value if box.value in options else ""
                    box.options = _with(options, [])
                    box.value = keep
                else:
                    keep = tuple(v for v in box.value if v in options)
                    box.options = options
                    box.value = keep
        finally:
            self._quiet = False
        self._on_edit()

    def _on_type(self, change) -> None:
        if self._quiet:
            return
        self._on_edit()
        self._build_form()

    # -- checking, preview and saving
    def _check(self) -> list:
        if self.bank is None:
            self.problems.value = ""
            self.preview.children = []
            return []
        text = self.bank.text()
        bank, problems = check_text(self.path, text)
        mine = [p for p in problems if Path(p.file).name == self.path.name]
        others = len(problems) - len(mine)
        if problems:
            items = "".join(f"<li><code>{escape(p)}</code></li>" for p in problems)
            more = f" ({others} in other files)" if others else ""
            self.problems.value = note_html(
                f"<b>{len(problems)} problem(s) to fix before saving{more}:</b><ul>{items}</ul>",
                OKABE_ITO["vermillion"], role="status")
        else:
            self.problems.value = note_html("No problems: <code>primary-source check</code> "
                                            "passes with these exercises.", OKABE_ITO["bluish green"])
        self._preview(bank)
        if text != self._saved_text:
            # Also after a Save: a last key press can reach the kernel after the click on Save.
            self.status.value = note_html(
                f"<b>Changes not saved yet:</b> press Save to write {escape(self.path.name)}.",
                OKABE_ITO["orange"], role="status")
        return problems

    def _preview(self, bank) -> None:
        if not len(self.bank):
            self.preview.children = []
            return
        ex_id = self.bank.exercise(self.index).get("id")
        found = bank.get(str(ex_id)) if ex_id is not None else None
        head = widgets.HTML("<h3>As students see it</h3>")
        if found is None:
            self.preview.children = [head, widgets.HTML(
                "<p><i>The preview appears when this exercise has no problems.</i></p>")]
            return
        self.preview.children = [head, ExerciseBox(found, learner="exercise-editor-preview",
                                                   number=self.index + 1)]

    def _on_save(self, _button=None) -> None:
        if self.bank is None:
            return
        try:
            saved = save_text(self.path, self.bank.text(), self.backups)
        except ExerciseFormatError as err:
            self.status.value = note_html(
                f"<b>Not saved:</b> {len(err.problems)} problem(s) above must be fixed first.",
                OKABE_ITO["vermillion"], role="alert")
            return
        where = f" The previous version is kept as <code>{escape(saved)}</code>." if saved else ""
        index = self.index
        self.bank = BankFile.read(self.path)
        self._saved_text = self.bank.text()
        self.index = min(index, max(0, len(self.bank) - 1))
        self._refresh_list()
        self.status.value = note_html(f"<b>Saved</b> {escape(self.path.name)}.{where}",
                                      OKABE_ITO["bluish green"], role="status")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def _with(options: list[str], values: list[str], blank: bool = True) -> list[str]:
    """The choices of an answer box: (a blank,) the options, and any value not among them."""
    extra = [v for v in values if v and v not in options]
    return [*([""] if blank else []), *options, *extra]


def exercise_editor(folder: str | Path | None = None) -> ExerciseEditor:
    """The exercise editor for the bank the lessons read (or the exercise files in ``folder``).

    Answers tried in the preview are saved in a temporary folder, never among the class's
    answers in ``responses/`` (unless ``PRIMARY_SOURCE_RESPONSES`` already names a folder).

    >>> editor = exercise_editor()        # doctest: +SKIP
    """
    os.environ.setdefault("PRIMARY_SOURCE_RESPONSES", tempfile.mkdtemp(prefix="editor-preview-"))
    return ExerciseEditor(folder)
