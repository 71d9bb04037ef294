"""Print-ready handouts and teacher's keys for every lesson, from the exercise bank."""

from primary_source.handouts.content import (
    MATERIAL,
    Figure,
    LessonHandout,
    Material,
    QuestionView,
    answer_key,
    citation_and_address,
    lesson_handout,
    question_view,
)
from primary_source.handouts.rendering import (
    PAPERS,
    find_chromium,
    print_pdf,
    render_handout,
    write_handouts,
)

__all__ = [
    "MATERIAL", "Material", "QuestionView", "Figure", "LessonHandout", "question_view", "answer_key",
    "lesson_handout", "citation_and_address",
    "PAPERS", "render_handout", "find_chromium", "print_pdf", "write_handouts",
]
