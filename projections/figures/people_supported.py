"""People supported: distinct people with an attended direct contact with a provider in a month."""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.statistics import Figures, Key, assemble

CONTACTED = """
SELECT DISTINCT c.occurred_on, c.provider_id, c.person_id FROM ({contacts}) c
WHERE c.attended_direct AND c.occurred_on BETWEEN %(first)s AND %(last)s
"""
COUNTS = ("people",)


def people_supported(facts: LiveFacts, months: list[Month], provider: str | None = None,
                     **_: object) -> list[Figures]:
    """One row per month per provider (and borough-wide): ``people``."""
    people: dict[Key, set[UUID]] = defaultdict(set)
    rows = facts.query(CONTACTED, {"first": months[0].first, "last": months[-1].last},
                       contacts=facts.live("contacts"))
    for row in rows:
        month = Month.of(row["occurred_on"])
        people[(month, row["provider_id"])].add(row["person_id"])
        people[(month, None)].add(row["person_id"])
    figures = {key: {"people": len(who)} for key, who in people.items()}
    for month in months:
        figures.setdefault((month, None), {"people": 0})
    return assemble(figures, months, provider)
