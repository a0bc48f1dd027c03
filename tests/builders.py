"""Builders of valid events for tests: a small borough's providers and people."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from ledger.catalogue import Occurrence
from ledger.event_lines import occurrence_of
from ledger.values import nhs_check_digit

T0 = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def at(days: float = 0) -> datetime:
    """An instant ``days`` after the borough's first Monday of 2025."""
    return T0 + timedelta(days=days)


def nhs_number(serial: int) -> str:
    """A valid NHS number (modulus-11 check digit) derived from a serial number."""
    stem = serial
    while True:
        first_nine = f"{stem % 10**9:09d}"
        check = nhs_check_digit(first_nine)
        if check is not None:
            return first_nine + str(check)
        stem += 1


def event(type_: str, data: dict[str, Any], provider: str = "hub", when: datetime | None = None,
          staff: str = "s-1") -> Occurrence:
    """A validated occurrence of ``type_``."""
    return occurrence_of(type_, when or at(), provider, staff, data)


def provider(code: str, tier: str = "community", service: str = "hub", unit: str = "38.00",
             bed_day: str = "0") -> Occurrence:
    """A provider's registration."""
    data = {"name": f"Provider {code}", "tier": tier, "service": service,
            "unit_cost_gbp": unit, "bed_day_cost_gbp": bed_day}
    return occurrence_of("ProviderRegistered", at(-30), code, "admin", data)


def registration(serial: int | None = 1, provider_id: str = "hub") -> Occurrence:
    """A person's registration, with an NHS number unless ``serial`` is None."""
    data: dict[str, Any] = {"given_name": "Ada", "family_name": "Example", "birth_date": "1990-04-01"}
    if serial is not None:
        data["nhs_number"] = nhs_number(serial)
    return event("PersonRegistered", data, provider_id, at(-1))


def referral(referral_id: str = "r-1", to: str = "cmht", sender: str = "gp-1") -> Occurrence:
    """A routine referral from ``sender`` received by ``to``."""
    data = {"referral_id": referral_id, "to_provider_id": to, "priority": "routine",
            "source": "gp", "needs": ["housing"]}
    return event("ReferralMade", data, sender)


def contact(contact_id: str = "c-1", provider_id: str = "hub", channel: str = "face_to_face",
            attendance: str = "attended", **extra: Any) -> Occurrence:
    """A contact of the person with ``provider_id``."""
    data = {"contact_id": contact_id, "channel": channel, "attendance": attendance,
            "purpose": "assessment", "duration_minutes": 30, **extra}
    return event("ContactRecorded", data, provider_id)


def registered_at_hub(ledger: Any) -> UUID:
    """A person the Hub registered (the Hub registered first) in ``ledger``; their id."""
    ledger.register_provider(provider("hub"))
    person_id = uuid4()
    ledger.register_person(person_id, registration(1))
    return person_id
