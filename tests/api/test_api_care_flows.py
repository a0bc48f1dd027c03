"""The flows the borough needs, under the relationship rules: GP referrals, ward stays, moves."""

from __future__ import annotations

from datetime import UTC, datetime

from api_journeys import bearer, referral, registration
from fastapi.testclient import TestClient

HUB, GP, CMHT = bearer("provider", "hub"), bearer("provider", "gp-1"), bearer("provider", "cmht")


def append(client: TestClient, person: str, headers: dict[str, str], type_: str,
           **data: object) -> int:
    """POST one event now; answers the status."""
    body = {"type": type_, "occurred_at": datetime.now(UTC).isoformat(), "data": data}
    return client.post(f"/people/{person}/events", json=body, headers=headers).status_code


def test_a_gp_registers_and_refers_its_patient(client: TestClient) -> None:
    """The GP that registered the person refers them on; the team then decides."""
    person = client.post("/people", json=registration(), headers=GP).json()["person_id"]
    assert client.post(f"/people/{person}/events", json=referral("cmht"), headers=GP).status_code == 201
    assert append(client, person, CMHT, "ReferralAccepted", referral_id="r-1") == 201


def test_a_gp_meeting_a_hub_registered_person_claims_then_refers(client: TestClient) -> None:
    """Without a claim the GP is a stranger; with one it can refer."""
    person = client.post("/people", json=registration(), headers=HUB).json()["person_id"]
    assert client.post(f"/people/{person}/events", json=referral("cmht"), headers=GP).status_code == 404
    claim = {"occurred_at": datetime.now(UTC).isoformat(), "nhs_number": "9434765919",
             "birth_date": "1990-04-01", "reason": "patient attended surgery asking for help"}
    assert client.post("/people/claims", json=claim, headers=GP).status_code == 201
    assert client.post(f"/people/{person}/events", json=referral("cmht"), headers=GP).status_code == 201


def test_a_ward_admits_on_a_referral_and_discharges(client: TestClient, person: str) -> None:
    """A ward has no relationship until referred to; then it admits, discharges, writes up."""
    ward = bearer("provider", "housing")  # any provider stands in for a ward in these tests
    stay = {"stay_id": "w-1", "ward_type": "acute", "out_of_area": False}
    assert append(client, person, ward, "AdmittedToWard", **stay) == 404
    assert client.post(f"/people/{person}/events", json=referral("housing"), headers=HUB).status_code == 201
    assert append(client, person, ward, "ReferralAccepted", referral_id="r-1") == 201
    assert append(client, person, ward, "AdmittedToWard", **stay) == 201
    assert append(client, person, ward, "DischargedFromWard", stay_id="w-1",
                  destination="supported_housing") == 201
