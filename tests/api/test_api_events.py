"""Appending to a story over HTTP: one event or a batch, as the token's provider and staff."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from api_journeys import bearer, contact, referral
from fastapi.testclient import TestClient

HUB = bearer("provider", "hub", staff="s-4")
Story = Callable[[str], dict[str, Any]]


def test_a_provider_appends_one_event(client: TestClient, person: str) -> None:
    """One event is answered 201 with the story's new version."""
    answer = client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    assert (answer.status_code, answer.json()) == (201, {"version": 2})


def test_an_event_is_recorded_as_the_tokens_provider_and_staff(
    client: TestClient, person: str, story_of: Story
) -> None:
    """Provider and staff come from the token, never the body."""
    client.post(f"/people/{person}/events", json=contact(), headers=bearer("key_worker", "hub", "kw-2"))
    last = story_of(person)["events"][-1]
    assert (last["provider_id"], last["staff_id"]) == ("hub", "kw-2")


def test_a_provider_named_in_an_event_is_refused(client: TestClient, person: str, story_of: Story) -> None:
    """A provider_id in the event body is refused (422), and nothing is written."""
    body = {**contact(), "provider_id": "gp-1"}
    answer = client.post(f"/people/{person}/events", json=body, headers=HUB)
    assert answer.status_code == 422
    assert story_of(person)["version"] == 1


def test_a_batch_lands_in_order(client: TestClient, person: str, story_of: Story) -> None:
    """A batch of events is appended in the order sent."""
    batch = {"events": [referral("cmht"), contact("c-1", referral_id="r-1")]}
    answer = client.post(f"/people/{person}/events", json=batch, headers=HUB)
    assert answer.json() == {"version": 3}
    assert [e["type"] for e in story_of(person)["events"]][1:] == ["ReferralMade", "ContactRecorded"]


def test_a_batch_with_one_bad_event_writes_nothing(client: TestClient, person: str, story_of: Story) -> None:
    """A batch is all or nothing: the bad event is named and the story stays as it was."""
    batch = {"events": [contact("c-1"), contact("c-2", channel="pigeon")]}
    answer = client.post(f"/people/{person}/events", json=batch, headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "events", 1, "data", "channel"]
    assert story_of(person)["version"] == 1


def test_a_batch_breaking_a_rule_late_writes_nothing(
    client: TestClient, person: str, story_of: Story
) -> None:
    """A guard refusing the second event of a batch refuses the whole batch."""
    batch = {"events": [contact("c-1"), contact("c-1")]}
    answer = client.post(f"/people/{person}/events", json=batch, headers=HUB)
    assert answer.status_code == 422
    assert story_of(person)["version"] == 1


def test_an_unknown_person_is_not_found(client: TestClient) -> None:
    """Appending to a story that does not exist is 404."""
    answer = client.post(f"/people/{uuid.uuid4()}/events", json=contact(), headers=HUB)
    assert answer.status_code == 404


def test_a_referral_to_an_unknown_provider_names_the_field(client: TestClient, person: str) -> None:
    """A referral to a provider not in the directory is 422 at data.to_provider_id."""
    answer = client.post(f"/people/{person}/events", json=referral("nowhere"), headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "to_provider_id"]


def test_a_decision_on_a_referral_not_made_is_refused(client: TestClient, person: str) -> None:
    """Accepting a referral that is not in the story is 422 naming referral_id."""
    body = {"type": "ReferralAccepted", "occurred_at": "2024-03-02T10:00:00+00:00",
            "data": {"referral_id": "r-9"}}
    answer = client.post(f"/people/{person}/events", json=body, headers=HUB)
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "referral_id"]


@pytest.mark.parametrize("event_type", ["PersonRegistered", "ProviderRegistered", "ProviderCostsChanged"])
def test_events_that_do_not_belong_in_a_story_are_refused(
    client: TestClient, person: str, event_type: str
) -> None:
    """Registrations and directory events cannot be appended to a story."""
    body = {"type": event_type, "occurred_at": "2024-03-02T10:00:00+00:00", "data": {}}
    answer = client.post(f"/people/{person}/events", json=body, headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "type"]


@pytest.mark.parametrize("role", ["analyst", "commissioner", "admin"])
def test_roles_without_a_provider_may_not_append(client: TestClient, person: str, role: str) -> None:
    """Only provider staff and key workers append to stories."""
    answer = client.post(f"/people/{person}/events", json=contact(), headers=bearer(role))
    assert answer.status_code == 403


def test_a_retraction_flags_the_event_retracted(client: TestClient, person: str, story_of: Story) -> None:
    """An EventRetracted marks the named version retracted when the story is read."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    body = {"type": "EventRetracted", "occurred_at": "2024-03-02T10:00:00+00:00",
            "data": {"version": 2, "reason": "wrong person"}}
    assert client.post(f"/people/{person}/events", json=body, headers=HUB).status_code == 201
    assert [e["retracted"] for e in story_of(person)["events"]] == [False, True, False]
