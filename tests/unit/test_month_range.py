"""Month ranges, parsed and bounded in one place: each refusal names the parameter at fault."""

from __future__ import annotations

import pytest

from projections.calendar import Month
from projections.month_range import MOST_MONTHS, MonthRangeRefused, month_range, optional_range

BASELINE = ("baseline_from", "baseline_to")


def refused(start: str | None, end: str | None, fields: tuple[str, str] = ("from", "to")) -> str:
    """The field a refused range names."""
    with pytest.raises(MonthRangeRefused) as refusal:
        optional_range(start, end, fields)
    return refusal.value.field


def test_a_range_is_its_first_and_last_month() -> None:
    """``2025-03`` to ``2025-05`` is March to May 2025."""
    assert month_range("2025-03", "2025-05") == (Month(2025, 3), Month(2025, 5))


def test_a_month_not_written_yyyy_mm_names_its_field() -> None:
    """``2025-4`` and ``2025-13`` are refused, naming the field they were given in."""
    assert refused("2025-4", "2025-05") == "from"
    assert refused("2025-01", "2025-13") == "to"


def test_year_zero_is_refused() -> None:
    """``0000-01`` (once a 500 over HTTP) is outside the years the figures answer for."""
    assert refused("0000-01", "0000-01") == "from"


def test_years_are_bounded_both_ways() -> None:
    """1999 and 2101 are refused; 2000 and 2100 are the first and last years accepted."""
    assert refused("1999-12", "2000-01") == "from"
    assert refused("2100-12", "2101-01") == "to"
    assert month_range("2000-01", "2000-01")[0] == Month(2000, 1)
    assert month_range("2100-12", "2100-12")[0] == Month(2100, 12)


def test_a_range_spans_at_most_ten_years() -> None:
    """120 months are answered; 121 are refused, naming ``to``."""
    assert month_range("2020-01", "2029-12")[1] == Month(2029, 12)
    assert MOST_MONTHS == 120
    assert refused("2020-01", "2030-01") == "to"


def test_a_backwards_range_names_its_last_month() -> None:
    """``to`` before ``from`` is refused, naming ``to``."""
    with pytest.raises(MonthRangeRefused, match="to: the last month comes before the first"):
        month_range("2025-05", "2025-03")


def test_a_baseline_is_optional() -> None:
    """Neither baseline month given: no baseline."""
    assert optional_range(None, None, BASELINE) is None


def test_half_a_baseline_names_the_missing_month() -> None:
    """One baseline month without the other is refused, naming the one left out."""
    assert refused("2024-01", None, BASELINE) == "baseline_to"
    assert refused(None, "2024-03", BASELINE) == "baseline_from"


def test_a_baseline_is_bounded_like_any_range() -> None:
    """A backwards or too long baseline is refused, naming ``baseline_to``."""
    assert refused("2024-03", "2024-01", BASELINE) == "baseline_to"
    assert refused("2000-01", "2099-01", BASELINE) == "baseline_to"
