"""The answer controls of each exercise type: what they show, the answer they read and restore."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from primary_source.exercises import Exercise, load_devices
from primary_source.ui.notes import warning_html

__all__ = ["Control", "ChoiceControl", "MultiControl", "TextControl", "OrderControl",
           "MatchControl", "TagControl", "CONTROLS", "control_for", "wide"]

_WIDE_STYLE = {"description_width": "initial"}
_CHOOSE = "(choose)"


def wide():
    """A fresh full-width layout for one widget (none is made at import time)."""
    return widgets.Layout(width="auto", max_width="100%")


class Control:
    """One exercise type's controls: ``widgets`` to show, ``value`` to read, ``set`` to restore.

    ``parts`` names the widgets that the exercise box also offers as its own attributes.
    """

    def __init__(self, exercise: Exercise, learner: str):
        self.exercise = exercise
        self.parts: dict[str, Any] = {}
        self.widgets: list[widgets.Widget] = self.build(learner)

    def build(self, learner: str) -> list[widgets.Widget]:
        """Make the widgets (``learner`` fixes the order options are shown in)."""
        raise NotImplementedError

    @property
    def value(self) -> Any:
        """The learner's current answer, in the shape ``check_answer`` takes."""
        raise NotImplementedError

    def set(self, answer: Any) -> bool:
        """Show ``answer`` in the widgets; ``False`` if it does not fit the exercise."""
        raise NotImplementedError

    def problem(self, answer: Any) -> str | None:
        """Why ``answer`` cannot be checked yet, or ``None``."""
        return "Choose an answer first." if answer in (None, [], "") else None


class ChoiceControl(Control):
    """One answer from radio buttons."""

    def build(self, learner):
        self.choice = widgets.RadioButtons(options=self.exercise.shown_options(learner),
                                           value=None, description="Answer:", layout=wide(),
                                           style=_WIDE_STYLE)
        self.parts = {"choice": self.choice}
        return [self.choice]

    @property
    def value(self):
        return self.choice.value

    def set(self, answer):
        if answer not in self.exercise.options:
            return False
        self.choice.value = answer
        return True


class MultiControl(Control):
    """Every answer that fits, from tick boxes."""

    def build(self, learner):
        self.checkboxes = [widgets.Checkbox(value=False, description=o, indent=False,
                                            layout=wide())
                           for o in self.exercise.shown_options(learner)]
        self.parts = {"checkboxes": self.checkboxes}
        return [widgets.Label("Choose every answer that fits:"), *self.checkboxes]

    @property
    def value(self):
        return [c.description for c in self.checkboxes if c.value]

    def set(self, answer):
        chosen = set(answer if isinstance(answer, list) else [answer])
        for c in self.checkboxes:
            c.value = c.description in chosen
        return True


class TextControl(Control):
    """A written answer."""

    def build(self, learner):
        # The text goes to the kernel when the learner leaves the box (Tab, or a click on
        # Submit). Sent at each key press, the last keys can wait in the browser behind an
        # unanswered update while the click on Submit (never held back) overtakes them, and
        # Submit would check and save the answer without its last words.
        self.textarea = widgets.Textarea(
            description="Answer:", placeholder="Write your answer here", continuous_update=False,
            layout=widgets.Layout(width="100%", height="8em"), style=_WIDE_STYLE)
        self.parts = {"textarea": self.textarea}
        return [self.textarea]

    @property
    def value(self):
        return self.textarea.value

    def set(self, answer):
        self.textarea.value = "" if answer is None else str(answer)
        return True

    def problem(self, answer):
        return None if str(answer or "").strip() else "Write your answer in the box first."


