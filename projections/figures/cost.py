"""Cost: attended direct contacts at the unit cost in force at each, plus bed days at the bed-day
cost in force on each day; exact Decimal, rounded half-even to pence only at output."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal
from uuid import UUID

from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.provider_costs import CostBook, cost_books
from projections.figures.statistics import Figures, Key, assemble
from projections.figures.ward_stays import stays

COUNTS = ("people",)
MONEY = {"cost_gbp": "people"}
PER_PERSON = {"cost_per_person_gbp": ("cost_gbp", "people")}
PENCE = Decimal("0.01")
CONTACTS = """
SELECT c.person_id, c.provider_id, c.occurred_at, c.occurred_on FROM ({contacts}) c
WHERE c.attended_direct AND c.occurred_on BETWEEN %(first)s AND %(last)s
"""
FREE = CostBook(contact=[Decimal(0)], bed_day=[Decimal(0)])


def pounds(amount: Decimal) -> str:
    """Money at output: pence, rounded half-even, as a decimal string."""
    return str(amount.quantize(PENCE, rounding=ROUND_HALF_EVEN))


def cost(facts: LiveFacts, months: list[Month], provider: str | None = None,
         **_: object) -> list[Figures]:
    """Per month and provider (and borough-wide): cost_gbp, people, cost_per_person_gbp."""
    books = cost_books(facts)
    total: dict[Key, Decimal] = defaultdict(Decimal)
    people: dict[Key, set[UUID]] = defaultdict(set)
    window = {"first": months[0].first, "last": months[-1].last}
    for row in facts.query(CONTACTS, window, contacts=facts.live("contacts")):
        price = books.get(row["provider_id"], FREE).contact_cost(row["occurred_at"])
        for key in ((Month.of(row["occurred_on"]), row["provider_id"]),
                    (Month.of(row["occurred_on"]), None)):
            total[key] += price
            people[key].add(row["person_id"])
    for stay in stays(facts):
        book = books.get(stay.provider_id, FREE)
        for month in months:
            days = stay.bed_days(month.first, month.last)
            for key in ((month, stay.provider_id), (month, None)) if days else ():
                total[key] += sum((book.bed_day_cost(day) for day in days), Decimal(0))
                people[key].add(stay.person_id)
    keys = {*people, *((m, None) for m in months)}
    return assemble({key: figures_of(total[key], len(people[key])) for key in keys}, months, provider)


def figures_of(total: Decimal, people: int) -> Figures:
    per_person = pounds(total / people) if people else None
    return {"cost_gbp": pounds(total), "people": people, "cost_per_person_gbp": per_person,
            "_parts": {"total_gbp": str(total)}}
