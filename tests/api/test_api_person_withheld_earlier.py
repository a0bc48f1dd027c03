"""A person asking for their story as it stood before an entry was withheld from them (by version
or instant) still sees only the marker: ``as_of`` and ``version`` are ignored for them."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from api_journeys import bearer, contact
from fastapi.testclient import TestClient
from person_journeys import person_bearer, withhold

HUB = bearer("provider", "hub")


def withheld_contact(client: TestClient, person: str) -> str:
    """The Hub records a contact (version 2) and withholds it (version 3); answers the instant
    the contact was recorded, before the withholding."""
    client.post(f"/people/{person}/events", json=contact(summary="her brother's debts"), headers=HUB)
    assert client.post(f"/people/{person}/events", json=withhold(2), headers=HUB).status_code == 201
    events = client.get(f"/people/{person}/story", headers=HUB).json()["events"]
    return str(events[1]["recorded_at"])


@pytest.mark.parametrize("earlier", ["version", "as_of"])
def test_an_earlier_view_still_withholds_the_entry(client: TestClient, person: str,
                                                   earlier: str) -> None:
    """``?version=2`` or ``?as_of=`` the contact's recording: the marker, never the contact."""
    recorded = withheld_contact(client, person)
    query = "version=2" if earlier == "version" else f"as_of={quote(recorded)}"
    answer = client.get(f"/people/{person}/story?{query}", headers=person_bearer(person))
    assert answer.status_code == 200, answer.text
    assert [e["type"] for e in answer.json()["events"]] == ["PersonRegistered", "EntryWithheld"]
    assert "brother" not in answer.text


def test_an_earlier_export_leaves_it_out_too(client: TestClient, person: str) -> None:
    """The FHIR export asked for an earlier version has no Encounter either."""
    withheld_contact(client, person)
    answer = client.get(f"/people/{person}/fhir?version=2", headers=person_bearer(person))
    assert answer.status_code == 200, answer.text
    assert "Encounter" not in answer.text
    assert "brother" not in answer.text
