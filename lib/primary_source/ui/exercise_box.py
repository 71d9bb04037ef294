"""One exercise as a widget: its control by type, Submit, Hint, feedback, the saved answer."""

from __future__ import annotations

import html
import warnings
from typing import Any

import ipywidgets as widgets
from traitlets import TraitError

from primary_source.exercises import (
    ASSESSED_FEEDBACK,
    Exercise,
    Result,
    check_answer,
    load_devices,
    real_attempt,
)
from primary_source.palette import OKABE_ITO
from primary_source.presentation import presenting
from primary_source.responses import (
    DamagedResponsesWarning,
    current_learner,
    save_answer,
    save_self_check,
)
from primary_source.ui.notes import note_html, warning_html

__all__ = ["ExerciseBox"]


def _wide():
    """A fresh full-width layout for one widget (none is made at import time)."""
    return widgets.Layout(width="auto", max_width="100%")


_WIDE_STYLE = {"description_width": "initial"}
_CHOOSE = "(choose)"


def _esc(text: Any) -> str:
    return html.escape(str(text))


class ExerciseBox(widgets.VBox):
    """One exercise: prompt, answer controls, Submit, Hint, feedback and attempts.

    ``value`` reads the learner's current answer; ``submit.click()`` checks and saves it.
    """

    def __init__(self, exercise: Exercise, learner: str | None = None,
                 saved: dict[str, Any] | None = None, number: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.exercise = ex = exercise
        self.learner = learner
        self.attempts = 0
        self.last_result: Result | None = None
        self.add_class("primary-source-exercise")
        label = f"Question {number}. " if number else ""
        points = f" ({ex.points:g} points)" if ex.points != 1 else ""
        self.prompt = widgets.HTML(
            f'<p dir="auto"><b>{_esc(label)}</b>{_esc(ex.prompt)}{_esc(points)}</p>',
            layout=_wide())
        self.submit = widgets.Button(description="Submit", button_style="primary",
                                     tooltip="Check and save your answer", icon="check")
        self.hint_button = widgets.Button(description="Hint", tooltip="Show a hint",
                                          icon="lightbulb-o", disabled=not ex.hint)
        self.model_button = widgets.Button(description="Show model answer",
                                           tooltip="Compare your answer with a model answer",
                                           layout=widgets.Layout(width="auto"))
        self.hint = widgets.HTML(layout=_wide())
        self.feedback = widgets.HTML(layout=_wide())
        self.model = widgets.HTML(layout=_wide())
        self.attempts_label = widgets.Label("Attempts: 0")
        #: The free-text answer last submitted (the model answer is compared with it).
        self.submitted: str | None = None
        #: Self-check tick boxes (free text): one per rubric item, shown after a real attempt.
        self.self_check = [widgets.Checkbox(value=False, description=item, indent=False,
                                            layout=_wide()) for item in ex.rubric] \
            if ex.type == "text" and not ex.assessed else []
        self.self_check_box = widgets.VBox(layout=_wide())
        controls = self._build_controls()
        buttons = [self.submit, self.hint_button]
        if ex.type == "text" and ex.model_answer and ex.show_model_answer and not ex.assessed:
            buttons.append(self.model_button)
        buttons.append(self.attempts_label)
        self.submit.on_click(self._on_submit)
        self.hint_button.on_click(self._on_hint)
        self.model_button.on_click(self._on_model)
        for box in self.self_check:
            box.observe(self._on_tick, names="value")
        self.children = [self.prompt, *controls, widgets.HBox(buttons), self.hint, self.feedback,
                         self.self_check_box, self.model]
        if saved:
            self._restore(saved)

    # -- controls per type
    def _build_controls(self) -> list[widgets.Widget]:
        ex = self.exercise
        if ex.type == "choice":
            self.choice = widgets.RadioButtons(options=ex.shown_options(self._learner()),
                                               value=None,
                                               description="Answer:", layout=_wide(),
                                               style=_WIDE_STYLE)
            return [self.choice]
        if ex.type == "multi":
            self.checkboxes = [widgets.Checkbox(value=False, description=o, indent=False,
                                                layout=_wide())
                               for o in ex.shown_options(self._learner())]
            return [widgets.Label("Choose every answer that fits:"), *self.checkboxes]
        if ex.type == "text":
            self.textarea = widgets.Textarea(
                description="Answer:", placeholder="Write your answer here",
                layout=widgets.Layout(width="100%", height="8em"), style=_WIDE_STYLE)
            return [self.textarea]
        if ex.type == "order":
            shown = ex.shuffled_items(self._learner())
            self.positions = [
                widgets.Dropdown(options=sorted(shown, key=str.casefold), value=item,
                                 description=f"Position {i + 1}:", layout=_wide(),
                                 style=_WIDE_STYLE)
                for i, item in enumerate(shown)]
            self._swapping = False
            for d in self.positions:
                d.observe(self._on_position, names="value")
            return [widgets.Label("Choose what comes at each position, first to last. The item "
                                  "you choose swaps places with the one it replaces."),
                    *self.positions]
        if ex.type == "match":
            choices = [(_CHOOSE, None), *[(r, r) for r in ex.right_choices()]]
            self.matches = {
                left: widgets.Dropdown(options=choices, value=None, description=f"{left}:",
                                       layout=_wide(), style=_WIDE_STYLE)
                for left in ex.left}
            return list(self.matches.values())
        if ex.type == "tag":
            try:
                self.devices = load_devices()
                problem = None
            except (OSError, ValueError) as err:
                self.devices, problem = [], f"The list of devices cannot be read: {err}"
            self.device = widgets.Dropdown(
                options=[(_CHOOSE, None), *[(d.name, d.name) for d in self.devices]],
                value=None, description="Device:", layout=_wide(), style=_WIDE_STYLE)
            self.definition = widgets.HTML(layout=_wide())
            self.device.observe(self._on_device, names="value")
            quote = widgets.HTML(f'<blockquote dir="auto">{_esc(ex.quote or "")}</blockquote>',
                                 layout=_wide())
            out = [quote, self.device, self.definition]
            if problem:
                out.append(widgets.HTML(warning_html([problem])))
            return out
        raise ValueError(f"unknown exercise type {ex.type!r}")

    def _on_position(self, change) -> None:
        """Swap: the item chosen for one position takes the place of the one it replaces."""
        if self._swapping or change["new"] is None:
            return
        self._swapping = True
        try:
            for d in self.positions:
                if d is not change["owner"] and d.value == change["new"]:
                    d.value = change["old"]
                    break
        finally:
            self._swapping = False

    def _on_device(self, change) -> None:
        name = change["new"]
        found = [d for d in self.devices if d.name == name]
        self.definition.value = (f"<p><i>{_esc(found[0].name)}</i>: {_esc(found[0].definition)}"
                                 "</p>" if found and found[0].definition else "")

    # -- the answer
    @property
    def value(self) -> Any:
        """The learner's current answer, in the shape ``check_answer`` takes."""
        t = self.exercise.type
        if t == "choice":
            return self.choice.value
        if t == "multi":
            return [c.description for c in self.checkboxes if c.value]
        if t == "text":
            return self.textarea.value
        if t == "order":
            return [d.value for d in self.positions]
        if t == "match":
            return {left: d.value for left, d in self.matches.items()}
        return self.device.value

    @value.setter
    def value(self, answer: Any) -> None:
        self.set_answer(answer)

    def set_answer(self, answer: Any) -> bool:
        """Show a (saved) answer in the controls; ``False`` if it no longer fits the exercise."""
        t = self.exercise.type
        try:
            if t == "choice":
                if answer not in self.exercise.options:
                    return False
                self.choice.value = answer
            elif t == "multi":
                chosen = set(answer if isinstance(answer, list) else [answer])
                for c in self.checkboxes:
                    c.value = c.description in chosen
            elif t == "text":
                self.textarea.value = "" if answer is None else str(answer)
            elif t == "order":
                if sorted(answer) != sorted(self.exercise.items):
                    return False
                for d, item in zip(self.positions, answer, strict=True):
                    d.value = item
            elif t == "match":
                for left, d in self.matches.items():
                    v = dict(answer).get(left)
                    d.value = v if v in self.exercise.right else None
            elif t == "tag":
                if answer not in [d.name for d in self.devices]:
                    return False
                self.device.value = answer
        except (TypeError, ValueError, TraitError):  # ipywidgets has no TraitError
            return False
        return True

    def _problem_with(self, answer: Any) -> str | None:
        t = self.exercise.type
        if t == "text":
            return None if str(answer or "").strip() else "Write your answer in the box first."
        if t == "order" and len(set(answer)) != len(answer):
            twice = sorted({a for a in answer if answer.count(a) > 1})
            return ("Use each item once. Used more than once: " + "; ".join(twice) + ".")
        if t == "match" and any(v is None for v in answer.values()):
            return "Choose a match for every item first."
        if answer in (None, [], ""):
            return "Choose an answer first."
        return None

    # -- what happens on a click
    def _learner(self) -> str:
        return self.learner or current_learner()

    def _on_hint(self, _button=None) -> None:
        if self.exercise.hint:
            self.hint.value = note_html(f"<b>Hint:</b> {_esc(self.exercise.hint)}",
                                    OKABE_ITO["sky blue"])

    def _on_model(self, _button=None) -> None:
        ex = self.exercise
        if self.submitted is None or not real_attempt(ex, self.submitted):
            need = ex.model_answer_after_words
            self.model.value = note_html(
                f"Write your own answer first (at least {need} words) and press Submit; then "
                "compare it with the model answer.", OKABE_ITO["sky blue"])
            return
        result = check_answer(ex, self.submitted)
        if result.model_answer:
            self.model.value = note_html(
                f'<p><b>Model answer:</b></p><blockquote dir="auto">'
                f"{_esc(result.model_answer)}</blockquote>", OKABE_ITO["blue"])

    def _on_tick(self, _change=None) -> None:
        if getattr(self, "_restoring", False):
            return
        ticked = [c.description for c in self.self_check if c.value]
        try:
            save_self_check(self.exercise.id, ticked, learner=self._learner())
        except OSError:
            pass  # the ticks are a help to the learner; the answer itself is saved on Submit

    def _show_self_check(self, show: bool) -> None:
        self.self_check_box.children = (
            [widgets.HTML("<p><b>Check your own answer</b> (tick what your answer does; your "
                          "ticks are saved with it):</p>"), *self.self_check]
            if show and self.self_check else [])

    def _text_feedback(self, result: Result) -> str:
        return note_html(f"<p>{_esc(result.feedback)}</p>", OKABE_ITO["blue"])

    def _on_submit(self, _button=None) -> None:
        ex = self.exercise
        answer = self.value
        problem = self._problem_with(answer)
        if problem:
            self.feedback.value = note_html(_esc(problem), OKABE_ITO["orange"])
            return
        result = check_answer(ex, answer)
        self.last_result = result
        warned: list[str] = []
        saved_note = ""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DamagedResponsesWarning)
            try:
                entry = save_answer(ex.id, answer, result, learner=self._learner(),
                                    notebook=ex.notebook)
                self.attempts = self.attempts + 1 if presenting() else int(entry["attempts"])
            except (OSError, TypeError, ValueError) as err:
                self.attempts += 1
                saved_note = note_html(f"<b>Your answer could not be saved:</b> {_esc(err)}. "
                                   "Copy it somewhere safe and tell your teacher.",
                                   OKABE_ITO["vermillion"], role="alert")
        warned = [str(w.message) for w in caught if issubclass(w.category,
                                                             DamagedResponsesWarning)]
        self.attempts_label.value = f"Attempts: {self.attempts}"
        if ex.type == "text" and not ex.assessed:
            self.submitted = str(answer)
            self.model.value = ""
            self._show_self_check(real_attempt(ex, answer))
            body = self._text_feedback(result)
        elif result.correct is True:
            body = note_html(f"<b>&#10003; Correct.</b> {_esc(result.detail)}",
                         OKABE_ITO["bluish green"])
        elif result.correct is False:
            word = "Partly right" if result.verdict == "partly right" else "Not yet"
            body = note_html(f"<b>&#10007; {word}.</b> {_esc(result.detail)}",
                         OKABE_ITO["vermillion"])
        else:
            body = note_html(_esc(result.feedback or ASSESSED_FEEDBACK), OKABE_ITO["blue"])
        if result.correct is False and ex.hint:
            self._on_hint()
        self.feedback.value = (warning_html(warned) if warned else "") + saved_note + body

    def _restore(self, saved: dict[str, Any]) -> None:
        self.attempts = int(saved.get("attempts") or 0)
        self.attempts_label.value = f"Attempts: {self.attempts}"
        shown = self.set_answer(saved.get("answer"))
        when = saved.get("saved") or ""
        if shown and self.exercise.type == "text":
            self.submitted = str(saved.get("answer") or "")
            ticked = set(saved.get("self_check") or [])
            self._restoring = True
            for box in self.self_check:
                box.value = box.description in ticked
            self._restoring = False
            self._show_self_check(real_attempt(self.exercise, self.submitted))
        if shown:
            self.feedback.value = note_html(
                f"Your saved answer{' from ' + _esc(when) if when else ''} is shown. "
                "Change it if you like and press Submit to check it again.",
                OKABE_ITO["sky blue"])
        else:
            self.feedback.value = note_html(
                "You answered this before, but the question has changed since. "
                "Please answer again.", OKABE_ITO["sky blue"])
