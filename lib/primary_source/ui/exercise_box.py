"""One exercise as a widget: its control by type, Submit, Hint, feedback, the saved answer."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from traitlets import TraitError

from primary_source.exercises import (
    ASSESSED_FEEDBACK,
    Exercise,
    Result,
    check_answer,
    real_attempt,
)
from primary_source.palette import OKABE_ITO
from primary_source.presentation import presenting
from primary_source.responses import (
    current_learner,
    save_answer,
    save_self_check,
)
from primary_source.ui.exercise_controls import control_for, wide
from primary_source.ui.notes import escape, note_html, warning_html

__all__ = ["ExerciseBox"]



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
            f'<p dir="auto"><b>{escape(label)}</b>{escape(ex.prompt)}{escape(points)}</p>',
            layout=wide())
        self.submit = widgets.Button(description="Submit", button_style="primary",
                                     tooltip="Check and save your answer", icon="check")
        self.hint_button = widgets.Button(description="Hint", tooltip="Show a hint",
                                          icon="lightbulb-o", disabled=not ex.hint)
        self.model_button = widgets.Button(description="Show model answer",
                                           tooltip="Compare your answer with a model answer",
                                           layout=widgets.Layout(width="auto"))
        self.hint = widgets.HTML(layout=wide())
        self.feedback = widgets.HTML(layout=wide())
        self.model = widgets.HTML(layout=wide())
        self.attempts_label = widgets.Label("Attempts: 0")
        #: The free-text answer last submitted (the model answer is compared with it).
        self.submitted: str | None = None
        #: Self-check tick boxes (free text): one per rubric item, shown after a real attempt.
        self.self_check = [widgets.Checkbox(value=False, description=item, indent=False,
                                            layout=wide()) for item in ex.rubric] \
            if ex.type == "text" and not ex.assessed else []
        self.self_check_box = widgets.VBox(layout=wide())
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

    # -- the controls of the exercise's type (ui/exercise_controls.py)
    def _build_controls(self) -> list[widgets.Widget]:
        self.control = control_for(self.exercise, self._learner())
        for name, part in self.control.parts.items():  # box.choice, box.device, ...
            setattr(self, name, part)
        return self.control.widgets

    # -- the answer
    @property
    def value(self) -> Any:
        """The learner's current answer, in the shape ``check_answer`` takes."""
        return self.control.value

    @value.setter
    def value(self, answer: Any) -> None:
        self.set_answer(answer)

    def set_answer(self, answer: Any) -> bool:
        """Show a (saved) answer in the controls; ``False`` if it no longer fits the exercise."""
        try:
            return self.control.set(answer)
        except (TypeError, ValueError, TraitError):  # ipywidgets has no TraitError
            return False

    def _problem_with(self, answer: Any) -> str | None:
        return self.control.problem(answer)

    # -- what happens on a click
    def _learner(self) -> str:
        return self.learner or current_learner()

    def _on_hint(self, _button=None) -> None:
        if self.exercise.hint:
            self.hint.value = note_html(f"<b>Hint:</b> {escape(self.exercise.hint)}",
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
                f"{escape(result.model_answer)}</blockquote>", OKABE_ITO["blue"])

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
        return note_html(f"<p>{escape(result.feedback)}</p>", OKABE_ITO["blue"])

    def _on_submit(self, _button=None) -> None:
        ex = self.exercise
        answer = self.value
        problem = self._problem_with(answer)
        if problem:
            self.feedback.value = note_html(escape(problem), OKABE_ITO["orange"])
            return
        result = check_answer(ex, answer)
        self.last_result = result
        warned: list[str] = []
        saved_note = ""
        try:
            saved = save_answer(ex.id, answer, result, learner=self._learner(),
                                notebook=ex.notebook)
            self.attempts = self.attempts + 1 if presenting() else int(saved.entry["attempts"])
            warned = saved.notices
        except (OSError, TypeError, ValueError) as err:
            self.attempts += 1
            saved_note = note_html(f"<b>Your answer could not be saved:</b> {escape(err)}. "
                                   "Copy it somewhere safe and tell your teacher.",
                                   OKABE_ITO["vermillion"], role="alert")
        self.attempts_label.value = f"Attempts: {self.attempts}"
        if ex.type == "text" and not ex.assessed:
            self.submitted = str(answer)
            self.model.value = ""
            self._show_self_check(real_attempt(ex, answer))
            body = self._text_feedback(result)
        elif result.correct is True:
            body = note_html(f"<b>&#10003; Correct.</b> {escape(result.detail)}",
                         OKABE_ITO["bluish green"])
        elif result.correct is False:
            word = "Partly right" if result.verdict == "partly right" else "Not yet"
            body = note_html(f"<b>&#10007; {word}.</b> {escape(result.detail)}",
                         OKABE_ITO["vermillion"])
        else:
            body = note_html(escape(result.feedback or ASSESSED_FEEDBACK), OKABE_ITO["blue"])
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
                f"Your saved answer{' from ' + escape(when) if when else ''} is shown. "
                "Change it if you like and press Submit to check it again.",
                OKABE_ITO["sky blue"])
        else:
            self.feedback.value = note_html(
                "You answered this before, but the question has changed since. "
                "Please answer again.", OKABE_ITO["sky blue"])
