"""Value types of the care domain: NHS numbers, identifiers, free text, instants, money."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field, StringConstraints

FUTURE_TOLERANCE = timedelta(minutes=5)
LATEST_OFFSET = timedelta(hours=14)
_NHS_WEIGHTS = range(10, 1, -1)
EARLIEST_BIRTH = date(1900, 1, 1)
_WRITTEN_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WRITTEN_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]")


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit of nine digits, or None when no valid digit exists."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, _NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def check_nhs_number(value: str) -> str:
    """Accept ten digits whose last is the modulus-11 check digit of the first nine."""
    if not re.fullmatch(r"\d{10}", value):
        raise ValueError("an NHS number is exactly 10 digits")
    if nhs_check_digit(value[:9]) != int(value[9]):
        raise ValueError("the NHS number's check digit is wrong")
    return value


def check_no_nul(value: str) -> str:
    """Refuse text holding a NUL character, which PostgreSQL text cannot store."""
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    return value


def check_not_in_future(occurred_at: datetime, now: datetime) -> None:
    """Refuse an instant more than five minutes ahead of the ledger's clock."""
    if occurred_at > now + FUTURE_TOLERANCE:
        raise ValueError("occurred_at is more than 5 minutes in the future")


def check_born_by(birth_date: date, occurred_at: datetime) -> None:
    """Refuse a birth date later than the day the event occurred, wherever on earth that was
    (the latest calendar is 14 hours ahead of UTC), so no true birth date is ever refused."""
    if birth_date > (occurred_at.astimezone(UTC) + LATEST_OFFSET).date():
        raise ValueError("a birth date cannot be later than the day the event occurred")


def written_instant(value: object) -> object:
    """Refuse a number where an instant is asked for (pydantic would read ``1`` or
    ``"1700000000"`` as Unix time, with no offset given): ISO 8601 text or a datetime only."""
    if isinstance(value, datetime) or (isinstance(value, str) and _WRITTEN_INSTANT.match(value)):
        return value
    raise ValueError("an instant is written in ISO 8601 with its offset, e.g. 2025-03-01T10:00:00+00:00")


def written_day(value: object) -> object:
    """Refuse a number (Unix time) or an instant where a calendar date is asked for."""
    if isinstance(value, str) and _WRITTEN_DAY.fullmatch(value):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


def check_born_since_1900(value: date) -> date:
    """Refuse a birth date before 1900 (year 1 is a slip, nobody in care is that old)."""
    if value < EARLIEST_BIRTH:
        raise ValueError("a birth date cannot be before 1900")
    return value


NhsNumber = Annotated[str, AfterValidator(check_nhs_number)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Text = Annotated[str, StringConstraints(max_length=10_000), AfterValidator(check_no_nul)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(check_no_nul)]
Postcode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 ]{2,10}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ()-]{5,22}[0-9]$")]
Email = Annotated[str, StringConstraints(
    max_length=254, pattern=r"^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
Instant = Annotated[AwareDatetime, BeforeValidator(written_instant)]
Day = Annotated[date, BeforeValidator(written_day)]
BirthDate = Annotated[date, BeforeValidator(written_day), AfterValidator(check_born_since_1900)]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2, allow_inf_nan=False)]
