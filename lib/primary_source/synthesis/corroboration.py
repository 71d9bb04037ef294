"""What each related record would add to the telegram, and what the telegram alone cannot tell."""

from __future__ import annotations

from typing import Any

from primary_source.metadata import date_label
from primary_source.synthesis.evidence import record_metadata

__all__ = [
    "CORROBORATION",
    "corroboration_table",
]


#: For each related record of the metadata (by its id): what it would add to the telegram,
#: and what the telegram alone cannot tell us that this record speaks to. Our own words.
CORROBORATION: dict[str, dict[str, str]] = {
    "shtykov-reply-1950-08-31": {
        "would_add": (
            "Confirms that the message arrived and was delivered, and how: Shtykov told Kim, Kim "
            "wrote it down and read it to Pak Hon-yong. It also gives a reaction: Kim was "
            "pleased and wanted to read it to his party's Political Council because some of its "
            "members were in low spirits."
        ),
        "telegram_cannot_tell": (
            "Whether the message reached Kim at all, and how he took it. But this is still "
            "Shtykov's account, written for his superiors in Moscow: it tells us what the "
            "ambassador chose to report, not what Kim thought."
        ),
    },
    "stalin-1950-07-01": {
        "would_add": (
            "An earlier message on the same channel and under the same signature, a week into "
            "the war: Moscow asks about the Korean command's plans, insists that the attack "
            "must go on, and promises ammunition and equipment. "
            "Set beside the telegram of 28 August it shows a pattern of close attention over the "
            "whole summer, not a single piece of advice."
        ),
        "telegram_cannot_tell": (
            "Whether the advice of 28 August was unusual or part of a steady flow of questions, "
            "advice and supplies from Moscow."
        ),
    },
    "kim-thanks-1950-08-31": {
        "would_add": (
            "Kim Il Sung's own words, in a letter of thanks written at the instruction of his "
            "party's Political Council. The Foreign Ministry's covering note of 28 September "
            "also lists Korean requests sent with it, among them training for Korean pilots in "
            "the Soviet Union."
        ),
        "telegram_cannot_tell": (
            "How the Korean leaders answered in their own voice. A formal letter of thanks to a "
            "powerful ally is not a private diary, though: read it for what Kim wanted Stalin "
            "to hear."
        ),
    },
    "kim-pak-1950-09-29": {
        "would_add": (
            "A month later, after the Inchon landing, Kim and Pak describe their losses under "
            "American air and ground attack and ask Stalin for direct military help. It shows "
            "what the promised aid had, and had not, done by the end of September."
        ),
        "telegram_cannot_tell": (
            "What happened next: whether the confidence of 28 August was justified, and how "
            "dependent on Moscow the North Korean leaders felt when the war turned."
        ),
    },
    "stalin-mao-1950-10-01": {
        "would_add": (
            "Stalin's answer to the crisis: he asks the Chinese leaders to send troops as "
            "volunteers, rather than sending Soviet soldiers. It shows how far Moscow was "
            "willing to go itself, and where it stopped."
        ),
        "telegram_cannot_tell": (
            "The limits of Soviet help. The telegram says Korea \"has allies\" without naming "
            "them; this record shows which ally Stalin expected to do the fighting."
        ),
    },
}


def corroboration_table(meta: Any = None):
    """What each related record would add to the telegram, and what the telegram alone cannot
    tell us, one row per record of the metadata's ``related:`` (by reference only).

    Columns: ``id``, ``date``, ``record``, ``reference``, ``would add``,
    ``the telegram alone cannot tell us``. Empty when the document has no metadata file.

    >>> corroboration_table()["id"].iloc[0]
    'shtykov-reply-1950-08-31'
    """
    # lazy: pandas costs ~200 ms at import; ui.synthesis loads this module for lesson 05's first
    # cells (question picker, argument builder), which show no table
    import pandas as pd

    columns = ["id", "date", "record", "reference", "would add",
               "the telegram alone cannot tell us"]
    meta = record_metadata(meta)
    if meta is None:
        return pd.DataFrame(columns=columns)
    rows = []
    for rec in meta.related():
        ours = CORROBORATION.get(rec["id"], {})
        try:
            date = date_label(rec["date"], rec.get("precision", "day"))
        except (ValueError, TypeError):
            date = str(rec.get("date", ""))
        reference = str(rec.get("archive_reference") or "").strip()
        if rec.get("record"):
            reference = f"Wilson Center Digital Archive, record {rec['record']}; {reference}"
        rows.append({
            "id": rec["id"],
            "date": date,
            "record": " ".join(str(rec["title"]).split()),
            "reference": " ".join(reference.split()),
            "would add": ours.get("would_add") or " ".join(str(rec["summary"]).split()),
            "the telegram alone cannot tell us": ours.get(
                "telegram_cannot_tell",
                "Read it beside the telegram: what does it confirm, add or contradict?"),
        })
    return pd.DataFrame(rows, columns=columns)
