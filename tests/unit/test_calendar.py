"""London calendar days and months: reporting periods across midnight, month ends and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projections.calendar import Month, london_date, months_between

MONTHS = st.builds(Month, st.integers(min_value=1900, max_value=2200), st.integers(min_value=1, max_value=12))


def test_late_on_the_last_day_of_march_in_summer_time_is_april_in_london() -> None:
    """2025-03-31T23:30Z is 00:30 BST on 1 April."""
    assert london_date(datetime(2025, 3, 31, 23, 30, tzinfo=UTC)) == date(2025, 4, 1)


def test_late_on_new_years_eve_in_winter_time_is_still_that_day() -> None:
    """In GMT London's date is UTC's: 2024-12-31T23:30Z is 31 December."""
    assert london_date(datetime(2024, 12, 31, 23, 30, tzinfo=UTC)) == date(2024, 12, 31)


def test_the_hour_before_clocks_go_back_is_the_same_day() -> None:
    """On 2025-10-26 01:30 BST and 01:30 GMT (00:30Z, 01:30Z) are both the 26th."""
    first, second = datetime(2025, 10, 26, 0, 30, tzinfo=UTC), datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    assert london_date(first) == london_date(second) == date(2025, 10, 26)


def test_the_night_before_clocks_go_forward_turns_at_utc_midnight() -> None:
    """2025-03-29T23:30Z is 23:30 GMT on 29 March; an hour later it is 30 March."""
    night = datetime(2025, 3, 29, 23, 30, tzinfo=UTC)
    assert (london_date(night), london_date(night + timedelta(hours=1))) == (date(2025, 3, 29),
                                                                               date(2025, 3, 30))


def test_a_month_is_written_year_dash_month() -> None:
    """2025-04 parses and prints back the same."""
    assert Month.parse("2025-04").label == "2025-04"


@pytest.mark.parametrize("text", ["2025-4", "25-04", "2025-13", "2025-00", "2025/04", "2025-04-01", ""])
def test_anything_else_is_not_a_month(text: str) -> None:
    """Only YYYY-MM with a month 01..12."""
    with pytest.raises(ValueError, match="YYYY-MM"):
        Month.parse(text)


def test_february_ends_on_the_29th_in_a_leap_year() -> None:
    """2024 is a leap year; 2100 is not."""
    assert (Month(2024, 2).last, Month(2100, 2).last) == (date(2024, 2, 29), date(2100, 2, 28))


def test_december_is_followed_by_january() -> None:
    """The year turns over."""
    assert Month(2024, 12).following() == Month(2025, 1)


def test_months_between_include_both_ends_across_a_year() -> None:
    """November to February is four months."""
    labels = [m.label for m in months_between(Month(2024, 11), Month(2025, 2))]
    assert labels == ["2024-11", "2024-12", "2025-01", "2025-02"]


def test_months_between_a_later_start_and_an_earlier_end_is_empty() -> None:
    """No months run backwards."""
    assert months_between(Month(2025, 3), Month(2025, 2)) == []


@given(MONTHS)
def test_a_month_runs_from_its_first_to_its_last_day_then_the_next_begins(month: Month) -> None:
    """The day after the last is the next month's first, and both ends are in the month."""
    assert month.first in month
    assert month.last in month
    assert month.last + timedelta(days=1) == month.following().first
    assert Month.of(month.last) == month < month.following()


@given(MONTHS)
def test_a_month_label_parses_back_to_the_month(month: Month) -> None:
    """parse and label are inverses."""
    assert Month.parse(month.label) == month
