"""A simple borough of N events in the import format: each person's short, valid journey.

Used by the catch-up benchmark and the crash test (the simulated borough may live elsewhere).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

START = datetime(2025, 1, 1, 9, tzinfo=UTC)
PROVIDERS = [("hub", "community", "hub", "40.00", "0"), ("cmht", "secondary", "cmht", "100.00", "0"),
             ("rehab", "inpatient", "rehab_ward", "0", "300.00")]


def _line(type_: str, provider: str, when: datetime, data: dict[str, Any],
          person: UUID | None = None, key: str | None = None) -> bytes:
    line = {"type": type_, "provider_id": provider, "staff_id": "s-1", "occurred_at": when.isoformat(),
            "data": data}
    if person is not None:
        line["person_id"] = str(person)
    if key is not None:
        line["idempotency_key"] = key
    return json.dumps(line).encode() + b"\n"


def _contact(n: int, channel: str = "face_to_face") -> dict[str, Any]:
    return {"contact_id": f"c{n}", "channel": channel, "attendance": "attended",
            "purpose": "intervention", "duration_minutes": 30}


def journey(rng: random.Random, number: int) -> list[tuple[str, str, int, dict[str, Any]]]:
    """One person's events as (type, provider, day offset, data), versions in order."""
    steps = [("PersonRegistered", "hub", 0, {"given_name": "P", "family_name": f"N{number}",
                                             "birth_date": "1980-01-01"}),
             ("ReferralMade", "hub", 1, {"referral_id": "r1", "to_provider_id": "cmht",
                                         "priority": "routine", "source": "hub", "needs": ["housing"]}),
             ("ContactRecorded", "hub", 2, _contact(1)),
             ("AssessmentRecorded", "hub", 3, {"assessment_id": "a1", "needs": ["debt"], "risk": "low"}),
             ("KeyWorkerAssigned", "hub", 3, {"key_worker_staff_id": f"k{number % 50}"}),
             ("ContactRecorded", "cmht", 5, _contact(2, "email"))]
    if rng.random() < 0.2:
        return [*steps, ("ReferralDeclined", "cmht", 9, {"referral_id": "r1", "reason": "signposted"}),
                ("EventRetracted", "cmht", 10, {"version": 6, "reason": "wrong person"})]
    steps += [("ReferralAccepted", "cmht", 8, {"referral_id": "r1"}),
              ("ContactRecorded", "cmht", 9 + rng.randrange(30), _contact(3, "video"))]
    if rng.random() < 0.2:
        admitted = {"stay_id": "s1", "ward_type": "rehab", "out_of_area": False}
        steps += [("AdmittedToWard", "rehab", 40, admitted),
                  ("DischargedFromWard", "rehab", 40 + rng.randrange(60), {"stay_id": "s1",
                                                                          "destination": "own_home"})]
    return [*steps, ("ReferralClosed", "cmht", 120, {"referral_id": "r1", "reason": "treatment_complete"})]


def borough_lines(events: int, seed: int = 1, keyed: bool = False) -> Iterator[bytes]:
    """About ``events`` lines: the providers, then whole journeys until the count is reached.

    Keyless by default (as every measurement so far); with ``keyed`` each line carries a stable
    ``idempotency_key``, ``gen-<seed>-<place>`` (its place from 1), as the simulator's lines do.
    """
    rng = random.Random(seed)

    def key(place: int) -> str | None:
        return f"gen-{seed}-{place}" if keyed else None

    for place, (provider_id, tier, service, unit, bed) in enumerate(PROVIDERS, start=1):
        yield _line("ProviderRegistered", provider_id, START - timedelta(days=30),
                    {"name": provider_id, "tier": tier, "service": service, "unit_cost_gbp": unit,
                     "bed_day_cost_gbp": bed}, key=key(place))
    written, number = len(PROVIDERS), 0
    while written < events:
        person = UUID(int=number + 1, version=4)
        start = START + timedelta(days=rng.randrange(150), minutes=rng.randrange(600))
        for type_, provider, offset, data in journey(rng, number)[: events - written]:
            written += 1
            yield _line(type_, provider, start + timedelta(days=offset), data, person, key(written))
        number += 1
