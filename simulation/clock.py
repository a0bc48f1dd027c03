"""London calendar time: instants are whole minutes since the Unix epoch, days are London dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
MINUTES_PER_DAY = 1440
_EPOCH = date(1970, 1, 1)
_CACHE_LIMIT = 4096


def day_number(year: int, month: int, day: int = 1) -> int:
    """The day number (days since 1970-01-01) of a calendar date."""
    return (date(year, month, day) - _EPOCH).days


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) that lies a number of months after another."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def is_working_day(day: int) -> bool:
    """Monday to Friday (day 0, 1970-01-01, was a Thursday)."""
    return (day + 3) % 7 < 5


def working_days_after(day: int, count: int) -> int:
    """The working day `count` working days after a day (the day itself, or the next working
    day, for a count of 0)."""
    today = (day + 3) % 7
    if today >= 5:
        day, today = day + 7 - today, 0
    weeks, extra = divmod(count, 5)
    return day + 7 * weeks + extra + (2 if today + extra >= 5 else 0)


def weekday(day: int) -> int:
    """Monday is 0, Sunday is 6."""
    return (day + 3) % 7


class LondonClock:
    """Converts between instants and London days, and writes instants as ISO 8601 with offset."""

    def __init__(self) -> None:
        self._offsets: dict[int, int] = {}
        self._hours: dict[int, tuple[str, str]] = {}

    def offset(self, day: int) -> int:
        """London's offset from UTC in minutes at noon on a day."""
        found = self._offsets.get(day)
        if found is None:
            noon = datetime.combine(_EPOCH + timedelta(days=day), datetime.min.time(), LONDON)
            delta = noon.replace(hour=12).utcoffset()
            found = self._offsets[day] = int(delta.total_seconds()) // 60 if delta else 0
        return found

    def at(self, day: int, minute: int) -> int:
        """The instant of a minute of a London day."""
        return day * MINUTES_PER_DAY + minute - self.offset(day)

    def day_of(self, instant: int) -> int:
        """The London day an instant falls on."""
        return (instant + self.offset(instant // MINUTES_PER_DAY)) // MINUTES_PER_DAY

    def iso(self, instant: int) -> str:
        """The instant in London time, e.g. 2024-07-04T10:15:00+01:00."""
        hour = instant // 60
        parts = self._hours.get(hour)
        if parts is None:
            if len(self._hours) > _CACHE_LIMIT:
                self._hours.clear()
            text = datetime.fromtimestamp(hour * 3600, UTC).astimezone(LONDON).isoformat()
            parts = self._hours[hour] = (text[:14], text[16:])
        return f"{parts[0]}{instant % 60:02d}{parts[1]}"
