"""The provider directory as the figures see it: each provider's tier and its unit costs over time."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from projections.calendar import LONDON, Month
from projections.figures.fact_reader import LiveFacts

PROVIDERS = """
SELECT p.stream_id, p.version, p.occurred_at, p.occurred_on, p.unit_cost_gbp, p.bed_day_cost_gbp,
  first_value(p.provider_id) OVER w AS provider_id, first_value(p.tier) OVER w AS tier
FROM ({providers}) p
WINDOW w AS (PARTITION BY p.stream_id ORDER BY p.version)
ORDER BY p.stream_id, p.occurred_at, p.version
"""


@dataclass
class CostBook:
    """One provider's unit costs, each in force from its ``occurred_at``."""

    starts: list[datetime] = field(default_factory=list)
    days: list[date] = field(default_factory=list)
    contact: list[Decimal] = field(default_factory=list)
    bed_day: list[Decimal] = field(default_factory=list)

    def contact_cost(self, at: datetime) -> Decimal:
        """The unit cost in force at an instant (the first known cost before any was set)."""
        return self.contact[max(bisect.bisect_right(self.starts, at) - 1, 0)]

    def bed_day_cost(self, day: date) -> Decimal:
        """The bed-day cost in force on a day: the latest set on or before that date."""
        return self.bed_day[max(bisect.bisect_right(self.days, day) - 1, 0)]


def provider_tiers(facts: LiveFacts) -> dict[str, str]:
    """Each provider's tier."""
    rows = facts.query(PROVIDERS, providers=facts.recorded("providers"))
    return {row["provider_id"]: row["tier"] for row in rows}


def cost_books(facts: LiveFacts) -> dict[str, CostBook]:
    """Each provider's unit costs over time."""
    books: dict[str, CostBook] = {}
    for row in facts.query(PROVIDERS, providers=facts.recorded("providers")):
        book = books.setdefault(row["provider_id"], CostBook())
        book.starts.append(row["occurred_at"])
        book.days.append(row["occurred_on"])
        book.contact.append(row["unit_cost_gbp"])
        book.bed_day.append(row["bed_day_cost_gbp"])
    return books


def least_unit_costs(facts: LiveFacts, months: list[Month]) -> dict[tuple[str, str], Decimal]:
    """By (month, provider): the larger of the provider's least positive contact cost and least
    positive bed-day cost in force at some time in the month, so that its people times this is
    at least what anyone reading the directory can say its cost was at least."""
    least = {}
    bounds = [(month, datetime.combine(month.first, time(), LONDON),
               datetime.combine(month.following().first, time(), LONDON)) for month in months]
    for provider, book in cost_books(facts).items():
        for month, start, end in bounds:
            contact = _in_force(book.contact, bisect.bisect_right(book.starts, start),
                                bisect.bisect_left(book.starts, end))
            bed_day = _in_force(book.bed_day, bisect.bisect_right(book.days, month.first),
                                bisect.bisect_right(book.days, month.last))
            least[(month.label, provider)] = max(contact, bed_day)
    return least


def _in_force(costs: list[Decimal], at_start: int, before_end: int) -> Decimal:
    """The least positive of the costs in force from the one at the start to the last set
    before the end (bisect positions), or 0."""
    first = max(at_start - 1, 0)
    return min((cost for cost in costs[first:max(before_end, first + 1)] if cost > 0),
               default=Decimal(0))
