"""What a lesson's handout holds: the source, the questions as students see them, and the key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from primary_source import load_document
from primary_source import timeline as tl
from primary_source.chainchart import chain_svg
from primary_source.citing import permanent_address
from primary_source.exercises.model import Bank, Exercise
from primary_source.journey import describe_chain
from primary_source.reading import blind_paragraphs

__all__ = ["Material", "MATERIAL", "QuestionView", "Figure", "LessonHandout", "question_view", "answer_key",
           "lesson_handout", "citation_and_address", "section_heading"]


@dataclass(frozen=True)
class Material:
    """What a lesson's handout prints before its questions.

    ``telegram`` is ``"full"`` (the record with its title), ``"blind"`` (the body only, with
    the author's name hidden, for the blind first reading: the source is named at the end) or
    ``""`` (none). ``timeline`` is a chart window ``(start, end)`` or ``None``; ``journey``
    adds the diagram of how the telegram travelled (lesson 01's journey explorer).
    """

    telegram: str = "full"
    timeline: tuple[str, str] | None = None
    journey: bool = False


#: The source each lesson works from, as the notebooks show it (any other lesson: the telegram).
MATERIAL = {
    "00_start_here": Material(telegram="blind"),
    "01_provenance": Material(telegram="full", journey=True),
    "02_context_timeline": Material(telegram="full", timeline=("1950-06", "1950-10")),
}


@dataclass
class QuestionView:
    """One exercise as printed: what the student reads, and (for the key only) the answer.

    ``choices`` are the options, order items, right-hand match items or devices, always in
    sorted order so that their place gives nothing away. ``key`` stays empty in a student view.
    """

    number: int
    id: str
    type: str
    prompt: str
    instruction: str
    choices: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    quote: str | None = None
    hint: str | None = None
    lines: int = 0
    points: float = 1.0
    key: list[tuple[str, str]] = field(default_factory=list)


_INSTRUCTIONS = {
    "choice": "Tick one box.",
    "multi": "Tick every box that applies.",
    "text": "Write your answer in the space below.",
    "order": "Number the items from 1 (earliest or first) in the boxes.",
    "match": "Write the letter of the matching item beside each line.",
    "tag": "Tick the device this passage uses, then say why in a sentence.",
}


def _sorted(items) -> list[str]:
    return sorted((str(i) for i in items), key=str.casefold)


def question_view(ex: Exercise, number: int, devices: list[str], *, key: bool) -> QuestionView:
    """The printed form of ``ex``; with ``key=False`` no answer field is read at all.

    >>> from primary_source.exercises import Exercise
    >>> ex = Exercise("x", "order", "Order them", items=["b", "c", "a"])
    >>> question_view(ex, 1, [], key=False).choices, question_view(ex, 1, [], key=False).key
    (['a', 'b', 'c'], [])
    """
    view = QuestionView(number, ex.id, ex.type, ex.prompt, _INSTRUCTIONS.get(ex.type, ""),
                        hint=ex.hint, points=ex.points)
    if ex.type in ("choice", "multi"):
        view.choices = _sorted(ex.options)
    elif ex.type == "order":
        view.choices = _sorted(ex.items)
    elif ex.type == "match":
        view.left = [str(x) for x in ex.left]
        view.choices = ex.right_choices()
    elif ex.type == "tag":
        view.quote = ex.quote
        view.choices = _sorted(devices)
        view.lines = 2
    elif ex.type == "text":
        view.lines = 8
    if key:
        view.key = answer_key(ex)
    return view


def answer_key(ex: Exercise) -> list[tuple[str, str]]:
    """The key of one exercise as ``(label, text)`` rows, for the teacher's copy only."""
    rows: list[tuple[str, str]] = []
    if ex.type == "choice" and ex.answer is not None:
        rows.append(("Answer", str(ex.answer)))
    elif ex.type == "multi":
        rows.append(("Answers", "; ".join(ex.answers)))
    elif ex.type == "order":
        rows.append(("Right order", "; ".join(f"{i}. {x}" for i, x in enumerate(ex.items, 1))))
    elif ex.type == "match":
        rows += [("Pair", f"{a} = {b}") for a, b in ex.pairs]
    elif ex.type == "tag" and ex.device:
        rows.append(("Device", ex.device))
    if ex.model_answer:
        rows.append(("Model answer", ex.model_answer))
    rows += [("Rubric", item) for item in ex.rubric]
    if ex.keywords:
        rows.append(("Words to look for", ", ".join(ex.keywords)))
    rows += [(f"Feedback on '{option}'", text) for option, text in ex.feedback.items()]
    return rows


def section_heading(section: str | None) -> str:
    """A section id as a heading.

    >>> section_heading("what-they-knew")
    'What they knew'
    """
    if not section:
        return "Questions"
    words = section.replace("_", "-").split("-")
    return " ".join(words).strip().capitalize()


def citation_and_address(doc=None) -> tuple[str, str]:
    """The record's citation and its permanent address (the metadata's ``stable_url`` when present).

    >>> citation_and_address()[1]
    'https://digitalarchive.wilsoncenter.org/document/110696'
    """
    doc = doc or load_document()
    address = permanent_address(doc) or ""
    citation = doc.citation
    if address and doc.url and doc.url != address:
        citation = citation.replace(doc.url, "").rstrip()
    return citation, address


@dataclass
class Figure:
    """A picture on the handout: its heading, the SVG, the same in words, and its sources."""

    heading: str
    svg: str
    text: list[str]
    #: Rows (date, event, source, note): where each date comes from (the timeline only).
    sources: list[dict] = field(default_factory=list)


@dataclass
class LessonHandout:
    """Everything one handout prints, for the student (``key=False``) or the teacher."""

    notebook: str
    title: str
    key: bool
    sections: list[tuple[str, list[QuestionView]]]
    material: Material
    document_title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    citation: str = ""
    address: str = ""
    figures: list[Figure] = field(default_factory=list)


def lesson_handout(bank: Bank, notebook: str, *, key: bool) -> LessonHandout:
    """The handout of one lesson from the bank (and the record and timeline it uses)."""
    stem = Path(notebook).stem
    material = MATERIAL.get(stem, Material())
    devices = [d.name for d in bank.devices]
    sections: dict[str, list[QuestionView]] = {}
    number = 0
    for ex in bank.for_notebook(stem):
        number += 1
        sections.setdefault(section_heading(ex.section), []).append(
            question_view(ex, number, devices, key=key))
    doc = load_document()
    citation, address = citation_and_address(doc)
    out = LessonHandout(stem, bank.titles.get(stem) or stem, key, list(sections.items()),
                        material, citation=citation, address=address)
    if material.telegram == "blind":
        out.paragraphs = blind_paragraphs(doc)
    elif material.telegram:
        out.document_title = doc.title
        out.paragraphs = [f"{p.number}. {p.text}" if p.number is not None else p.text
                          for p in doc.paragraphs]
    if material.journey:
        out.figures.append(Figure("How the telegram travelled", chain_svg(),
                                  describe_chain().splitlines()))
    if material.timeline:
        start, end = material.timeline
        table = tl.window_table(start=start, end=end)
        out.figures.append(Figure(
            "The timeline",
            tl.timeline_svg(tl.layout_timeline(start=start, end=end, width=760)),
            tl.describe(start=start, end=end).splitlines(),
            [{"date": str(row["Date"]), "event": str(row["Event"]),
              "source": str(row["Source"] or ""), "note": str(row["Note"] or "")}
             for row in table.to_dict("records")]))
    return out
