"""The columns, categories, precisions and fixed dates of the timeline, and its format error."""

from __future__ import annotations

import datetime as _dt

from primary_source.dates import PRECISIONS
from primary_source.problems import DataFileError

__all__ = [
    "COLUMNS",
    "ERA_COLUMNS",
    "PRECISIONS",
    "CATEGORIES",
    "MARKERS",
    "DOCUMENT_DATE",
    "DEFAULT_START",
    "DEFAULT_END",
    "GREY",
    "TimelineFormatError",
]


#: The columns of ``data/timeline.csv``, in order.
COLUMNS = ("start", "end", "precision", "category", "title", "description", "source", "note")
#: The columns of ``data/eras.csv``, in order.
ERA_COLUMNS = ("start", "end", "name", "description", "source")
#: The lanes of the chart, top to bottom.
CATEGORIES = ("military", "diplomatic", "political", "document", "archival")
#: One marker shape per category, so that colour is never the only cue.
MARKERS = {"military": "s", "diplomatic": "D", "political": "^", "document": "*",
           "archival": "v"}
#: The date of the telegram the lessons read.
DOCUMENT_DATE = _dt.date(1950, 8, 28)
#: The default window of the chart: from the year of decision to the start of the talks.
DEFAULT_START = "1950-01"
DEFAULT_END = "1951-07"
#: The colour of events that lie after the hindsight date (not part of the category palette).
GREY = "#9E9E9E"



class TimelineFormatError(DataFileError):
    """A row of the timeline (or eras) file is malformed.

    ``path``, ``line`` (the 1-based line of the CSV file) and ``field`` name the place.

    >>> str(TimelineFormatError("timeline.csv", 7, "start", "bad date '1950-13-01'"))
    "timeline.csv:7: start: bad date '1950-13-01'"
    """

    def __init__(self, path, line: int, field: str, message: str):
        super().__init__(path, line, field, message)
