"""The parts of ``make bench``: lessons, widgets, imports, the record parser and the timeline chart."""

__all__ = ["stats", "records", "drawing", "widgets", "imports", "notebooks", "run"]
