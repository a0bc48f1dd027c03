"""Awaiting self-referrals as entries of the Hub's waiting list, and the intake page's path."""

from __future__ import annotations

from datetime import date, timedelta

from api_journeys import bearer
from fastapi.testclient import TestClient
from self_referral_bodies import asking

from api.http.intake_waiting import self_referral_entries
from projections.calendar import london_date

WAITING_KEYS = {"person_id", "referral_id", "from_provider_id", "received_at", "received_on",
                "accepted", "days_waited"}


def test_awaiting_self_referrals_are_waiting_list_entries(client: TestClient) -> None:
    """The waiting list's keys plus kind, priority and name; urgent first, then oldest."""
    routine = client.post("/self-referrals", json=asking()).json()["reference"]
    urgent = client.post("/self-referrals", json=asking(in_crisis=True, given_name="Cy")).json()["reference"]
    entries = self_referral_entries(client.app.state.intake, date(2030, 1, 1))  # type: ignore[attr-defined]
    assert [e["referral_id"] for e in entries] == [urgent, routine]
    assert set(entries[0]) == WAITING_KEYS | {"kind", "priority", "name"}
    assert (entries[0]["kind"], entries[0]["priority"], entries[0]["name"]) == \
        ("self_referral", "urgent", "Cy Example")
    assert entries[1]["priority"] == "routine"


def test_days_waited_count_from_the_request_to_the_day_given(client: TestClient) -> None:
    """Days waited are the London date of the request to ``today``, from the events' own times."""
    client.post("/self-referrals", json=asking())
    intake = client.app.state.intake  # type: ignore[attr-defined]
    received = london_date(intake.awaiting()[0].received_at)
    entry = self_referral_entries(intake, received + timedelta(days=3))[0]
    assert (entry["received_on"], entry["days_waited"]) == (received.isoformat(), 3)


def test_a_confirmed_self_referral_leaves_the_list(client: TestClient) -> None:
    """Once confirmed into a story it is a referral in that story, no longer an intake entry."""
    reference = client.post("/self-referrals", json=asking(birth_date="1980-01-01")).json()["reference"]
    confirmed = client.post(f"/intake/{reference}/story", json={"occurred_at": "2026-01-05T09:00:00Z"},
                            headers=bearer("provider", "hub"))
    assert confirmed.status_code == 201
    assert self_referral_entries(client.app.state.intake, date(2030, 1, 1)) == []  # type: ignore[attr-defined]


def test_a_browser_with_no_token_gets_the_intake_page_without_data(client: TestClient) -> None:
    """``GET /intake`` asking for HTML with no token: the page (no data); with JSON: 401."""
    client.post("/self-referrals", json=asking())
    page = client.get("/intake", headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    assert "Example" not in page.text
    assert client.get("/intake", headers={"Accept": "application/json"}).status_code == 401


def test_a_new_storys_patient_carries_phone_and_email(client: TestClient) -> None:
    """The phone and email given at the front door are in the FHIR Patient's telecom."""
    reference = client.post("/self-referrals", json=asking(birth_date="1980-01-01")).json()["reference"]
    person = client.post(f"/intake/{reference}/story", json={"occurred_at": "2026-01-05T09:00:00Z"},
                         headers=bearer("provider", "hub")).json()["person_id"]
    bundle = client.get(f"/people/{person}/fhir", headers=bearer("provider", "hub")).json()
    patient = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    assert patient["telecom"] == [{"system": "phone", "value": "020 7946 0000"},
                                  {"system": "email", "value": "ada@example.org"}]
