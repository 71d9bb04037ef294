"""The exercise bank's public API: load and validate the YAML files, check an answer."""

from __future__ import annotations

from primary_source.exercises.checking import answer_text, check_answer, real_attempt
from primary_source.exercises.fairness import position_warnings
from primary_source.exercises.model import (
    ANSWER_FIELDS,
    ASSESSED_FEEDBACK,
    MODEL_ANSWER_AFTER_WORDS,
    TYPES,
    Bank,
    Device,
    Exercise,
    ExerciseFormatError,
    Problem,
    Result,
)
from primary_source.exercises.sources import load_devices
from primary_source.exercises.student import strip_answers
from primary_source.exercises.validation import (
    exercises_for,
    is_assessed,
    lesson_exercises,
    load_bank,
    load_with_problems,
    validate,
)

__all__ = [
    # the data (exercises.model)
    "TYPES", "ASSESSED_FEEDBACK", "ANSWER_FIELDS", "MODEL_ANSWER_AFTER_WORDS", "Problem",
    "ExerciseFormatError", "Device",
    "Exercise", "Bank", "Result",
    # loading and validating (exercises.validation, exercises.sources)
    "load_bank", "load_with_problems", "validate", "exercises_for", "lesson_exercises", "is_assessed",
    "load_devices",
    # answers (exercises.checking, exercises.student)
    "check_answer", "answer_text", "real_attempt", "strip_answers",
    # fairness (exercises.fairness)
    "position_warnings",
]
