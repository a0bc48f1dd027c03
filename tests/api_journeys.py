"""Request bodies the API tests send: providers, registrations and story events."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from api.http.tokens import Caller, mint

SIGNING_KEY = "test-signing-key-" + "x" * 32
PROVIDERS = ("hub", "gp-1", "cmht", "housing")
WHEN = "2024-03-01T10:00:00+00:00"
AUDIT_PURPOSE = "quarterly audit of the caseload figures"
NHS_NUMBERS = ("9434765919", "9434765870", "4010232137", "9876543210")


SERVICES = {"hub": "hub", "gp-1": "gp", "cmht": "cmht", "housing": "housing"}


def provider_body(code: str) -> dict[str, Any]:
    """A ProviderRegistered body for a provider code (the Hub, a GP practice, a team, housing)."""
    return {"type": "ProviderRegistered", "provider_id": code, "occurred_at": "2024-01-01T09:00:00+00:00",
            "data": {"name": f"Provider {code}", "tier": "community",
                     "service": SERVICES.get(code, "other"),
                     "unit_cost_gbp": "38.00", "bed_day_cost_gbp": "0"}}


def registration(nhs_number: str | None = "9434765919", person_id: str | None = None) -> dict[str, Any]:
    """A POST /people body."""
    data: dict[str, Any] = {"given_name": "Ada", "family_name": "Example", "birth_date": "1990-04-01"}
    if nhs_number is not None:
        data["nhs_number"] = nhs_number
    body: dict[str, Any] = {"occurred_at": "2024-01-03T10:15:00+00:00", "data": data}
    if person_id is not None:
        body["person_id"] = person_id
    return body


def contact(contact_id: str = "c-1", **changes: Any) -> dict[str, Any]:
    """A ContactRecorded event body."""
    data = {"contact_id": contact_id, "channel": "telephone", "attendance": "attended",
            "purpose": "assessment", "duration_minutes": 30, **changes}
    return {"type": "ContactRecorded", "occurred_at": WHEN, "data": data}


def referral(to: str, referral_id: str = "r-1") -> dict[str, Any]:
    """A ReferralMade event body."""
    data = {"referral_id": referral_id, "to_provider_id": to, "priority": "routine",
            "source": "hub", "needs": ["housing"]}
    return {"type": "ReferralMade", "occurred_at": WHEN, "data": data}


def key_worker(staff_id: str) -> dict[str, Any]:
    """A KeyWorkerAssigned event body."""
    return {"type": "KeyWorkerAssigned", "occurred_at": WHEN, "data": {"key_worker_staff_id": staff_id}}


def bearer(role: str, provider: str | None = None, staff: str = "s-1",
           lifetime: timedelta = timedelta(hours=1), key: str = SIGNING_KEY) -> dict[str, str]:
    """Authorization headers for a caller."""
    caller = Caller.model_validate({"role": role, "provider_id": provider, "staff_id": staff})
    headers = {"Authorization": f"Bearer {mint(caller, key, lifetime)}"}
    if role == "analyst":  # analysts read stories only with a stated purpose (ignored elsewhere)
        headers["X-Audit-Purpose"] = AUDIT_PURPOSE
    return headers
