"""Complementary suppression of money chosen by a **protection interval**, after τ-ARGUS.

A month's provider costs add up to the borough's, and the directory's unit costs give every cost
a floor: each person a provider costs had at least one contact or bed day there. An attacker
therefore knows a hidden cost to lie between its floor and the borough's cost, less the costs
shown (each within £100 of its rounded value), less the other hidden costs' floors. The rule: that
interval is at least ``required_width`` wide (±£200, or ±10% of the cost when larger) for every
hidden cost, and a shown borough never sits beside exactly one hidden provider.

The publisher checks it against a stronger attacker than any real one: each provider's exact
people count times the larger of its least positive contact and bed-day costs in force that month
(``provider_costs.least_unit_costs``), a floor no published figure can improve on. When the rule
fails, the smallest cost shown whose hiding meets it is hidden; the borough's when none does (with
the total hidden, no hidden cost has an upper bound at all).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from projections.figures.statistics import Figures

PROTECTION_FLOOR = Decimal(400)
PROTECTION_SHARE = Decimal("0.2")
MONEY_UNIT = Decimal(100)


def required_width(cost: Decimal) -> Decimal:
    """The narrowest interval a hidden cost may be known to lie in."""
    return max(PROTECTION_FLOOR, PROTECTION_SHARE * cost)


@dataclass(frozen=True)
class Cost:
    """One cost of a month as the publisher knows it (``provider`` None: the borough's)."""

    provider: str | None
    exact: Decimal
    floor: Decimal
    shown: Decimal | None


def protected(costs: list[Cost]) -> bool:
    """Whether every hidden cost of a month keeps its protection interval."""
    borough = next(cost for cost in costs if cost.provider is None)
    providers = [cost for cost in costs if cost.provider is not None]
    hidden = [cost for cost in providers if cost.shown is None]
    if borough.shown is None or not hidden:
        return True
    if len(hidden) == 1:
        return False
    ceiling = borough.shown + MONEY_UNIT - sum(
        (max(cost.shown - MONEY_UNIT, cost.floor) for cost in providers if cost.shown is not None),
        Decimal(0))
    width = ceiling - sum((cost.floor for cost in hidden), Decimal(0))
    return all(width >= required_width(cost.exact) for cost in hidden)


def complement(costs: list[Cost]) -> Cost | None:
    """The cost to hide too (perhaps the borough's), or None when every hidden one is protected."""
    if protected(costs):
        return None
    shown = sorted((cost for cost in costs if cost.provider is not None and cost.shown is not None),
                   key=lambda cost: (cost.shown, cost.provider))
    for candidate in shown:
        if protected([replace(c, shown=None) if c is candidate else c for c in costs]):
            return candidate
    return next(cost for cost in costs if cost.provider is None)


def suppress_complements(exact: list[Figures], table: list[Figures], money: str, people: str,
                         followers: list[str], least: Mapping[tuple[str, str], Decimal]) -> None:
    """Hide, in each month of ``table`` (controlled ``exact``), the cost ``complement`` names."""
    for month in dict.fromkeys(row["month"] for row in table):
        pairs = [(raw, row) for raw, row in zip(exact, table, strict=True) if row["month"] == month]
        costs = [Cost(row["provider_id"], Decimal(raw[money]),
                      raw[people] * least.get((month, row["provider_id"]), Decimal(0)),
                      None if row[money] is None else Decimal(row[money])) for raw, row in pairs]
        chosen = complement(costs)
        for _, row in pairs:
            if chosen is not None and row["provider_id"] == chosen.provider:
                for name in (money, *followers):
                    row[name] = None
                row["suppressed_fields"] = sorted({*row["suppressed_fields"], money, *followers})
