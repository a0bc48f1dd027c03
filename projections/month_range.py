"""The months a figure is asked for, parsed and bounded in one place for the API and the CLI.

A month is ``YYYY-MM`` in the years ``EARLIEST_YEAR`` to ``LATEST_YEAR``; a range runs forward
and spans at most ``MOST_MONTHS`` months (ten years), so that no question costs minutes of CPU.
Each refusal names the parameter at fault, as the caller spelt it (``to``, ``--baseline-from``).
"""

from __future__ import annotations

import re

from projections.calendar import Month

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
MOST_MONTHS = 120
Span = tuple[Month, Month]


class MonthRangeRefused(ValueError):
    """A month or a range the figures will not answer for; ``field`` names the parameter."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def month_of(text: str, field: str) -> Month:
    """The month written ``text``, within the years the figures answer for."""
    if not re.fullmatch(MONTH_PATTERN, text):
        raise MonthRangeRefused(field, f"{text[:20]!r} is not a month written YYYY-MM")
    month = Month.parse(text)
    if not EARLIEST_YEAR <= month.year <= LATEST_YEAR:
        raise MonthRangeRefused(field, f"give a month in the years {EARLIEST_YEAR} to {LATEST_YEAR}")
    return month


def month_range(start: str, end: str, fields: tuple[str, str] = ("from", "to")) -> Span:
    """The first and last month of a range, refused if backwards or longer than ``MOST_MONTHS``."""
    first, last = month_of(start, fields[0]), month_of(end, fields[1])
    if last < first:
        raise MonthRangeRefused(fields[1], "the last month comes before the first")
    if (last.year - first.year) * 12 + last.number - first.number >= MOST_MONTHS:
        raise MonthRangeRefused(fields[1], f"a range spans at most {MOST_MONTHS} months")
    return first, last


def optional_range(start: str | None, end: str | None, fields: tuple[str, str]) -> Span | None:
    """A range that may be left out (a baseline), but not given by halves."""
    if start is None and end is None:
        return None
    if start is None or end is None:
        missing = fields[0] if start is None else fields[1]
        raise MonthRangeRefused(missing, f"give both {fields[0]} and {fields[1]}, or neither")
    return month_range(start, end, fields)
