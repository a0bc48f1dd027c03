"""Breaking glass on any route that returns the story (the story, its summary, its FHIR export)
is seen by the person and by the privacy officer: no route reads a stranger's story unseen."""

from __future__ import annotations

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient
from person_journeys import person_bearer

REASON = "person collapsed in our waiting room"
HOUSING = {**bearer("provider", "housing", "h-7"), "X-Break-Glass-Reason": REASON}


@pytest.mark.parametrize("route", ["story", "summary", "fhir"])
def test_the_privacy_officer_sees_the_break_glass_read(client: TestClient, person: str, route: str) -> None:
    """The report lists the read with its provider, staff member and reason."""
    assert client.get(f"/people/{person}/{route}", headers=HOUSING).status_code == 200
    entries = client.get("/break-glass", headers=bearer("privacy_officer")).json()["entries"]
    assert [(e["person_id"], e["provider_id"], e["staff_id"], e["reason"]) for e in entries] == [
        (person, "housing", "h-7", REASON)]


@pytest.mark.parametrize("route", ["story", "summary", "fhir"])
def test_the_person_sees_the_break_glass_read(client: TestClient, person: str, route: str) -> None:
    """The person's own access log shows housing's read, flagged as breaking glass."""
    assert client.get(f"/people/{person}/{route}", headers=HOUSING).status_code == 200
    reads = client.get(f"/people/{person}/access-log", headers=person_bearer(person)).json()["reads"]
    assert [(r["provider_id"], r["break_glass"]) for r in reads if r["role"] != "person"] == [
        ("housing", True)]
