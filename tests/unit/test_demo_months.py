"""The demo borough's months: two years ending today's month, recorded in order, never ahead."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from api.cli.demo import demo_lines, demo_start

NOW = datetime.now(UTC)
LINES = list(demo_lines(NOW, people=300))


def test_the_two_years_end_with_the_month_the_demo_is_made() -> None:
    """November 2026's demo starts in December 2024; January's in February two years back."""
    assert demo_start(date(2026, 11, 29)) == "2024-12"
    assert demo_start(date(2027, 1, 3)) == "2025-02"


def test_the_demo_last_month_is_the_current_one() -> None:
    """Things happen and are recorded in the month the demo is made, in London time."""
    months = {(when.year, when.month) for when, _ in LINES}
    assert max(months) == (NOW.year, NOW.month) or NOW.day == 1  # on the 1st, the month is young


def test_nothing_is_recorded_or_happens_after_now() -> None:
    """The borough stops at the start of today: no recording time or occurred_at is later."""
    assert max(when for when, _ in LINES) <= NOW
    assert max(datetime.fromisoformat(json.loads(line)["occurred_at"]) for _, line in LINES) <= NOW


def test_the_lines_leave_in_recording_order() -> None:
    """Each line's recording time is no earlier than the one before it."""
    times = [when for when, _ in LINES]
    assert times == sorted(times)
