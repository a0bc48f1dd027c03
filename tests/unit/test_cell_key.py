"""Keyed draws and random rounding: fixed by secret, cell and value; unbiased; never far off."""

from __future__ import annotations

from decimal import Decimal

from projections.figures.cell_key import Cell, disclosure_secret, draw, randomly_rounded

SECRET = disclosure_secret("i" * 40)
CELL = Cell("referrals", "accepted", "2025-03", "cmht")


def test_the_same_cell_and_value_always_draw_the_same() -> None:
    """Two draws of one cell with one value agree (no fresh noise to average away)."""
    assert draw(SECRET, "round", CELL, 7) == draw(SECRET, "round", CELL, 7)


def test_the_draw_depends_on_the_secret_the_cell_and_the_value() -> None:
    """Another secret, another figure, another provider or another value draws differently."""
    first = draw(SECRET, "round", CELL, 7)
    others = [draw(disclosure_secret("j" * 40), "round", CELL, 7),
              draw(SECRET, "round", CELL.named("declined"), 7),
              draw(SECRET, "round", Cell("referrals", "accepted", "2025-03", None), 7),
              draw(SECRET, "round", CELL, 8)]
    assert all(0 <= other < 1 and other != first for other in others)


def test_random_rounding_lands_on_a_neighbouring_multiple() -> None:
    """Every value from 0 to 200 becomes the multiple of 5 just below or just above it."""
    for value in range(201):
        rounded = randomly_rounded(Decimal(value), Decimal(5), draw(SECRET, "round", CELL, value))
        assert rounded % 5 == 0
        assert abs(rounded - value) < 5


def test_multiples_stay_as_they_are() -> None:
    """15 is 15 whatever the draw."""
    assert {randomly_rounded(Decimal(15), Decimal(5), chance) for chance in (0, 0.5, 0.999)} == {15}


def test_rounding_is_unbiased() -> None:
    """Over many cells, 7 rounds up to 10 about two times in five."""
    ups = sum(randomly_rounded(Decimal(7), Decimal(5),
                               draw(SECRET, "round", Cell("m", "f", f"{n}", None), 7)) == 10
              for n in range(5000))
    assert 1800 < ups < 2200
