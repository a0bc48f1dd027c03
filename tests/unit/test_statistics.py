"""Medians, nearest-rank 90th percentiles and rates, as the figures' definitions state them."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from projections.figures.statistics import median, p90, rate

VALUES = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=60)


def test_no_values_have_no_median_and_no_p90() -> None:
    """An empty month shows null, not zero."""
    assert (median([]), p90([])) == (None, None)


def test_an_odd_count_has_its_middle_value_as_median() -> None:
    """The median of 9, 1, 5 is 5."""
    assert median([9, 1, 5]) == 5


def test_an_even_count_with_an_odd_sum_has_a_half_median() -> None:
    """The median of 1, 2, 3, 4 is 2.5."""
    assert median([4, 1, 3, 2]) == 2.5


def test_an_even_count_with_an_even_sum_has_a_whole_median() -> None:
    """The median of 1, 3 is the integer 2, not 2.0."""
    assert median([3, 1]) == 2
    assert isinstance(median([3, 1]), int)


@given(VALUES)
def test_the_median_is_the_mean_of_the_middle_values(values: list[int]) -> None:
    """Sorted, the median is the middle value or the mean of the two middle ones."""
    ordered, n = sorted(values), len(values)
    middle = ordered[(n - 1) // 2: n // 2 + 1]
    assert median(values) == Fraction(sum(middle), len(middle))


def test_p90_of_ten_values_is_the_ninth() -> None:
    """Nearest rank ⌈0.9·10⌉ = 9."""
    assert p90(list(range(1, 11))) == 9


def test_p90_of_eleven_values_is_the_tenth() -> None:
    """Nearest rank ⌈0.9·11⌉ = ⌈9.9⌉ = 10."""
    assert p90(list(range(1, 12))) == 10


@given(VALUES)
def test_p90_is_the_value_at_the_nearest_rank(values: list[int]) -> None:
    """At least 90% of values are at or below p90, and fewer than 90% are below it."""
    value = p90(values)
    assert value in values
    assert 10 * sum(v <= value for v in values) >= 9 * len(values)
    assert 10 * sum(v < value for v in values) < 9 * len(values)


def test_a_rate_over_nothing_is_null() -> None:
    """No denominator, no rate."""
    assert rate(3, 0) is None


def test_a_rate_is_rounded_to_four_places() -> None:
    """2 of 3 is 0.6667."""
    assert rate(2, 3) == 0.6667


def test_a_rate_exactly_half_way_rounds_to_even() -> None:
    """1/20000 = 0.00005 rounds down to 0.0, 3/20000 = 0.00015 up to 0.0002."""
    assert (rate(1, 20_000), rate(3, 20_000), rate(5, 20_000)) == (0.0, 0.0002, 0.0002)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_a_rate_is_within_half_a_place_of_the_exact_ratio(numerator: int, denominator: int) -> None:
    """Rounding never moves a rate by more than 0.00005."""
    shown = rate(numerator, denominator)
    assert shown is not None
    float_error = Fraction(1, 10**12)
    assert abs(Fraction(shown) - Fraction(numerator, denominator)) <= Fraction(1, 20_000) + float_error
