"""Generated archive records for timing the parser: varied dates, archives, scripts, line ends."""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass

__all__ = ["SampleRecord", "generate_records", "parse_rate"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
#: (as written in the citation, the short name the parser should give)
_ARCHIVES = (("APRF", "APRF"), ("AVPRF", "AVPRF"), ("AVP RF", "AVPRF"), ("АПРФ", "APRF"),
             ("RGASPI", "RGASPI"), ("РГАСПИ", "RGASPI"), ("ЦАМО", "TsAMO"), ("GARF", "GARF"))
#: fond, opis, delo, papka, listy in three styles: full words, Latin and Cyrillic abbreviations
_LEVELS = (("Fond", "Opis", "Delo", "Papka", "Listy"), ("f.", "op.", "d.", "p.", "ll."),
           ("ф.", "оп.", "д.", "п.", "лл."))
_PEOPLE = ("Feng Xi [Stalin]", "Kim II Sung", "Shtykov", "Vyshinsky", "Zhou Enlai",
           "Filippov [Stalin]", "Roshchin", "Ким Ир Сен")
_KINDS = ("Ciphered telegram", "Letter", "Record of conversation", "Report",
          "Шифртелеграмма", "Memorandum")
_ENGLISH = (
    "The CC VKP(b) [Central Committee, All-Union Communist Party (bolshevik)] salutes the "
    "comrades for their struggle.",
    "Advise the comrades not to scatter the air force, but to concentrate it on the front.",
    "If it is necessary, we can send additional aircraft [assault and fighter planes].",
    "Verbally transmit the following. If he demands it in written form, give it to him.",
)
_RUSSIAN = (
    "Передайте устно следующее. Если потребует в письменном виде — передайте без подписи.",
    "ЦК ВКП(б) приветствует товарища [Ким Ир Сена] и его друзей.",
    "Посоветуйте не распылять авиацию, а сосредоточить её на фронте.",
)


@dataclass(frozen=True)
class SampleRecord:
    """One generated record and what a correct parse must find in it."""

    text: str
    date: dt.date
    archives: tuple[str, ...]
    points: int


def _date_text(day: dt.date, rng: random.Random) -> str:
    month = _MONTHS[day.month - 1]
    style = rng.randrange(4)
    if style == 0:
        return f"{month} {day.day}, {day.year}"
    if style == 1:
        return f"{day.day} {month} {day.year}"
    if style == 2:
        return f"{month[:3]}. {day.day}, {day.year}"
    return day.isoformat()


def _reference(rng: random.Random, first: bool) -> tuple[str, str]:
    written, short = rng.choice(_ARCHIVES)
    f, op, d, p, ll = rng.choice(_LEVELS)
    parts = [written, f"{f} {rng.randint(1, 99)}{rng.choice(['', 'a'])}",
             f"{op} {rng.randint(1, 9)}", f"{d} {rng.randint(1, 900)}"]
    if rng.random() < 0.5:
        parts.append(f"{p} {rng.randint(1, 40)}")
    start = rng.randint(1, 200)
    parts.append(f"{ll} {start}-{start + rng.randint(1, 4)}")
    text = ", ".join(parts)
    if rng.random() < 0.3:
        text += " (original copy)"
    return (text if first else rng.choice(["and ", "и ", ""]) + text), short


def _sample(i: int, rng: random.Random) -> SampleRecord:
    day = dt.date(1945, 1, 1) + dt.timedelta(days=rng.randrange(365 * 9))
    russian = rng.random() < 0.3
    kind = rng.choice(_KINDS)
    title = f"{kind} from {rng.choice(_PEOPLE)} to {rng.choice(_PEOPLE)} (no. {i})"
    refs = [_reference(rng, n == 0) for n in range(rng.choice((1, 1, 2, 3)))]
    citation = (f'"{title}", {_date_text(day, rng)}, Wilson Center Digital Archive, '
                + "; ".join(text for text, _ in refs)
                + f" https://digitalarchive.wilsoncenter.org/document/{100000 + i}")
    gap = [""] * rng.randint(1, 3)
    lines = [f"{_date_text(day, rng)} {title}", *gap, "Citation:", "", citation, *gap]
    if rng.random() < 0.8:
        lines += ["Summary:", "", f"A generated record for timing the parser, number {i}.", ""]
    if rng.random() < 0.7:
        lines += ["Original Language:", "", "Russian", ""]
    lines += ["Contents:", "", "Translation - Russian" if russian else "Translation - English",
              ""]
    sentences = _RUSSIAN if russian else _ENGLISH
    points = rng.randint(0, 4)
    lines += [rng.choice(sentences), ""]
    for n in range(1, points + 1):
        lines += [f"- {n}. {rng.choice(sentences)} {rng.choice(sentences)}", ""]
    lines.append(rng.choice(["Feng Xi [Stalin]", "Филиппов", "Shtykov"]))
    newline = "\r\n" if rng.random() < 0.4 else "\n"
    text = ("\ufeff" if rng.random() < 0.1 else "") + newline.join(lines) + newline
    return SampleRecord(text, day, tuple(short for _, short in refs), points)


def generate_records(n: int = 1000, seed: int = 1950) -> list[SampleRecord]:
    """``n`` varied records in the published format, the same for the same ``seed``.

    They vary the date style (``August 28, 1950``, ``28 August 1950``, ``Aug. 28, 1950``,
    ``1950-08-28``), the archives (one to three, Latin or Cyrillic names), the level labels
    (full words, ``f./op./d./ll.`` or ``ф./оп./д./лл.``), papka present or absent, missing
    Summary or Original Language sections, Russian or English bodies, numbered points,
    CRLF line ends, a byte-order mark and extra blank lines.

    >>> sample = generate_records(1)[0]
    >>> sample.text.lstrip("\\ufeff")[:1].isalnum()
    True
    """
    rng = random.Random(seed)
    return [_sample(i, rng) for i in range(n)]


def parse_rate(samples: list[SampleRecord], rounds: int = 3) -> dict:
    """Records parsed per second: ``parse_record`` plus reading references and paragraphs.

    The best of ``rounds`` passes over all the samples is reported, with every pass listed.
    """
    from primary_source.record import parse_record

    rates = []
    for _ in range(max(rounds, 1)):
        start = time.perf_counter()
        for sample in samples:
            doc = parse_record(sample.text)
            doc.archival_references  # noqa: B018 - decoding the citation is part of parsing
            doc.paragraphs  # noqa: B018
        rates.append(len(samples) / (time.perf_counter() - start))
    return {"records": len(samples), "per_s": round(max(rates), 1),
            "rounds_per_s": [round(r, 1) for r in rates]}
