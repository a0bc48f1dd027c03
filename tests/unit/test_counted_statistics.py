"""Medians and 90th percentiles of a histogram are those of the values it counts, exactly:
the summaries finish waits and stays from histograms without listing each person's value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from projections.figures.statistics import (
    counted,
    counted_median,
    counted_p90,
    histogram,
    median,
    p90,
)

VALUES = st.lists(st.integers(min_value=0, max_value=800), max_size=80)


@given(VALUES)
def test_a_histograms_median_is_the_median_of_its_values(values: list[int]) -> None:
    """Same value and same type (a whole median stays an int, a half one is a float)."""
    found = counted_median(histogram(values))
    assert (found, type(found)) == (median(values), type(median(values)))


@given(VALUES)
def test_a_histograms_p90_is_the_p90_of_its_values(values: list[int]) -> None:
    """Nearest rank over the values the histogram counts."""
    assert counted_p90(histogram(values)) == p90(values)


def test_values_are_ordered_as_numbers_not_as_text() -> None:
    """Keys are text ("10" sorts before "9"); 9, 9, 10 has median 9, not 10."""
    assert counted_median({"10": 1, "9": 2}) == 9


def test_an_emptied_histogram_counts_nothing() -> None:
    """A cell whose people all left keeps zero counts out: no values, no median."""
    assert (counted({"4": 0}), counted_median({"4": 0}), counted_p90({})) == (0, None, None)
