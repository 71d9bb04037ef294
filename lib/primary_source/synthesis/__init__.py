"""The closing synthesis: a historical question, evidence cards, claim-evidence-reasoning, corroboration."""

from __future__ import annotations

from primary_source.synthesis.argument import (
    Argument,
    argument_from_answer,
    build_argument,
)
from primary_source.synthesis.checks import (
    argument_problems,
)
from primary_source.synthesis.corroboration import (
    CORROBORATION,
    corroboration_table,
)
from primary_source.synthesis.evidence import (
    TIMELINE_WINDOW,
    Evidence,
    document_evidence,
    evidence_cards,
    evidence_table,
    provenance_evidence,
    timeline_evidence,
)
from primary_source.synthesis.limits import (
    LIMITS,
    WRITTEN_FOR,
    limits_table,
)
from primary_source.synthesis.questions import (
    ALL_PARTS_PRESENT,
    ANSWER_ID,
    DEFAULT_QUESTION,
    KIND_HEADINGS,
    KIND_LABELS,
    KINDS,
    NOTEBOOK,
    QUESTIONS,
    Question,
    question_by_id,
)
from primary_source.synthesis.rendering import (
    argument_html,
    rubric_html,
)
from primary_source.synthesis.rubric import (
    RUBRIC,
    Criterion,
    rubric_table,
)

__all__ = [
    "ALL_PARTS_PRESENT",
    "ANSWER_ID",
    "Argument",
    "CORROBORATION",
    "Criterion",
    "DEFAULT_QUESTION",
    "Evidence",
    "KINDS",
    "KIND_HEADINGS",
    "KIND_LABELS",
    "LIMITS",
    "NOTEBOOK",
    "QUESTIONS",
    "Question",
    "RUBRIC",
    "TIMELINE_WINDOW",
    "WRITTEN_FOR",
    "argument_from_answer",
    "argument_html",
    "argument_problems",
    "build_argument",
    "corroboration_table",
    "document_evidence",
    "evidence_cards",
    "evidence_table",
    "limits_table",
    "provenance_evidence",
    "question_by_id",
    "rubric_html",
    "rubric_table",
    "timeline_evidence",
]
