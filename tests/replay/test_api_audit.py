"""Audits over HTTP: a person's figure inputs, figures as of an instant, and the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import pytest
from api_journeys import SIGNING_KEY, bearer, contact, provider_body, referral, registration
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings

ANALYST = bearer("analyst", staff="an-1")
RETRACTION = {"type": "EventRetracted", "occurred_at": "2024-03-02T10:00:00+00:00",
              "data": {"version": 2, "reason": "recorded against the wrong person"}}


@pytest.fixture
def client(database_url: str, schema: str) -> Iterator[TestClient]:
    """The API (figures caught up by hand) with hub and cmht registered."""
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY)
    with TestClient(create_app(settings, projections=False)) as test_client:
        for code in ("hub", "cmht"):
            test_client.post("/providers", json=provider_body(code), headers=bearer("admin"))
        yield test_client


@pytest.fixture
def person(client: TestClient) -> str:
    """A story: registered, contact (retracted later), referral to cmht, contact, retraction."""
    hub = bearer("provider", "hub")
    person_id = str(client.post("/people", json=registration(), headers=hub).json()["person_id"])
    for body in (contact("c-1"), referral("cmht"), contact("c-2"), RETRACTION):
        answer = client.post(f"/people/{person_id}/events", json=body, headers=hub)
        assert answer.status_code == 201, answer.text
    client.app.state.figures.catch_up()  # type: ignore[attr-defined]
    return person_id


def inputs(client: TestClient, person: str, **params: str) -> list[dict[str, Any]]:
    answer = client.get(f"/people/{person}/figure-inputs", params=params, headers=ANALYST)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["inputs"])


def test_figure_inputs_list_each_fact_with_its_version_and_retraction(client: TestClient,
                                                                      person: str) -> None:
    """Contacts, the referral and the retraction, by version; the retracted contact is flagged."""
    assert [(i["table"], i["version"], i["retracted"]) for i in inputs(client, person)] == [
        ("contacts", 2, True), ("referrals", 3, False), ("contacts", 4, False),
        ("retractions", 5, False)]


def test_figure_inputs_as_of_leave_out_later_facts_and_retractions(client: TestClient,
                                                                   person: str) -> None:
    """As of the referral's recording, the first contact still stood and later facts were unknown."""
    referral_recorded = inputs(client, person)[1]["recorded_at"]
    earlier = inputs(client, person, as_of=referral_recorded)
    assert [(i["version"], i["retracted"]) for i in earlier] == [(2, False), (3, False)]


def test_only_analysts_read_figure_inputs(client: TestClient, person: str) -> None:
    """Provider staff are refused."""
    answer = client.get(f"/people/{person}/figure-inputs", headers=bearer("provider", "hub"))
    assert answer.status_code == 403


def test_figure_inputs_of_an_unknown_person_are_not_found(client: TestClient) -> None:
    """No story, no inputs: 404."""
    assert client.get(f"/people/{uuid4()}/figure-inputs", headers=ANALYST).status_code == 404


def test_an_as_of_query_of_the_figures_goes_in_the_audit_log(client: TestClient, person: str) -> None:
    """Who asked, as what role, for which figures as of when."""
    params = {"from": "2024-03", "to": "2024-03", "as_of": "2024-04-01T00:00:00+00:00"}
    assert client.get("/outcomes/cost", params=params, headers=ANALYST).status_code == 200
    entry = client.get("/audit-log", headers=ANALYST).json()["entries"][-1]
    assert (entry["actor"], entry["role"], entry["action"], entry["details"]["metric"]) == (
        "an-1", "analyst", "as_of_outcomes", "cost")


def test_a_read_of_figure_inputs_goes_in_the_audit_log(client: TestClient, person: str) -> None:
    """The audit log names whose inputs the analyst read."""
    inputs(client, person)
    entry = client.get("/audit-log", headers=ANALYST).json()["entries"][-1]
    assert (entry["action"], entry["details"]["person_id"]) == ("figure_inputs", person)


def test_commissioners_may_not_read_the_audit_log(client: TestClient) -> None:
    """The audit log is for analysts."""
    assert client.get("/audit-log", headers=bearer("commissioner", staff="c-1")).status_code == 403


def test_outcomes_as_of_leave_out_facts_recorded_later(client: TestClient, person: str) -> None:
    """As of before anything was recorded, March has no cost; now it has one attended contact's."""
    params = {"from": "2024-03", "to": "2024-03", "provider": "hub"}
    before = {**params, "as_of": "2024-03-01T00:00:00+00:00"}
    now = client.get("/outcomes/cost", params=params, headers=ANALYST).json()["rows"]
    then = client.get("/outcomes/cost", params=before, headers=ANALYST).json()["rows"]
    assert (now[0]["cost_gbp"], then) == ("38.00", [])
