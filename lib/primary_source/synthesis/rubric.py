"""The assessment rubric of the final argument: criteria, levels and their table."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Criterion",
    "RUBRIC",
    "rubric_table",
]


@dataclass(frozen=True)
class Criterion:
    """One line of the assessment rubric, with what each level looks like."""

    name: str
    looks_for: str
    beginning: str
    developing: str
    secure: str


#: The rubric for the final argument: four criteria, three levels each (no marks, no grade).
RUBRIC: tuple[Criterion, ...] = (
    Criterion(
        name="Claim",
        looks_for="Answers the question asked, with a judgement of degree.",
        beginning="Describes the telegram but does not answer the question.",
        developing="Answers the question, but all or nothing (\"Moscow controlled everything\").",
        secure="Gives a clear, qualified answer (how far, in what ways, and where it stops).",
    ),
    Criterion(
        name="Evidence",
        looks_for="Relevant evidence of more than one kind, quoted or cited accurately.",
        beginning="No evidence, or evidence that does not bear on the claim.",
        developing="Relevant evidence of one kind, or cited without saying where it comes from.",
        secure="Two or more pieces from the document, its provenance and the timeline, each "
               "with its source.",
    ),
    Criterion(
        name="Reasoning",
        looks_for="Explains how each piece of evidence supports the claim.",
        beginning="Lists the evidence without explaining it.",
        developing="Explains some of the evidence, or assumes the telegram tells the whole story.",
        secure="Links every piece to the claim and weighs what the source is: a secret message, "
               "in translation, written to persuade.",
    ),
    Criterion(
        name="Limits and corroboration",
        looks_for="Knows what the telegram cannot tell us and which records would help.",
        beginning="Does not mention any limit of the evidence.",
        developing="Names a limit, without saying how it could be checked.",
        secure="Names what the telegram cannot show and which related record or study would "
               "corroborate or challenge the claim.",
    ),
)


def rubric_table():
    """The rubric as a table: a row per criterion, a column per level."""
    # lazy: pandas costs ~200 ms at import; ui.synthesis loads this module for lesson 05's first
    # cells (question picker, argument builder), which show no table
    import pandas as pd

    return pd.DataFrame(
        [{"criterion": c.name, "looks for": c.looks_for, "beginning": c.beginning,
          "developing": c.developing, "secure": c.secure} for c in RUBRIC],
        columns=["criterion", "looks for", "beginning", "developing", "secure"])
