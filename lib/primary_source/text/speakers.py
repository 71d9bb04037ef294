"""Who speaks and who is addressed in each paragraph, with the words that show it."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from primary_source.text.kinds import classify_sentence
from primary_source.text.paragraphs import paragraph_units
from primary_source.text.people import canonical_person, phrase_pattern
from primary_source.text.segmenting import sentences

__all__ = [
    "VOICE_MARKERS",
    "voices",
]


#: Who speaks and who is spoken to or about: column label -> phrases that mark it.
VOICE_MARKERS: dict[str, tuple[str, ...]] = {
    "I/me/my": ("I", "me", "my", "mine"),
    "we/our/us": ("we", "our", "us", "ours"),
    "you/your": ("you", "your", "yours"),
    "Comrade …": ("Comrade", "comrades"),
    "the Russians": ("the Russians", "Russians"),
    "the Korean people": ("the Korean people", "Korean people"),
    "CC VKP(b)": ("CC VKP(b)", "Central Committee"),
}


def _count_phrases(text: str, phrases) -> int:
    """How often any of ``phrases`` occurs (case-insensitive; "US" in capitals is not "us")."""
    if not phrases:
        return 0
    return sum(1 for m in phrase_pattern(phrases).finditer(text) if m.group(0) != "US")


def voices(doc: Any, markers: dict[str, tuple[str, ...]] | None = None,
           editorial: bool = False):
    """Per paragraph: who speaks, who is addressed, and the words that show it.

    Parameters
    ----------
    doc : Document or str
    markers : dict, optional
        Column label -> phrases to count; defaults to :data:`VOICE_MARKERS` (I/me/my, we/our/us,
        you/your, Comrade …, the Russians, the Korean people, CC VKP(b)).
    editorial : bool
        Count inside the translator's ``[brackets]`` too (default: no).

    Returns
    -------
    pandas.DataFrame
        ``paragraph``, ``label``, ``speaker``, ``addressed`` (plain-language readings of the
        markers), then one count column per marker. "I" is matched only as a capital.

    >>> row = voices("- 1. We can help. Tell Comrade Kim.").iloc[0]
    >>> row["speaker"]
    '"we": a collective voice'
    >>> row["addressed"]
    'the reader of the telegram, told what to do; Comrade Kim, spoken of'

    """
    markers = dict(VOICE_MARKERS if markers is None else markers)
    rows = []
    for unit in paragraph_units(doc, editorial=editorial):
        text = unit["text"]
        counts = {}
        for label, phrases in markers.items():
            sensitive = [p for p in phrases if p == "I"]
            others = [p for p in phrases if p != "I"]
            counts[label] = (_count_phrases(text, others)
                             + (len(re.findall(r"(?<![\w'])I(?![\w'])", text)) if sensitive else 0))
        speaker = []
        if counts.get("I/me/my"):
            speaker.append('"I": the signer')
        if counts.get("we/our/us"):
            speaker.append('"we": a collective voice')
        if re.match(r"^(?:The\s+)?CC\s+VKP\(b\)", text) or re.search(
                r"[.!?]\s+(?:The\s+)?CC\s+VKP\(b\)\s", text):
            speaker.append("CC VKP(b), speaking of itself in the third person")
        addressed = []
        if counts.get("you/your"):
            addressed.append('"you"')
        kinds = [classify_sentence(s) for s in sentences(text)]
        if any(kind == "directive" and reason.startswith("begins with the imperative")
               for kind, reason in kinds) or any("main clause is the order" in reason
                                                 for _, reason in kinds):
            addressed.append("the reader of the telegram, told what to do")
        comrades = re.findall(r"\b[Cc]omrade\s+((?:[A-Z][\w-]*\s?){1,3})", text)
        for name in comrades:
            name = name.strip()
            who = canonical_person(name) or name
            phrase = f"Comrade {name.split()[0]}" if who == name else f"Comrade {who.split()[0]}"
            entry = f"{phrase}, spoken of"
            if entry not in addressed:
                addressed.append(entry)
        rows.append({"paragraph": unit["number"], "label": unit["label"],
                     "speaker": "; ".join(speaker) or "not marked",
                     "addressed": "; ".join(addressed) or "not marked", **counts})
    columns = ["paragraph", "label", "speaker", "addressed", *markers]
    table = pd.DataFrame(rows, columns=columns)
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table
