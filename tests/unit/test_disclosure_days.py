"""Medians and percentiles of days for a commissioner: randomly rounded by the cell's key, so an
answer a person apart from another cannot pin that person's days (a late entry that moves a
median from 8.5 to 8 used to show the late person's wait exactly)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from projections.figures.cell_key import Cell, disclosure_secret
from projections.figures.disclosure import Control

CONTROL = Control(disclosure_secret("d" * 40))
CELL = Cell("waiting-times", "median_days", "2025-03", "hub")
halves = st.integers(min_value=0, max_value=4000).map(lambda n: n / 2)


@given(halves)
def test_short_days_are_a_multiple_of_five_within_five(value: float) -> None:
    """Up to 100 days: a multiple of 5 less than 5 days from the exact value."""
    if value < 100:
        shown = CONTROL.days(CELL, value)
        assert shown % 5 == 0
        assert abs(shown - value) < 5


@given(halves)
def test_long_days_round_to_a_tenth_of_themselves(value: float) -> None:
    """Past 100 days the unit grows to a tenth of the value (in fives): 365 days shows within 35."""
    if value >= 100:
        unit = 5 * int(value // 50)
        shown = CONTROL.days(CELL, value)
        assert shown % unit == 0
        assert abs(shown - value) < unit


def test_the_same_median_always_answers_the_same() -> None:
    """No fresh noise to average away: asked again, the same cell and value give the same days."""
    assert len({CONTROL.days(CELL, 8.5) for _ in range(20)}) == 1


def test_rounding_is_unbiased_over_cells() -> None:
    """Across many cells 8.5 days rounds up to 10 about 70% of the time, down to 5 about 30%."""
    cells = [Cell("waiting-times", "median_days", f"{2000 + n // 12}-{1 + n % 12:02d}", "hub")
             for n in range(2000)]
    ups = sum(CONTROL.days(cell, 8.5) == 10 for cell in cells)
    assert 0.65 < ups / len(cells) < 0.75
