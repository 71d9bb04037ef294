"""Exercise widgets: one per exercise type, saved at every submission, shown in YAML order."""

from __future__ import annotations

import ipywidgets as widgets

from primary_source.exercises import Exercise, ExerciseFormatError, lesson_exercises
from primary_source.handin import teacher_feedback
from primary_source.palette import OKABE_ITO
from primary_source.responses import current_learner, read_answers
from primary_source.ui.exercise_box import ExerciseBox
from primary_source.ui.notes import escape, note_html, warning_html

__all__ = ["ExerciseBox", "ExerciseSection", "exercise_widget", "exercise_section"]



class ExerciseSection(widgets.VBox):
    """The exercises of one notebook section; ``exercises`` holds the ``ExerciseBox`` es."""

    exercises: list[ExerciseBox]
    warning: widgets.HTML


def exercise_widget(exercise: Exercise, learner: str | None = None) -> ExerciseBox:
    """One exercise as a widget, pre-filled with the learner's saved answer.

    A damaged answers file is moved aside (never overwritten), and the box says so.
    """
    loaded = read_answers(learner or current_learner())
    box = ExerciseBox(exercise, learner=learner, saved=loaded.answers.get(exercise.id))
    if loaded.notices:
        box.feedback.value = warning_html(loaded.notices)
    return box


def exercise_section(notebook: str, section: str | None = None,
                     learner: str | None = None) -> ExerciseSection:
    """Every exercise of a notebook (and section), in YAML order, with saved answers shown.

    Instructors change what a notebook asks by editing ``data/exercises/<notebook>.yaml``.

    >>> box = exercise_section("00_start_here", "observe")   # doctest: +SKIP
    """
    box = ExerciseSection()
    box.exercises = []
    box.warning = widgets.HTML()
    try:
        found, skipped = lesson_exercises(notebook, section)
    except ExerciseFormatError as err:
        items = "".join(f"<li><code>{escape(p)}</code></li>" for p in err.problems)
        box.warning.value = note_html("<b>These exercises cannot be shown:</b> the exercise file has "
                                  f"problems. Ask your teacher to fix them.<ul>{items}</ul>",
                                  OKABE_ITO["vermillion"], role="alert")
        box.children = [box.warning]
        return box
    except FileNotFoundError as err:
        box.warning.value = note_html(f"<b>No exercises found:</b> {escape(err)}",
                                  OKABE_ITO["vermillion"], role="alert")
        box.children = [box.warning]
        return box
    try:
        loaded = read_answers(learner or current_learner())
        saved, warned = loaded.answers, loaded.notices
    except OSError as err:
        saved, warned = {}, [f"Your saved answers cannot be read: {err}"]
    if warned:
        box.warning.value = warning_html(warned)
    box.exercises = [ExerciseBox(ex, learner=learner, saved=saved.get(ex.id), number=i + 1)
                     for i, ex in enumerate(found)]
    comments = teacher_feedback()  # comments returned through a class hub
    for b in (b for b in box.exercises if comments.get(b.exercise.id)):
        b.teacher_feedback = widgets.HTML(note_html(
            f"<b>Your teacher's feedback:</b> {escape(comments[b.exercise.id])}", OKABE_ITO["blue"]))
        b.children = (*b.children, b.teacher_feedback)
    if skipped:
        items = "".join(f"<li><code>{escape(p)}</code></li>" for p in skipped)
        box.warning.value += note_html(
            f"<b>{len(skipped)} exercise{'s' if len(skipped) != 1 else ''} left out:</b> "
            "the words quoted in each are not in the document these lessons now read. "
            "To give this document its own questions, see docs/INSTRUCTOR.md "
            f"(\u201cUsing another document\u201d).<ul>{items}</ul>", OKABE_ITO["orange"])
    if not found and not skipped:
        what = f"section {section!r} of {notebook}" if section else notebook
        box.warning.value += note_html(f"There are no exercises in {escape(what)}.")
    box.children = [box.warning, *box.exercises]
    return box
