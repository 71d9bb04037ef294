"""The questions the telegram cannot answer on its own, and where a historian would look next."""

from __future__ import annotations

from typing import Any

from primary_source.paths import document_id
from primary_source.synthesis.evidence import record_metadata

__all__ = [
    "LIMITS",
    "WRITTEN_FOR",
    "limits_table",
]


#: What the telegram cannot tell us, and where a historian would look next. Our own words.
LIMITS: tuple[dict[str, str], ...] = (
    {
        "id": "kim-reaction",
        "question": "What did Kim Il Sung really think of the message?",
        "why": (
            "The telegram only travels one way. What we know of Kim's reaction comes from "
            "Shtykov's report, an ambassador writing to his own superiors, and from a formal "
            "letter of thanks."
        ),
        "where_to_look": "Shtykov's reply of 31 August 1950; Kim's letter of 31 August 1950.",
        "related": "shtykov-reply-1950-08-31, kim-thanks-1950-08-31",
        "source": "shtykov-1950-08-31",
    },
    {
        "id": "aircraft",
        "question": "What did Moscow do about the aircraft offered in point 3?",
        "why": (
            "The offer is conditional (\"if it is necessary\") and names no number, date or "
            "crew. An offer is not a delivery: the telegram cannot show what was done about it."
        ),
        "where_to_look": (
            "Soviet military records and studies of the air war. Vasilevsky's report of "
            "23 September 1950 (Digital Archive record 112685) plans a Soviet fighter regiment "
            "to protect Pyongyang, not aircraft for the Korean air force. The MiG-15s that "
            "fought over the Yalu from 1 November 1950 were Soviet units covering China and "
            "the Yalu crossings (Xiaoming Zhang, Red Wings over the Yalu, 2002): a different "
            "thing from the offer of point 3."
        ),
        "related": "kim-pak-1950-09-29",
        "source": "\"Telegram, Vasilevsky to Stalin\", 23 September 1950, Wilson Center Digital "
                  "Archive, record 112685; Xiaoming Zhang, Red Wings over the Yalu: China, the "
                  "Soviet Union, and the Air War in Korea (College Station: Texas A&M "
                  "University Press, 2002).",
    },
    {
        "id": "advice-followed",
        "question": "Did Kim follow the advice to concentrate his air force at the front?",
        "why": (
            "The telegram gives advice; it cannot show what the Korean command did with it. "
            "North Korea's own archives are closed, but records that US forces captured in the "
            "North in 1950 are open at the US National Archives."
        ),
        "where_to_look": (
            "The captured North Korean records in Record Group 242 of the US National Archives "
            "(College Park, Maryland); military histories of the fighting at the Pusan "
            "Perimeter in September 1950, such as Roy E. Appleman, South to the Naktong, North "
            "to the Yalu (1961)."
        ),
        "related": "",
        "source": "Roy E. Appleman, South to the Naktong, North to the Yalu (June-November "
                  "1950), US Army Center of Military History, 1961; Youngjun Kim, \"Captured "
                  "North Korean Records: A Promising Source for the Korean War\", Wilson Center "
                  "blog post (National Archives, Record Group 242).",
    },
    {
        "id": "moscow-debates",
        "question": "How was the message decided in Moscow, and who else had a say?",
        "why": (
            "The telegram shows a decision, not how it was reached. It speaks in the name of the "
            "Central Committee, but it does not record any discussion among the Soviet leaders "
            "or with the military."
        ),
        "where_to_look": (
            "Other Kremlin records of the same weeks and studies based on them: Shen Zhihua, "
            "Mao, Stalin and the Korean War (2012); the documents translated in the Cold War "
            "International History Project Bulletin 6-7 (1995/1996)."
        ),
        "related": "stalin-1950-07-01, stalin-mao-1950-10-01",
        "source": "shen-2012",
    },
    {
        "id": "translation",
        "question": "What exactly did the Russian text say?",
        "why": (
            "We read an English translation of a Russian original we have not seen, and we do "
            "not know who translated it. Words such as \"interventionists\" or \"embarrassed\" "
            "are the translator's choices; the editor's [brackets] were added later."
        ),
        "where_to_look": (
            "The Russian text in the Presidential Archive (APRF, fond 45, opis 1, delo 347) or "
            "the Foreign Ministry archive (AVPRF, fond 059a, opis 5a, delo 4); another "
            "translation, if one is published."
        ),
        "related": "",
        "source": "weathersby-1996",
    },
)


#: The record that :data:`LIMITS` and :data:`CORROBORATION` were written for.
WRITTEN_FOR = "feng-xi-1950-08-28"


def limits_table(meta: Any = None, doc_id: str | None = None):
    """The questions the telegram cannot answer on its own, why, and where to look next.

    Columns: ``question``, ``why the telegram cannot tell us``, ``where to look``,
    ``related records`` (metadata ids), ``source`` (the full reference). The notes were written
    for the telegram (:data:`WRITTEN_FOR`): for another record the table is empty.
    """
    # lazy: pandas costs ~200 ms at import; ui.synthesis loads this module for lesson 05's first
    # cells (question picker, argument builder), which show no table
    import pandas as pd

    columns = ["question", "why the telegram cannot tell us", "where to look",
               "related records", "source"]
    if (doc_id or document_id()) != WRITTEN_FOR:
        return pd.DataFrame(columns=columns)
    meta = record_metadata(meta)
    cite = meta.cite if meta is not None else (lambda s: s)
    known = {r["id"] for r in meta.related()} if meta is not None else set()
    rows = []
    for limit in LIMITS:
        related = [r.strip() for r in limit["related"].split(",") if r.strip()]
        rows.append({
            "question": limit["question"],
            "why the telegram cannot tell us": limit["why"],
            "where to look": limit["where_to_look"],
            "related records": ", ".join(r for r in related if r in known),
            "source": " ".join(cite(limit["source"]).split()),
        })
    return pd.DataFrame(rows, columns=columns)
