"""docs/SOURCES.md lists every work and record the data cites, in one place and one style."""

from __future__ import annotations

import csv
import re

import pytest

from primary_source import paths
from primary_source.metadata import load_metadata
from primary_source.related import load_related

SOURCES = paths.project_root() / "docs" / "SOURCES.md"


def split_sources(text: str) -> list[str]:
    """A source cell split at the semicolons that separate works, not those inside brackets."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "([" and 1 or (-1 if ch in ")]" else 0)
        if ch == ";" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    return [p for p in (*parts, current.strip()) if p]


def key_of(piece: str) -> str:
    """What must be found in SOURCES.md for one cited work: its quoted title, its record
    number, or the title that follows the author's name."""
    piece = " ".join(piece.split())
    number = re.search(r"record (\d{6})", piece)
    if number:
        return number.group(1)
    quoted = re.findall(r'"([^"]{6,})"', piece) or re.findall(
        r"'(.{6,}?)'(?=[\s,;.)]|$)", piece)
    if quoted:
        return quoted[0].rstrip(",.")
    fields = [f.strip() for f in piece.split(",")]
    if re.search(r"\d|Resolution|Agreement|Communiqu|Bulletin", fields[0]) or len(fields) < 2:
        return fields[0]
    title = fields[1].split(" (")[0]
    return title if len(title) >= 12 else piece.split(",", 1)[1].strip()[:30]


def normal(text: str) -> str:
    text = text.replace("*", "").replace("\u2019", "'").replace("\u201c", '"').replace(
        "\u201d", '"')
    return " ".join(text.lower().split())


def cited_pieces() -> list[tuple[str, str]]:
    """(where, cited work) for every source named in the data files."""
    found = []
    data = paths.data_dir()
    for name in ("timeline.csv", "glossary.csv", "eras.csv"):
        with open(data / name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                found += [(name, p) for p in split_sources(row.get("source") or "")]
    for card in load_related():
        found += [("related.yaml", p) for p in split_sources(card.source)]
        found.append(("related.yaml", card.citation))
    for key, reference in load_metadata().sources().items():
        found.append((f"metadata sources.{key}", reference))
    return found


PIECES = cited_pieces()


def test_there_is_a_sources_page_in_one_style_with_its_sections():
    text = SOURCES.read_text(encoding="utf-8")
    for heading in ("## 1. The record", "## 2. Related records", "## 3. Other primary sources",
                    "## 4. Scholarship", "## 5. Reference works"):
        assert heading in text
    assert "https://digitalarchive.wilsoncenter.org/document/110696" in text


@pytest.mark.parametrize("where, piece", PIECES, ids=[f"{w}:{p[:40]}" for w, p in PIECES])
def test_every_source_named_in_the_data_is_on_the_sources_page(where, piece):
    key = key_of(piece)
    assert len(key) >= 4, (where, piece)
    assert normal(key) in normal(SOURCES.read_text(encoding="utf-8")), (
        f"{where} cites {piece!r}; add {key!r} to docs/SOURCES.md")


def test_every_permanent_address_of_a_card_is_on_the_sources_page():
    text = SOURCES.read_text(encoding="utf-8")
    for card in load_related():
        if card.url:
            assert card.url in text, card.id


def test_the_key_finder_reads_titles_record_numbers_and_authors():
    assert key_of("Chen Jian, China's Road to the Korean War: The Making, Columbia UP, 1994") \
        == "China's Road to the Korean War: The Making"
    assert key_of("Wilson Center Digital Archive, record 113658") == "113658"
    assert key_of("Kathryn Weathersby, 'To Attack or Not to Attack? Stalin', Bulletin 5") \
        == "To Attack or Not to Attack? Stalin"
    assert split_sources("A (x; y); B") == ["A (x; y)", "B"]
