"""Archival references decoded level by level: what fond, opis, delo and listy are, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from primary_source.notices import metadata_or_none
from primary_source.references import LEVELS, ArchivalReference, parse_references

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from primary_source.metadata import Metadata
    from primary_source.record import Document

__all__ = ["LEVEL_INFO", "Level", "decode_reference", "decode_citation"]

#: What each level of a Russian archival reference is: (label, meaning, why it matters).
LEVEL_INFO: dict[str, tuple[str, str, str]] = {
    "archive": (
        "archive = repository",
        "The institution that keeps the paper today. Russian archives are usually cited by "
        "their initials.",
        "It tells you whose files the copy was kept in, and so who was meant to see it.",
    ),
    "fond": (
        "fond = collection",
        "The largest group of records inside an archive, usually all the papers of one "
        "institution, office or person.",
        "It places the document in the records of one body or person; the same number in "
        "another archive means something else.",
    ),
    "opis": (
        "opis = inventory",
        "A numbered list (inventory) of the files in a fond; a large fond has several opisi, "
        "each covering one series of files.",
        "File numbers restart in each inventory, so without the opis the file number is "
        "ambiguous.",
    ),
    "delo": (
        "delo = file",
        "One file (folder) of documents, often gathered by subject or period; the unit a "
        "researcher orders in the reading room.",
        "Documents in the same file are its neighbours: telegrams before and after it are the "
        "nearest context.",
    ),
    "papka": (
        "papka = box",
        "A box or folder that groups files; some archives, such as the Foreign Ministry's, add "
        "it as an extra level.",
        "In an archive that uses boxes, the box number is needed to find the file at all.",
    ),
    "listy": (
        "listy = sheets",
        "The numbers of the sheets (leaves) in the file that hold the document; one sheet is a "
        "list, several are listy. Sheets are numbered, not pages.",
        "They point to the exact place in the file; two separate ranges mean the document "
        "appears twice in the file, for example as two copies.",
    ),
}


@dataclass(frozen=True)
class Level:
    """One level of an archival reference, decoded for a reader."""

    archive: str
    level: str
    value: str
    label: str
    meaning: str
    why_it_matters: str

    @property
    def caption(self) -> str:
        """A one-line caption such as ``APRF › fond 45: collection``."""
        short = self.label.split("=", 1)[-1].strip()
        if self.level == "archive":
            return f"{self.archive}: {short}"
        return f"{self.archive} › {self.level} {self.value}: {short}"


def decode_reference(ref: ArchivalReference, meta: Metadata | None = None) -> list[Level]:
    """Each level of one archival reference, with what it is and why it matters.

    Levels the citation does not give (an archive without boxes has no papka) are left out.
    With curated metadata, the archive's full name, what is known of the fond, and the related
    records kept in the same file are added.

    >>> from primary_source.references import ArchivalReference
    >>> levels = decode_reference(ArchivalReference("APRF", fond="45", opis="1", delo="347"))
    >>> [lv.caption for lv in levels]
    ['APRF: repository', 'APRF › fond 45: collection', 'APRF › opis 1: inventory', \
'APRF › delo 347: file']
    """
    meta = metadata_or_none(meta)
    archives = {a["id"]: a for a in meta.archives()} if meta is not None else {}
    info = archives.get(ref.archive)
    levels = []
    for level in LEVELS:
        value = ref.archive if level == "archive" else getattr(ref, level)
        if not value:
            continue
        label, meaning, why = LEVEL_INFO[level]
        if level == "archive" and info:
            meaning = f"{info['name']} ({ref.archive}). {info['description']}"
        if level == "fond" and info:
            for fond in info.get("fonds") or []:
                if str(fond.get("fond")) == str(value):
                    meaning = f"{meaning} Here: {fond['description']}"
        if level == "delo" and meta is not None:
            neighbours = _same_file(ref, meta)
            if neighbours:
                why = f"{why} In this file: {'; '.join(neighbours)}."
        if level == "listy" and ref.note:
            why = f"{why} The citation marks these sheets as the {ref.note}."
        levels.append(Level(ref.archive, level, str(value), label, meaning, why))
    return levels


def _same_file(ref: ArchivalReference, meta: Metadata) -> list[str]:
    found = []
    for item in meta.related():
        for other in parse_references(str(item.get("archive_reference") or "")):
            if (other.archive, other.fond, other.opis, other.delo) == (
                    ref.archive, ref.fond, ref.opis, ref.delo) and other.listy:
                found.append(f"{item['title']} ({item['date']}), listy {other.listy}")
    return found


def decode_citation(doc: Document, meta: Metadata | None = None) -> pd.DataFrame:
    """Every level of every archival reference in a record's citation, as a table.

    Columns: ``reference`` (1, 2 ...), ``archive``, ``level``, ``value``, ``label``,
    ``meaning``, ``why_it_matters``, ``caption``.

    >>> from primary_source import load_document
    >>> decode_citation(load_document())[["archive", "level", "value"]].head(2).values.tolist()
    [['APRF', 'archive', 'APRF'], ['APRF', 'fond', '45']]
    """
    rows = []
    for number, ref in enumerate(doc.archival_references, start=1):
        for lv in decode_reference(ref, meta):
            rows.append({"reference": number, "archive": lv.archive, "level": lv.level,
                         "value": lv.value, "label": lv.label, "meaning": lv.meaning,
                         "why_it_matters": lv.why_it_matters, "caption": lv.caption})
    columns = ["reference", "archive", "level", "value", "label", "meaning", "why_it_matters",
               "caption"]
    return pd.DataFrame(rows, columns=columns)
