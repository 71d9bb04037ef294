"""The glossary: load and check it, find its terms in a text, and mark them up as HTML."""

from __future__ import annotations

import csv
import html
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from primary_source.paths import glossary_path
from primary_source.problems import DataFileError

__all__ = [
    "COLUMNS",
    "GlossaryError",
    "TERM_STYLE",
    "load_glossary",
    "find_terms",
    "mark_terms_html",
    "define",
]

#: The columns of ``data/glossary.csv``, in order.
COLUMNS = ("term", "variants", "definition", "source")

#: How a glossary term looks in the reader: a dotted underline and a help cursor, so the mark
#: does not rely on colour alone.
TERM_STYLE = "text-decoration: underline dotted; text-underline-offset: 0.2em; cursor: help;"


class GlossaryError(DataFileError):
    """A glossary file that cannot be used, naming the file, the line and the field.

    >>> str(GlossaryError("is empty", path="glossary.csv", line=4, field="source"))
    'glossary.csv:4: source: is empty'
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 field: str | None = None):
        super().__init__(path or "glossary", line, field, message)


def load_glossary(path: str | Path | None = None):
    """Read and check the glossary.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns ``term, variants, definition, source`` (variants separated
        by ``|``); by default ``data/glossary.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per term, in file order, with ``variants`` as a list of strings and a ``line``
        column (the line of the file where the row starts).

    Raises
    ------
    GlossaryError
        Naming the file, the line and the field: a missing column, an empty term, definition or
        source, or a term listed twice.

    >>> glossary = load_glossary()
    >>> glossary.set_index("term").loc["opis", "definition"].split(",")[0]
    'A list of the files inside a fond'
    """
    if path is None:
        path = glossary_path()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GlossaryError("file not found", path=path) from None
    except UnicodeDecodeError as err:
        raise GlossaryError(f"not UTF-8 text (byte {err.start})", path=path,
                            line=err.object[:err.start].count(b"\n") + 1) from None
    except OSError as err:  # a folder, a file we may not read
        raise GlossaryError(f"cannot be read ({err.strerror or err})", path=path) from None
    reader = csv.reader(text.splitlines(keepends=True))
    try:
        return _rows(reader, path)
    except csv.Error as err:  # a field over the csv module's size limit, a NUL byte
        raise GlossaryError(f"not a readable CSV row ({err})", path=path,
                            line=max(reader.line_num, 1), field="row") from None


def _rows(reader, path: Path):
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise GlossaryError("the file is empty", path=path, line=1) from None
    for column in COLUMNS:
        if column not in header:
            raise GlossaryError(f"the header has no '{column}' column "
                                f"(expected: {', '.join(COLUMNS)})", path=path, line=1,
                                field=column)
    rows, seen = [], {}
    line = reader.line_num + 1
    for record in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        values = {c: (record[header.index(c)].strip() if header.index(c) < len(record) else "")
                  for c in COLUMNS}
        for column in ("term", "definition", "source"):
            if not values[column]:
                raise GlossaryError(f"the {column} is empty"
                                    + (f" for '{values['term']}'" if values["term"] else ""),
                                    path=path, line=start, field=column)
        key = values["term"].casefold()
        if key in seen:
            raise GlossaryError(f"'{values['term']}' is already defined on line {seen[key]}",
                                path=path, line=start, field="term")
        seen[key] = start
        variants = [v.strip() for v in values["variants"].split("|") if v.strip()]
        rows.append({"term": values["term"], "variants": variants,
                     "definition": values["definition"], "source": values["source"],
                     "line": start})
    return pd.DataFrame(rows, columns=[*COLUMNS, "line"])


def _forms(form: str) -> set[str]:
    """The written forms a term matches: as written, with a capital first letter, in capitals."""
    forms = {form, form.upper()}
    if form[:1].islower():
        forms.add(form[:1].upper() + form[1:])
    return forms


@lru_cache(maxsize=8)
def _matcher(key: str | None):
    glossary = load_glossary(key) if key else load_glossary()
    return _build_matcher(glossary)


def _build_matcher(glossary):
    lookup: dict[str, str] = {}
    for term, variants in zip(glossary["term"], glossary["variants"], strict=True):
        for form in [term, *variants]:
            for written in _forms(form):
                lookup.setdefault(written, term)
    ordered = sorted(lookup, key=len, reverse=True)  # longest first: "People's Army" wins
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
                    for f in ordered)
    pattern = re.compile(rf"(?<![\w'\u2019-])(?:{body})(?![\w]|['\u2019]\w|-\w)")
    normal = {re.sub(r"\s+", " ", k.replace("\u2019", "'")): v for k, v in lookup.items()}
    definitions = dict(zip(glossary["term"], glossary["definition"], strict=True))
    sources = dict(zip(glossary["term"], glossary["source"], strict=True))
    return pattern, normal, definitions, sources


def _resolve(glossary):
    """A matcher for ``glossary``: a DataFrame, a path, or ``None`` for the shipped file."""
    if glossary is None or isinstance(glossary, (str, Path)):
        return _matcher(str(glossary) if glossary is not None else None)
    return _build_matcher(glossary)


def find_terms(text: str, glossary=None) -> list[tuple[str, int, int]]:
    """Every glossary term (or variant) in ``text``: ``(term, start, end)``, in order.

    A term matches as written, with a capital first letter, or in capitals, and only as whole
    words; where two terms overlap, the longer wins.

    >>> find_terms("The CC VKP(b) salutes the Korean People's Army.")
    [('CC', 4, 6), ('VKP(b)', 7, 13), ("Korean People's Army", 26, 46)]
    """
    return _find(text, _resolve(glossary))


def _find(text: str, matcher) -> list[tuple[str, int, int]]:
    pattern, normal, _, _ = matcher
    found = []
    for match in pattern.finditer(text):
        written = re.sub(r"\s+", " ", match.group(0).replace("\u2019", "'"))
        term = normal.get(written)
        if term:
            found.append((term, match.start(), match.end()))
    return found


def define(term: str, glossary=None) -> tuple[str, str] | None:
    """The definition and source of a term (or of one of its variants), or ``None``.

    >>> define("Kim II Sung")[0].startswith("The leader of North Korea")
    True
    """
    pattern, normal, definitions, sources = _resolve(glossary)
    key = normal.get(re.sub(r"\s+", " ", term.strip().replace("\u2019", "'")), term.strip())
    if key not in definitions:
        return None
    return definitions[key], sources[key]


def mark_terms_html(text: str, glossary=None) -> str:
    """``text`` as escaped HTML with every glossary term wrapped in ``<abbr title=...>``.

    The title holds the definition (escaped); the style gives a dotted underline, so the mark
    is visible without colour. Everything else is escaped, so any text is safe to show.

    >>> mark_terms_html("<b>Fond</b> 45")  # doctest: +ELLIPSIS
    '&lt;b&gt;<abbr class="ps-term" title="fond: The biggest unit ... style="...">Fond</abbr>&lt;/b&gt; 45'
    """
    matcher = _resolve(glossary)
    definitions = matcher[2]
    out, last = [], 0
    for term, start, end in _find(text, matcher):
        out.append(html.escape(text[last:start]))
        title = html.escape(f"{term}: {definitions[term]}", quote=True)
        out.append(f'<abbr class="ps-term" title="{title}" style="{TERM_STYLE}">'
                   f"{html.escape(text[start:end])}</abbr>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)
