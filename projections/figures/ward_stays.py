"""Ward stays: each live admission with its discharge, if any (dates are London dates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from projections.figures.fact_reader import LiveFacts

STAYS = """
WITH w AS ({ward_events})
SELECT a.person_id, a.stay_id, a.provider_id, a.ward_type, a.occurred_at AS admitted_at,
  a.occurred_on AS admitted_on, d.occurred_at AS discharged_at, d.occurred_on AS discharged_on,
  d.destination
FROM w a LEFT JOIN w d ON d.person_id = a.person_id AND d.stay_id = a.stay_id
  AND d.movement = 'discharged'
WHERE a.movement = 'admitted'
ORDER BY a.person_id, a.occurred_at, a.version
"""


@dataclass(frozen=True)
class Stay:
    """One stay on a ward, by the provider that admitted the person."""

    person_id: UUID
    stay_id: str
    provider_id: str
    ward_type: str
    admitted_at: datetime
    admitted_on: date
    discharged_at: datetime | None
    discharged_on: date | None
    destination: str | None

    def bed_days(self, first: date, last: date) -> list[date]:
        """Dates d in [first, last] with admission date ≤ d < discharge date (still in: to last)."""
        start = max(first, self.admitted_on)
        end = last if self.discharged_on is None else min(last, self.discharged_on - timedelta(1))
        return [start + timedelta(n) for n in range((end - start).days + 1)]

    def open_at_end_of(self, day: date) -> bool:
        """In on ``day``: admitted on or before it and not discharged by then."""
        return self.admitted_on <= day and (self.discharged_on is None or self.discharged_on > day)


def stays(facts: LiveFacts) -> list[Stay]:
    """Every live ward stay."""
    return [Stay(**row) for row in facts.query(STAYS, ward_events=facts.live("ward_events"))]
