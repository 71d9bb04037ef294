"""Archival references read out of a citation: archive, fond, opis, delo, papka and listy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ArchivalReference", "ARCHIVE_ALIASES", "LEVELS", "canonical_archive", "parse_references"]

#: The levels of a Russian archival reference, from the largest unit to the page.
LEVELS = ("archive", "fond", "opis", "delo", "papka", "listy")

#: Other spellings of the archives these records come from, mapped to one short name.
ARCHIVE_ALIASES = {
    "AVPRF": "AVPRF",
    "AVP": "AVPRF",
    "АВПРФ": "AVPRF",
    "APRF": "APRF",
    "АПРФ": "APRF",
    "ARCHIVE OF THE PRESIDENT OF THE RUSSIAN FEDERATION": "APRF",
    "PRESIDENTIAL ARCHIVE": "APRF",
    "ARCHIVE OF FOREIGN POLICY OF THE RUSSIAN FEDERATION": "AVPRF",
    "FOREIGN POLICY ARCHIVE OF THE RUSSIAN FEDERATION": "AVPRF",
    "RGASPI": "RGASPI",
    "РГАСПИ": "RGASPI",
    "TSAMO": "TsAMO",
    "ЦАМО": "TsAMO",
    "GARF": "GARF",
    "ГАРФ": "GARF",
    "RGANI": "RGANI",
    "РГАНИ": "RGANI",
}

_LEVEL_PATTERNS = {
    "fond": r"fond|f\.|ф\.|фонд",
    "opis": r"opis'?|op\.|оп\.|опись",
    "delo": r"delo|d\.|д\.|дело",
    "papka": r"papka|p\.|п\.|папка",
    "listy": r"listy|listi|list|ll\.|l\.|лл\.|л\.|листы|лист",
}
_LEVEL_RE = re.compile(
    r"^(?P<level>" + "|".join(f"(?P<{k}>{v})" for k, v in _LEVEL_PATTERNS.items()) + r")"
    r"(?=[\s\d]|$)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_PAGES_RE = re.compile(r"^\d+[a-zа-я]?(?:\s*ob\.?)?(?:\s*[-\u2013]\s*\d+[a-zа-я]?(?:\s*ob\.?)?)?$",
                       re.IGNORECASE)
_STOP_RE = re.compile(r"(?<!\bob)(?<!\bоб)\.$", re.IGNORECASE)  # not the stop of "ob." (verso)
_NOTE_RE = re.compile(r"\(([^()]*)\)")
_URL_RE = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class ArchivalReference:
    """Where one archive keeps the record. Levels the citation does not give are ``None``."""

    archive: str
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    papka: str | None = None
    listy: str | None = None
    note: str | None = None
    raw: str = field(default="", compare=False, repr=False)


def canonical_archive(name: str) -> str:
    """One short name for an archive however the citation spells it.

    >>> canonical_archive("AVP RF"), canonical_archive("A.P.R.F."), canonical_archive("Hoover")
    ('AVPRF', 'APRF', 'Hoover')
    """
    cleaned = re.sub(r"\s+", " ", name).strip(" ,;.")
    squeezed = re.sub(r"[\s.]", "", cleaned).upper()
    if squeezed in ARCHIVE_ALIASES:
        return ARCHIVE_ALIASES[squeezed]
    return ARCHIVE_ALIASES.get(cleaned.upper(), cleaned)


def _archive_name(token: str) -> str:
    """The archive named by the text before a fond: its last clause, without 'and'."""
    token = re.sub(r"^(?:and|и)\s+", "", token.strip(), flags=re.IGNORECASE)
    return canonical_archive(token)


def _without_stop(value: str) -> str:
    """A value without the full stop that ends the citation: ``4-5.`` is sheets ``4-5``.

    >>> _without_stop("4-5."), _without_stop("5 ob."), _without_stop("5")
    ('4-5', '5 ob.', '5')
    """
    return _STOP_RE.sub("", value).rstrip()


def _strip_preamble(citation: str) -> str:
    text = _URL_RE.sub("", citation)
    # The citation opens with the quoted title, then the date and the publisher.
    text = re.sub(r'^\s*["\u201c][^"\u201d]*["\u201d]\s*,?', "", text)
    return text


def parse_references(citation: str) -> list[ArchivalReference]:
    """Every archival reference in a citation, in the order given.

    Full words (``Fond``, ``Opis``, ``Delo``, ``Papka``, ``Listy``), the usual abbreviations
    (``f.``, ``op.``, ``d.``, ``p.``, ``l.``, ``ll.``) and their Russian forms are understood;
    a parenthesised remark such as "(original copy)" becomes the ``note``.

    >>> refs = parse_references("APRF, f. 45, op. 1, d. 347, ll. 5-6 (copy); and AVP RF, f. 06")
    >>> [(r.archive, r.fond, r.listy, r.note) for r in refs]
    [('APRF', '45', '5-6', 'copy'), ('AVPRF', '06', None, None)]
    """
    tokens = [t.strip() for t in re.split(r"[,;]", _strip_preamble(citation))]
    refs: list[ArchivalReference] = []
    current: dict[str, str | None] | None = None
    previous = ""
    last_level = None

    def close():
        if current is not None:
            refs.append(ArchivalReference(**current))

    for token in tokens:
        if not token:
            continue
        note_match = _NOTE_RE.search(token)
        note = note_match.group(1).strip() if note_match else None
        bare = _NOTE_RE.sub("", token).strip()
        level_match = _LEVEL_RE.match(bare)
        if level_match and level_match.group("value").strip():
            level = next(k for k in _LEVEL_PATTERNS if level_match.group(k))
            value = _without_stop(level_match.group("value").strip())
            if level == "fond" or current is None or current.get(level):
                close()
                current = {"archive": _archive_name(previous) if previous else "unknown archive",
                           "raw": ""}
            current[level] = value
            current["raw"] = (current["raw"] + ", " + token).lstrip(", ")
            if note:
                current["note"] = note
            last_level = level
        elif (current is not None and last_level == "listy"
              and _PAGES_RE.match(_without_stop(bare))):
            current["listy"] = f"{current['listy']}, {_without_stop(bare)}"
            current["raw"] += ", " + token
            if note:
                current["note"] = note
        else:
            if current is not None and note and not bare:
                current["note"] = note
            last_level = None
            previous = bare
            continue
        previous = ""
    close()
    return refs
