"""NHS numbers, instants and text: the values every event is built from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ledger.values import check_nhs_number, check_not_in_future, nhs_check_digit


def test_a_valid_nhs_number_is_accepted() -> None:
    """9434765919 has the right modulus-11 check digit."""
    assert check_nhs_number("9434765919") == "9434765919"


def test_a_wrong_check_digit_is_refused() -> None:
    """Changing the last digit breaks the check."""
    with pytest.raises(ValueError, match="check digit"):
        check_nhs_number("9434765918")


@pytest.mark.parametrize("value", ["943476591", "94347659190", "943476591X", " 943476591"])
def test_anything_but_ten_digits_is_refused(value: str) -> None:
    """An NHS number is exactly ten digits."""
    with pytest.raises(ValueError, match="10 digits"):
        check_nhs_number(value)


def test_a_stem_whose_check_would_be_ten_has_no_valid_number() -> None:
    """Stems whose remainder gives 10 are never issued."""
    stems = [f"{n:09d}" for n in range(100) if nhs_check_digit(f"{n:09d}") is None]
    assert stems
    for stem in stems[:3]:
        for last in range(10):
            with pytest.raises(ValueError, match="check digit"):
                check_nhs_number(stem + str(last))


def test_an_instant_five_minutes_ahead_is_accepted() -> None:
    """The ledger tolerates five minutes of clock skew."""
    now = datetime(2025, 1, 1, tzinfo=UTC)
    check_not_in_future(now + timedelta(minutes=5), now)


def test_an_instant_beyond_five_minutes_ahead_is_refused() -> None:
    """Nothing is dated more than five minutes in the future."""
    now = datetime(2025, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="future"):
        check_not_in_future(now + timedelta(minutes=5, seconds=1), now)
