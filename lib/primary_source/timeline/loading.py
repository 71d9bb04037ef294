"""Reading and checking the timeline and eras CSV files, row by row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from primary_source import paths
from primary_source.timeline.dates import guess_precision, parse_event_date, period_end
from primary_source.timeline.schema import CATEGORIES, COLUMNS, ERA_COLUMNS, PRECISIONS, TimelineFormatError

__all__ = [
    "load_events",
    "load_eras",
]


def _text(path: Path) -> str:
    """The file's text; a folder or non-UTF-8 bytes are a ``TimelineFormatError`` with the line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as err:  # a folder, a file we may not read
        raise TimelineFormatError(path, 1, "file", f"cannot be read ({err.strerror or err})"
                                  ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise TimelineFormatError(path, data[:err.start].count(b"\n") + 1, "file",
                                  f"not UTF-8 text (byte {err.start}); save it as UTF-8") from None


def _read_rows(path: Path, columns: tuple[str, ...]):
    """Yield ``(line, row_dict)`` for each data row; check the header."""
    reader = csv.reader(io.StringIO(_text(path), newline=""))
    try:
        yield from _checked_rows(reader, path, columns)
    except csv.Error as err:  # a field over the csv module's size limit, a NUL byte
        raise TimelineFormatError(path, max(reader.line_num, 1), "row",
                                  f"not a readable CSV row ({err})") from None


def _checked_rows(reader, path: Path, columns: tuple[str, ...]):
    """The rows of ``reader`` after a header equal to ``columns``, with their first line."""
    try:
        header = next(reader)
    except StopIteration:
        raise TimelineFormatError(path, 1, "header", "the file is empty") from None
    header = [h.strip() for h in header]
    if tuple(header) != columns:
        missing = [c for c in columns if c not in header]
        extra = [h for h in header if h not in columns]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("unknown " + ", ".join(extra))
        if not detail:
            detail.append("columns out of order")
        raise TimelineFormatError(path, 1, "header", "; ".join(detail) + f" (expected "
                                  f"{','.join(columns)})")
    previous = reader.line_num
    for raw in reader:
        line = previous + 1
        previous = reader.line_num
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) != len(columns):
            raise TimelineFormatError(path, line, "row", f"{len(raw)} fields, expected "
                                      f"{len(columns)} (is a comma inside unquoted text?)")
        yield line, {c: v.strip() for c, v in zip(columns, raw, strict=True)}


def load_events(path=None) -> pd.DataFrame:
    """The timeline as a DataFrame, sorted by date; every row checked.

    Columns: ``start`` and ``end`` (Timestamps, ``end`` NaT for a single event), ``precision``,
    ``category``, ``title``, ``description``, ``source``, ``note`` and ``line`` (the CSV line).

    Raises
    ------
    TimelineFormatError
        naming the file, line and field of the first bad row (missing source, bad date,
        unknown category or precision, an end before the start).

    >>> events = load_events()
    >>> events.loc[events.title.str.startswith("Inchon"), "start"].iloc[0].date()
    datetime.date(1950, 9, 15)
    """
    path = Path(path) if path is not None else paths.timeline_path()
    records = []
    for line, row in _read_rows(path, COLUMNS):
        for required in ("start", "precision", "category", "title", "description", "source"):
            if not row[required]:
                raise TimelineFormatError(path, line, required, f"the {required} is missing")
        precision = row["precision"]
        if precision not in PRECISIONS:
            raise TimelineFormatError(path, line, "precision", f"unknown precision "
                                      f"{precision!r}; use one of {', '.join(PRECISIONS)}")
        if row["category"] not in CATEGORIES:
            raise TimelineFormatError(path, line, "category", f"unknown category "
                                      f"{row['category']!r}; use one of {', '.join(CATEGORIES)}")
        try:
            start = parse_event_date(row["start"], precision)
        except ValueError as exc:
            raise TimelineFormatError(path, line, "start", str(exc)) from None
        end = pd.NaT
        if row["end"]:
            try:
                end = parse_event_date(row["end"], precision)
            except ValueError as exc:
                raise TimelineFormatError(path, line, "end", str(exc)) from None
            if end < start:
                raise TimelineFormatError(path, line, "end", f"the end {row['end']} is before "
                                          f"the start {row['start']}")
        records.append({**row, "start": start, "end": end, "line": line})
    frame = pd.DataFrame(records, columns=[*COLUMNS, "line"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame.sort_values(["start", "line"], kind="stable").reset_index(drop=True)


def load_eras(path=None) -> pd.DataFrame:
    """The eras of the war (``start``, ``end`` as Timestamps, ``name``, ``description``, ``source``).

    Dates may be written to the day or the month; an end covers its whole day or month.

    >>> load_eras().name.tolist()[1]
    'North Korean offensive'
    """
    path = Path(path) if path is not None else paths.eras_path()
    return paths.read_cached(path, _read_eras).copy()  # read once: the chart asks per redraw


def _read_eras(path: Path) -> pd.DataFrame:
    records = []
    for line, row in _read_rows(path, ERA_COLUMNS):
        for required in ERA_COLUMNS:
            if not row[required]:
                raise TimelineFormatError(path, line, required, f"the {required} is missing")
        bounds = {}
        for field in ("start", "end"):
            try:
                precision = guess_precision(row[field])
                ts = parse_event_date(row[field], precision)
            except ValueError as exc:
                raise TimelineFormatError(path, line, field, str(exc)) from None
            bounds[field] = period_end(ts, precision) if field == "end" else ts
        if bounds["end"] < bounds["start"]:
            raise TimelineFormatError(path, line, "end", "the era ends before it starts")
        records.append({**row, **bounds, "line": line})
    frame = pd.DataFrame(records, columns=[*ERA_COLUMNS, "line"])
    return frame.sort_values("start", kind="stable").reset_index(drop=True)
