"""The historical questions of the synthesis, the kinds of evidence and where the answer is saved."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ANSWER_ID",
    "NOTEBOOK",
    "KINDS",
    "KIND_LABELS",
    "KIND_HEADINGS",
    "ALL_PARTS_PRESENT",
    "Question",
    "QUESTIONS",
    "DEFAULT_QUESTION",
    "question_by_id",
]


#: The learner answer under which the claim-evidence-reasoning argument is saved.
ANSWER_ID = "05-cer-argument"
#: The lesson that saves it.
NOTEBOOK = "05_synthesis"

#: The three places evidence comes from, in the order they are shown.
KINDS = ("document", "provenance", "timeline")
#: Short names of the kinds, for menus and filters.
KIND_LABELS = {"document": "the document", "provenance": "its provenance",
               "timeline": "the timeline"}
#: Headings of the kinds in the argument preview and the portfolio.
KIND_HEADINGS = {"document": "From the document", "provenance": "From its provenance",
                 "timeline": "From the timeline"}

#: What the check says when an argument has every part it needs.
ALL_PARTS_PRESENT = (
    "Your argument has all its parts: a claim, evidence of more than one kind, and reasoning "
    "that uses the evidence. Now read it as a doubter would: which piece of evidence is the "
    "weakest, and what would you need to make your claim stronger?"
)


@dataclass(frozen=True)
class Question:
    """A historical question the document can help answer, with advice on how to start."""

    id: str
    text: str
    think: str
    helpful: tuple[str, ...] = ()


#: The questions a learner may argue about; the first is the default.
QUESTIONS: tuple[Question, ...] = (
    Question(
        id="moscow-direct",
        text="How far did Moscow direct North Korea's war in the summer of 1950?",
        think=(
            "\"How far\" asks for a judgement of degree, somewhere between \"not at all\" and "
            "\"completely\". Decide where the evidence puts Moscow, and what kind of direction "
            "it was: orders, advice, supplies, encouragement or permission."
        ),
        helpful=(
            "point 3 of the telegram, where advice on the air force is given and aircraft are "
            "offered",
            "the instruction to pass the message on by word of mouth and unsigned",
            "Shtykov's report of how Kim Il Sung received the message",
            "what Moscow had decided before the war began, and what it asked of China after "
            "Inchon",
        ),
    ),
    Question(
        id="hidden-role",
        text="Why did Moscow keep its part in North Korea's war hidden, and how well did it "
             "succeed?",
        think=(
            "Look for every choice that hides the author: the pseudonym, the spoken message, "
            "the missing signature, the ambassador in between. Then follow the telegram's "
            "journey: when, and how, did the world learn who wrote it?"
        ),
        helpful=(
            "the instruction to the ambassador and the signature \"Feng Xi\"",
            "the people in the record and the names they used",
            "the archival events: memoirs in 1970, archives opening in the early 1990s, the "
            "documents released in 1994",
        ),
    ),
    Question(
        id="kim-morale",
        text="What worried Moscow about North Korea's war at the end of August 1950?",
        think=(
            "A message of encouragement tells you what its writer feared. Ask what point 2 is "
            "answering, and set it beside what was happening at the front in August 1950."
        ),
        helpful=(
            "point 2 of the telegram: \"should not be embarrassed\", \"not alone\"",
            "the battles at the Pusan Perimeter and the Naktong",
            "Shtykov's report that some members of the Political Council were in low spirits",
        ),
    ),
)

#: The question the lesson starts with.
DEFAULT_QUESTION = QUESTIONS[0]


def question_by_id(question_id: str | None) -> Question:
    """A question by its id (the default question for an unknown or empty id).

    >>> question_by_id("kim-morale").id
    'kim-morale'
    >>> question_by_id("no-such-question") is DEFAULT_QUESTION
    True
    """
    for question in QUESTIONS:
        if question.id == question_id:
            return question
    return DEFAULT_QUESTION
