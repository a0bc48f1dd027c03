"""A curious commissioner's estimate of every hidden cost, from what is published only: the
directory's unit costs (``GET /providers``), each row's people shown, the borough's cost and the
providers' costs shown (each within £100 of its exact value), and the protection rule it must
not beat (``projections.figures.protection``).

Each person a provider costs in a month had at least one contact or bed day there, so a provider
costs at least (its people) times (its least positive unit cost in force that month): a zero unit cost
is a service the provider does not offer. People shown as p are at least p - 4; a hidden count,
at least 1 (the row would not exist otherwise). Hidden costs have no upper bound of their own:
only the borough's total, less the costs shown and the other hidden costs' floors, bounds them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from projections.calendar import LONDON, Month
from projections.figures.protection import required_width

UNIT = Decimal(100)
Interval = tuple[Decimal, Decimal | None]


def least_unit_costs(directory: list[dict[str, Any]], month: Month) -> dict[str, Decimal]:
    """Each provider's least positive unit or bed-day cost in force at some time in the month."""
    start = datetime.combine(month.first, time(), LONDON)
    end = datetime.combine(month.following().first, time(), LONDON)
    least: dict[str, Decimal] = {}
    for provider in directory:
        starts = [datetime.fromisoformat(cost["from"]) for cost in provider["costs"]]
        first, last = max(bisect_right(starts, start) - 1, 0), bisect_left(starts, end) - 1
        in_force = provider["costs"][first:max(last, first) + 1]
        rates = [Decimal(c[kind]) for c in in_force for kind in ("unit_cost_gbp", "bed_day_cost_gbp")]
        least[provider["provider_id"]] = min((r for r in rates if r > 0), default=Decimal(0))
    return least


def intervals(month_rows: list[dict[str, Any]], least: dict[str, Decimal]) -> dict[str | None, Interval]:
    """The interval each hidden cost of one month is known to lie in (None: no upper bound)."""
    providers = [row for row in month_rows if row["provider_id"] is not None]
    borough = next(row for row in month_rows if row["provider_id"] is None)
    floor = {row["provider_id"]: least.get(row["provider_id"], Decimal(0))
             * max((row["people"] or 5) - 4, 1) for row in providers}
    shown = [row for row in providers if row["cost_gbp"] is not None]
    hidden = [row["provider_id"] for row in providers if row["cost_gbp"] is None]
    if borough["cost_gbp"] is None:
        return {None: (sum(floor.values(), Decimal(0)), None)} | {p: (floor[p], None) for p in hidden}
    total = Decimal(borough["cost_gbp"])
    ceiling = total + UNIT - sum(max(Decimal(r["cost_gbp"]) - UNIT, floor[r["provider_id"]])
                                 for r in shown)
    bottom = total - UNIT - sum(Decimal(r["cost_gbp"]) + UNIT for r in shown)
    found: dict[str | None, Interval] = {}
    for provider in hidden:
        others = sum((floor[p] for p in hidden if p != provider), Decimal(0))
        low = max(floor[provider], bottom) if len(hidden) == 1 else floor[provider]
        found[provider] = (low, ceiling - others)
    return found


def too_narrow(shown: list[dict[str, Any]], exact: dict[tuple[str, str | None], dict[str, Any]],
               directory: list[dict[str, Any]]) -> list[tuple[str, str | None, Interval, str]]:
    """Every hidden cost the attack narrows below the protection rule: (month, provider,
    the interval found, the exact cost)."""
    narrow = []
    for label in dict.fromkeys(row["month"] for row in shown):
        least = least_unit_costs(directory, Month.parse(label))
        month_rows = [row for row in shown if row["month"] == label]
        for provider, (low, high) in intervals(month_rows, least).items():
            cost = exact[(label, provider)]["cost_gbp"]
            if high is not None and high - low < required_width(Decimal(cost)):
                narrow.append((label, provider, (low, high), cost))
    return narrow
