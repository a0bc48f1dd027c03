"""London calendar days and months: the reporting periods of every figure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def london_date(instant: datetime) -> date:
    """The Europe/London calendar date of an aware instant (2025-03-31T23:30Z is 1 April)."""
    return instant.astimezone(LONDON).date()


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month in Europe/London, the reporting period."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """A month from ``YYYY-MM``; ``ValueError`` otherwise."""
        parts = text.split("-")
        if len(parts) != 2 or len(parts[0]) != 4 or len(parts[1]) != 2:
            raise ValueError(f"{text!r} is not a month written YYYY-MM")
        year, number = int(parts[0]), int(parts[1])
        if not 1 <= number <= 12:
            raise ValueError(f"{text!r} is not a month written YYYY-MM")
        return cls(year, number)

    @classmethod
    def of(cls, day: date) -> Month:
        """The month a date falls in."""
        return cls(day.year, day.month)

    @property
    def label(self) -> str:
        """``YYYY-MM``."""
        return f"{self.year:04d}-{self.number:02d}"

    @property
    def first(self) -> date:
        """The month's first day."""
        return date(self.year, self.number, 1)

    @cached_property
    def last(self) -> date:
        """The month's last day (its end, for figures "at month end"; worked out once)."""
        return self.following().first - timedelta(days=1)

    def following(self) -> Month:
        """The next month."""
        return Month(self.year + self.number // 12, self.number % 12 + 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and (day.year, day.month) == (self.year, self.number)


def months_between(start: Month, end: Month) -> list[Month]:
    """Every month from ``start`` to ``end`` inclusive, oldest first."""
    months: list[Month] = []
    current = start
    while current <= end:
        months.append(current)
        current = current.following()
    return months
