"""A quick synthetic borough for benchmarks: valid, interleaved journeys of about ten events."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

START = datetime(2024, 1, 1, 9, tzinfo=UTC)
PROVIDERS = (("hub", "community", "hub"), ("gp-1", "primary", "gp"), ("cmht", "secondary", "cmht"))


def _provider_lines() -> Iterator[str]:
    for code, tier, service in PROVIDERS:
        yield json.dumps({"type": "ProviderRegistered", "provider_id": code,
                          "occurred_at": START.isoformat(), "data": {
                              "name": code, "tier": tier, "service": service,
                              "unit_cost_gbp": "38.00", "bed_day_cost_gbp": "0"}})


def _journey(n: int) -> list[dict[str, object]]:
    person = str(uuid.UUID(int=n + 1, version=4))
    when = START + timedelta(minutes=n)

    def line(type_: str, provider: str, data: dict[str, object], day: int) -> dict[str, object]:
        stamp = (when + timedelta(days=day)).isoformat()
        return {"type": type_, "person_id": person, "provider_id": provider, "staff_id": "s-1",
                "occurred_at": stamp, "data": data}

    contacts = [line("ContactRecorded", "hub", {
        "contact_id": f"c-{k}", "referral_id": "r-1", "channel": "telephone",
        "attendance": "attended", "purpose": "intervention", "duration_minutes": 30}, 2 + 7 * k)
        for k in range(6)]
    return [
        line("PersonRegistered", "hub", {"given_name": "Sam", "family_name": "Doe",
                                         "birth_date": "1985-02-03"}, 0),
        line("ReferralMade", "gp-1", {"referral_id": "r-1", "to_provider_id": "hub",
             "priority": "routine", "source": "gp", "needs": ["debt", "housing"]}, 0),
        line("ReferralAccepted", "hub", {"referral_id": "r-1"}, 1),
        *contacts,
        line("ReferralClosed", "hub", {"referral_id": "r-1", "reason": "treatment_complete"}, 60),
    ]


def borough_lines(events: int, interleave: int = 200) -> Iterator[str]:
    """About ``events`` lines; ``interleave`` journeys are in progress at once."""
    yield from _provider_lines()
    written, person = len(PROVIDERS), 0
    while written < events:
        group = [_journey(person + k) for k in range(interleave)]
        person += interleave
        for step in range(max(len(j) for j in group)):
            for journey in group:
                if step < len(journey) and written < events:
                    written += 1
                    yield json.dumps(journey[step])
