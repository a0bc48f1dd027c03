"""Caseload: people with a referral to a provider received and not yet declined or closed, on a
date (at month end for the outcome rows); and each key worker's current caseload."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from uuid import UUID

from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.journeys import journeys
from projections.figures.statistics import Figures, Key, assemble

COUNTS = ("count",)
KEY_WORKERS = """
SELECT k.person_id, k.change, k.provider_id, k.key_worker_staff_id FROM ({key_workers}) k
WHERE k.occurred_on <= %(on)s ORDER BY k.person_id, k.version
"""


def people_on(facts: LiveFacts, provider: str, on: date) -> list[UUID]:
    """The people on a provider's caseload on a date, in a stable order."""
    return sorted({j.person_id for j in journeys(facts, provider) if j.open_on(on)}, key=str)


def caseload(facts: LiveFacts, months: list[Month], provider: str | None = None,
             **_: object) -> list[Figures]:
    """One row per month per provider (and borough-wide): ``count`` at month end."""
    people: dict[Key, set[UUID]] = defaultdict(set)
    every = journeys(facts, provider)
    for month in months:
        for journey in every:
            if journey.open_on(month.last):
                people[(month, journey.to_provider_id)].add(journey.person_id)
                people[(month, None)].add(journey.person_id)
    figures = {key: {"count": len(who)} for key, who in people.items()}
    for month in months:
        figures.setdefault((month, None), {"count": 0})
    return assemble(figures, months, provider)


def key_worker_caseload(facts: LiveFacts, provider_id: str, staff_id: str,
                        on: date = date.max) -> list[UUID]:
    """People whose current key worker (by story order, events dated by ``on``) is ``staff_id``
    at ``provider_id``: a staff id means something only with its provider."""
    current: dict[UUID, tuple[str, str] | None] = {}
    for row in facts.query(KEY_WORKERS, {"on": on}, key_workers=facts.live("key_workers")):
        assigned = row["change"] == "assigned"
        worker = (row["provider_id"], row["key_worker_staff_id"])
        current[row["person_id"]] = worker if assigned else None
    return sorted((p for p, worker in current.items() if worker == (provider_id, staff_id)), key=str)
