"""The exercise bank's public API: load and validate the YAML files, check an answer."""

from __future__ import annotations

from primary_source.exercise_bank.checking import answer_text, check_answer, real_attempt
from primary_source.exercise_bank.fairness import position_warnings
from primary_source.exercise_bank.model import (
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
from primary_source.exercise_bank.sources import load_devices
from primary_source.exercise_bank.student import strip_answers
from primary_source.exercise_bank.validation import (
    exercises_for,
    is_assessed,
    lesson_exercises,
    load_bank,
    load_with_problems,
    validate,
)

__all__ = [
    # the data (exercise_bank.model)
    "TYPES", "ASSESSED_FEEDBACK", "ANSWER_FIELDS", "MODEL_ANSWER_AFTER_WORDS", "Problem",
    "ExerciseFormatError", "Device",
    "Exercise", "Bank", "Result",
    # loading and validating (exercise_bank.validation, exercise_bank.sources)
    "load_bank", "load_with_problems", "validate", "exercises_for", "lesson_exercises", "is_assessed",
    "load_devices",
    # answers (exercise_bank.checking, exercise_bank.student)
    "check_answer", "answer_text", "real_attempt", "strip_answers",
    # fairness (exercise_bank.fairness)
    "position_warnings",
]
