"""Money at output: exact until the end, then rounded half-even to pence."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projections.figures.cost import pounds


@pytest.mark.parametrize(("exact", "shown"), [
    ("0.125", "0.12"), ("0.135", "0.14"), ("0.005", "0.00"), ("0.015", "0.02"), ("2.5", "2.50"),
])
def test_a_half_penny_rounds_to_the_even_penny(exact: str, shown: str) -> None:
    """12.5p is 12p and 13.5p is 14p (banker's rounding)."""
    assert pounds(Decimal(exact)) == shown


def test_whole_pounds_show_their_pence() -> None:
    """38 is written 38.00."""
    assert pounds(Decimal(38)) == "38.00"


@given(st.decimals(min_value=0, max_value=10**9, places=6))
def test_rounding_moves_an_amount_by_at_most_half_a_penny(amount: Decimal) -> None:
    """The shown amount has two places and lies within 0.005 of the exact one."""
    shown = pounds(amount)
    assert len(shown.split(".")[1]) == 2
    assert abs(Decimal(shown) - amount) <= Decimal("0.005")
