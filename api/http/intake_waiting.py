"""Self-referrals awaiting confirmation, shaped as entries of the Hub's waiting list.

Each entry has the waiting list's keys (``person_id`` and ``from_provider_id`` are ``null``: no
story yet, no referring provider), plus ``kind: "self_referral"``, the ``priority`` (``urgent``
when the person said they are in crisis) and the person's ``name`` as they gave it. Days waited
count from the request's own time, as a London date, to ``today`` (given by the caller).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from commands.intake import AwaitingReferral, Intake
from projections.calendar import london_date


def self_referral_entries(intake: Intake, today: date) -> list[dict[str, Any]]:
    """The intake's awaiting requests as waiting-list entries, urgent first, then oldest."""
    return [waiting_entry(request, today) for request in intake.awaiting()]


def waiting_entry(request: AwaitingReferral, today: date) -> dict[str, Any]:
    """One awaiting request as a waiting-list entry."""
    received_on = london_date(request.received_at)
    details = request.details
    name = None if details is None else f"{details.given_name} {details.family_name}"
    return {"person_id": None, "referral_id": request.reference, "from_provider_id": None,
            "received_at": request.received_at.isoformat(), "received_on": received_on.isoformat(),
            "accepted": False, "days_waited": (today - received_on).days,
            "priority": "urgent" if request.urgent else "routine", "name": name,
            "kind": "self_referral"}
