"""The protection interval that chooses complementary cost suppression, on hand-made months."""

from __future__ import annotations

from decimal import Decimal

from projections.figures.protection import Cost, complement, protected, required_width


def cost(provider: str | None, exact: int, floor: int, shown: int | None) -> Cost:
    return Cost(provider, Decimal(exact), Decimal(floor), None if shown is None else Decimal(shown))


def test_the_rule_asks_400_pounds_or_a_fifth_of_the_cost_whichever_is_more() -> None:
    assert (required_width(Decimal(300)), required_width(Decimal(5000))) == (400, 1000)


def test_one_hidden_cost_beside_a_shown_borough_is_never_protected() -> None:
    month = [cost(None, 20000, 0, 20000), cost("a", 300, 100, None), cost("b", 19700, 0, 19700)]
    assert not protected(month)


def test_a_hidden_borough_protects_every_hidden_cost() -> None:
    assert protected([cost(None, 2060, 0, None), cost("a", 60, 60, None), cost("b", 2000, 2000, 2000)])


def test_the_smallest_shown_cost_that_leaves_a_wide_enough_interval_is_chosen() -> None:
    """Hiding b (£500, floored at £480) would leave the pair £200 of room; c (£900, floor £300)
    leaves enough, so c is hidden rather than b or the borough."""
    month = [cost(None, 1500, 0, 1500), cost("a", 100, 100, None),
             cost("b", 500, 480, 500), cost("c", 900, 300, 900)]
    chosen = complement(month)
    assert chosen is not None
    assert chosen.provider == "c"


def test_the_borough_is_chosen_when_no_provider_can_cover_the_hidden_one() -> None:
    """A provider with all the month's cost, floored at its cost, cannot hide a small one."""
    month = [cost(None, 2060, 0, 2100), cost("crisis", 60, 60, None), cost("clinic", 2000, 2000, 2000)]
    chosen = complement(month)
    assert chosen is not None
    assert chosen.provider is None


def test_nothing_more_is_hidden_when_every_hidden_cost_is_protected() -> None:
    month = [cost(None, 9000, 0, 9000), cost("a", 4000, 100, None), cost("b", 5000, 100, None)]
    assert complement(month) is None