class OrderControl(Control):
    """Items in order: a drop-down per position; choosing an item swaps it into place."""

    def build(self, learner):
        shown = self.exercise.shuffled_items(learner)
        self.positions = [
            widgets.Dropdown(options=sorted(shown, key=str.casefold), value=item,
                             description=f"Position {i + 1}:", layout=wide(),
                             style=_WIDE_STYLE)
            for i, item in enumerate(shown)]
        self.swapping = False
        for d in self.positions:
            d.observe(self.on_position, names="value")
        self.parts = {"positions": self.positions}
        return [widgets.Label("Choose what comes at each position, first to last. The item "
                              "you choose swaps places with the one it replaces."),
                *self.positions]

    def on_position(self, change) -> None:
        """Swap: the item chosen for one position takes the place of the one it replaces."""
        if self.swapping or change["new"] is None:
            return
        self.swapping = True
        try:
            for d in self.positions:
                if d is not change["owner"] and d.value == change["new"]:
                    d.value = change["old"]
                    break
        finally:
            self.swapping = False

    @property
    def value(self):
        return [d.value for d in self.positions]

    def set(self, answer):
        if sorted(answer) != sorted(self.exercise.items):
            return False
        for d, item in zip(self.positions, answer, strict=True):
            d.value = item
        return True

    def problem(self, answer):
        if len(set(answer)) != len(answer):
            twice = sorted({a for a in answer if answer.count(a) > 1})
            return "Use each item once. Used more than once: " + "; ".join(twice) + "."
        return super().problem(answer)


class MatchControl(Control):
    """A drop-down of right-hand choices for every left-hand item."""

    def build(self, learner):
        choices = [(_CHOOSE, None), *[(r, r) for r in self.exercise.right_choices()]]
        self.matches = {
            left: widgets.Dropdown(options=choices, value=None, description=f"{left}:",
                                   layout=wide(), style=_WIDE_STYLE)
            for left in self.exercise.left}
        self.parts = {"matches": self.matches}
        return list(self.matches.values())

    @property
    def value(self):
        return {left: d.value for left, d in self.matches.items()}

    def set(self, answer):
        for left, d in self.matches.items():
            v = dict(answer).get(left)
            d.value = v if v in self.exercise.right else None
        return True

    def problem(self, answer):
        if any(v is None for v in answer.values()):
            return "Choose a match for every item first."
        return super().problem(answer)


class TagControl(Control):
    """The rhetorical device of a quote, from the catalogue, with its definition."""

    def build(self, learner):
        try:
            self.devices = load_devices()
            problem = None
        except (OSError, ValueError) as err:
            self.devices, problem = [], f"The list of devices cannot be read: {err}"
        self.device = widgets.Dropdown(
            options=[(_CHOOSE, None), *[(d.name, d.name) for d in self.devices]],
            value=None, description="Device:", layout=wide(), style=_WIDE_STYLE)
        self.definition = widgets.HTML(layout=wide())
        self.device.observe(self.on_device, names="value")
        quote = widgets.HTML(
            f'<blockquote dir="auto">{html.escape(str(self.exercise.quote or ""))}</blockquote>',
            layout=wide())
        self.parts = {"devices": self.devices, "device": self.device,
                      "definition": self.definition}
        out = [quote, self.device, self.definition]
        if problem:
            out.append(widgets.HTML(warning_html([problem])))
        return out

    def on_device(self, change) -> None:
        """Show the chosen device's definition."""
        found = [d for d in self.devices if d.name == change["new"]]
        self.definition.value = (f"<p><i>{html.escape(str(found[0].name))}</i>: "
                                 f"{html.escape(str(found[0].definition))}</p>"
                                 if found and found[0].definition else "")

    @property
    def value(self):
        return self.device.value

    def set(self, answer):
        if answer not in [d.name for d in self.devices]:
            return False
        self.device.value = answer
        return True


#: The control class of each exercise type.
CONTROLS: dict[str, type[Control]] = {
    "choice": ChoiceControl, "multi": MultiControl, "text": TextControl,
    "order": OrderControl, "match": MatchControl, "tag": TagControl}


def control_for(exercise: Exercise, learner: str) -> Control:
    """The controls for one exercise, shown in ``learner``'s option order.

    >>> control = control_for(Exercise("o", "order", "Earliest first?", items=["a", "b"]), "Ana")
    >>> control.set(["b", "a"]), control.value
    (True, ['b', 'a'])
    >>> control.problem(["a", "a"])
    'Use each item once. Used more than once: a.'
    """
    try:
        kind = CONTROLS[exercise.type]
    except KeyError:
        raise ValueError(f"unknown exercise type {exercise.type!r}") from None
    return kind(exercise, learner)
