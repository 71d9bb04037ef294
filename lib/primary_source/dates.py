"""One partial date: a day, a month or a year, written no more precisely than it is known."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMATS", "MONTH_NAMES", "PRECISIONS", "PartialDate"]

#: How precisely a date is known, most precise first.
PRECISIONS = ("day", "month", "year")
#: How a date of each precision is written in the data files.
FORMATS = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

_STRICT = {"day": re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "month": re.compile(r"(\d{4})-(\d{2})"),
           "year": re.compile(r"(\d{4})")}
_LOOSE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or the year.

    >>> d = PartialDate.parse("1950-08")
    >>> d.precision, d.first, d.last, d.label()
    ('month', datetime.date(1950, 8, 1), datetime.date(1950, 8, 31), 'August 1950')
    """

    year: int
    month: int = 1
    day: int = 1
    precision: str = "day"

    @classmethod
    def parse(cls, value: Any, precision: str | None = None) -> PartialDate:
        """A partial date from ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a number or a date.

        With ``precision``, text must be written exactly at that precision (``1950-08`` for
        a month); without, the precision is how many parts the value gives. Raises
        ``ValueError`` with a reason a teacher can act on.

        >>> PartialDate.parse(1994), PartialDate.parse("1950-8-28").first
        (PartialDate(year=1994, month=1, day=1, precision='year'), datetime.date(1950, 8, 28))
        >>> PartialDate.parse("1950-08", "day")
        Traceback (most recent call last):
        ValueError: bad date '1950-08': a day-precision date is written YYYY-MM-DD
        """
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day, precision or "day")
        text = str(value).strip()
        if precision is not None:
            match = _STRICT[precision].fullmatch(text)
            if not match:
                raise ValueError(f"bad date {text!r}: a {precision}-precision date is written "
                                 f"{FORMATS[precision]}")
        else:
            match = _LOOSE.match(text)
            if not match:
                raise ValueError(f"{value!r} is not a date such as 1950-08-28, 1950-08 or 1950")
            precision = PRECISIONS[3 - cls.parts(text)]
        year, month, day = ([int(g) for g in match.groups() if g] + [1, 1])[:3]
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"bad date {text!r}: {exc}") from None
        return cls(year, month, day, precision)

    @staticmethod
    def parts(value: Any) -> int:
        """How many parts (year, month, day) a value gives; 0 if it is not written as a date.

        >>> PartialDate.parts("1950-08"), PartialDate.parts(dt.date(1950, 8, 28)), PartialDate.parts("x")
        (2, 3, 0)
        """
        if isinstance(value, dt.date):
            return 3
        match = _LOOSE.match(str(value).strip())
        return sum(1 for g in match.groups() if g) if match else 0

    @classmethod
    def guess_precision(cls, text: str) -> str:
        """The precision ``text`` is written at (two-digit months and days only).

        >>> PartialDate.guess_precision("1950-08")
        'month'
        """
        for precision in PRECISIONS:
            if _STRICT[precision].fullmatch(text):
                return precision
        raise ValueError(f"bad date {text!r}: write YYYY-MM-DD, YYYY-MM or YYYY")

    @property
    def first(self) -> dt.date:
        """The first day the date can stand for."""
        return dt.date(self.year, self.month, self.day)

    @property
    def last(self) -> dt.date:
        """The last day the date can stand for (the end of its month or year).

        >>> PartialDate.parse("1950").last, PartialDate.parse("1950-02-03").last
        (datetime.date(1950, 12, 31), datetime.date(1950, 2, 3))
        """
        if self.precision == "year":
            return dt.date(self.year, 12, 31)
        if self.precision == "month":
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return self.first

    def label(self) -> str:
        """The date for readers, no more precise than it is known.

        >>> PartialDate(1950, 8, 28).label(), PartialDate(1950, 8, 28, "year").label()
        ('28 August 1950', '1950')
        """
        if self.precision == "year":
            return str(self.year)
        if self.precision == "month":
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
