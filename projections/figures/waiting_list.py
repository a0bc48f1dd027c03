"""The waiting list: a provider's open referrals not yet seen, oldest first, with days waited."""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.figures.fact_reader import LiveFacts
from projections.figures.journeys import journeys


def waiting_list(facts: LiveFacts, provider: str, today: date) -> list[dict[str, Any]]:
    """Open, unseen referrals to ``provider``; ``today`` comes from the caller, never the clock."""
    waits = [j for j in journeys(facts, provider) if j.ended_at is None and j.seen_at is None]
    return [
        {"person_id": str(j.person_id), "referral_id": j.referral_id,
         "from_provider_id": j.from_provider_id, "received_at": j.received_at.isoformat(),
         "received_on": j.received_on.isoformat(), "accepted": j.accepted,
         "days_waited": (today - j.received_on).days}
        for j in sorted(waits, key=lambda j: (j.received_at, str(j.person_id), j.referral_id))
    ]
