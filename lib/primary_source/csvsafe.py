"""CSV files a spreadsheet opens safely: UTF-8 with a byte-order mark, no formula cells."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

__all__ = ["csv_cell", "write_csv"]


def csv_cell(value: Any) -> Any:
    """A cell value that a spreadsheet program will not run as a formula.

    >>> csv_cell("=1+1"), csv_cell(None), csv_cell(2.5)
    ("'=1+1", '', 2.5)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return ""
    return value


def write_csv(rows: list[dict[str, Any]], path: Path, columns: list[str]) -> None:
    """Write ``rows`` (dicts) under ``columns`` as a formula-safe CSV at ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: csv_cell(row.get(k)) for k in columns})
