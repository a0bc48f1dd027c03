"""Reading a story: who may, and the story as it stands now, at an instant or at a version."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import pytest
from api_journeys import bearer, contact, key_worker, referral
from fastapi.testclient import TestClient

HUB = bearer("provider", "hub")


def read(client: TestClient, person: str, headers: dict[str, str], query: str = "") -> int:
    """The status of a story read."""
    return client.get(f"/people/{person}/story{query}", headers=headers).status_code


def test_the_story_has_the_contract_shape(client: TestClient, person: str) -> None:
    """The answer holds person_id, version and every event with both times, author and flag."""
    story = client.get(f"/people/{person}/story", headers=HUB).json()
    assert (story["person_id"], story["version"]) == (person, 1)
    assert set(story["events"][0]) == {"version", "type", "occurred_at", "recorded_at", "provider_id",
                                       "staff_id", "data", "retracted"}


def test_the_registering_provider_reads_the_story(client: TestClient, person: str) -> None:
    """The provider that registered the person has a care relationship."""
    assert read(client, person, bearer("provider", "hub", "s-77")) == 200


def test_a_provider_referred_to_reads_the_story(client: TestClient, person: str) -> None:
    """A referral to a provider gives it a care relationship."""
    client.post(f"/people/{person}/events", json=referral("cmht"), headers=HUB)
    assert read(client, person, bearer("provider", "cmht")) == 200


def test_a_write_never_creates_its_own_permission(client: TestClient, person: str) -> None:
    """A stranger's contact is refused as for an unknown story, and gains it no read."""
    stranger = bearer("provider", "housing")
    assert client.post(f"/people/{person}/events", json=contact(), headers=stranger).status_code == 404
    assert read(client, person, stranger) == 404


def test_a_provider_with_no_relationship_gets_the_unknown_story_answer(
    client: TestClient, person: str
) -> None:
    """Staff of a provider with no care relationship learn nothing, not even that it exists."""
    refused = client.get(f"/people/{person}/story", headers=bearer("provider", "gp-1"))
    unknown = client.get(f"/people/{uuid.uuid4()}/story", headers=bearer("provider", "gp-1"))
    assert (refused.status_code, unknown.status_code) == (404, 404)
    assert refused.json()["detail"][0]["type"] == unknown.json()["detail"][0]["type"]


def test_break_glass_lets_any_provider_staff_read(client: TestClient, person: str) -> None:
    """An X-Break-Glass-Reason lets provider staff without a relationship read."""
    headers = {**bearer("provider", "gp-1"), "X-Break-Glass-Reason": "crisis call, no other record"}
    assert read(client, person, headers) == 200


def test_a_one_word_break_glass_reason_is_refused(client: TestClient, person: str) -> None:
    """A reason of substance: at least three words, so the privacy officer can review it."""
    headers = {**bearer("provider", "gp-1"), "X-Break-Glass-Reason": "x" * 20}
    assert read(client, person, headers) == 422


def test_the_persons_key_worker_reads_the_story(client: TestClient, person: str) -> None:
    """The current key worker (staff id at the provider that assigned them) reads."""
    client.post(f"/people/{person}/events", json=key_worker("kw-5"), headers=HUB)
    assert read(client, person, bearer("key_worker", "hub", "kw-5")) == 200


def test_the_same_staff_id_at_another_provider_is_not_the_key_worker(
    client: TestClient, person: str
) -> None:
    """Staff ids mean nothing without their provider: gp-1's kw-5 is a stranger."""
    client.post(f"/people/{person}/events", json=key_worker("kw-5"), headers=HUB)
    assert read(client, person, bearer("key_worker", "gp-1", "kw-5")) == 404
    access_log = client.get(f"/people/{person}/access-log", headers=bearer("key_worker", "gp-1", "kw-5"))
    assert access_log.status_code == 404


def test_an_ended_key_worker_no_longer_sees_the_access_log(client: TestClient, person: str) -> None:
    """A key worker whose assignment ended loses what the key work gave."""
    kw = bearer("key_worker", "hub", "kw-5")
    client.post(f"/people/{person}/events", json=key_worker("kw-5"), headers=HUB)
    assert client.get(f"/people/{person}/access-log", headers=kw).status_code == 200
    ended = {**key_worker("kw-5"), "type": "KeyWorkerEnded"}
    client.post(f"/people/{person}/events", json=ended, headers=HUB)
    assert client.get(f"/people/{person}/access-log", headers=kw).status_code == 403


def test_an_analyst_reads_any_story(client: TestClient, person: str) -> None:
    """Analysts read every story."""
    assert read(client, person, bearer("analyst")) == 200


@pytest.mark.parametrize("role", ["commissioner", "admin"])
def test_commissioners_and_admins_never_read_a_story(client: TestClient, person: str, role: str) -> None:
    """Commissioners and administrators get 403, even with a break-glass reason."""
    headers = {**bearer(role), "X-Break-Glass-Reason": "just curious about this person"}
    assert read(client, person, headers) == 403


def test_an_unknown_person_is_not_found(client: TestClient) -> None:
    """Reading a story that does not exist is 404."""
    assert read(client, str(uuid.uuid4()), bearer("analyst")) == 404


def test_as_of_shows_the_story_as_recorded_then(client: TestClient, person: str) -> None:
    """?as_of gives only the events recorded at or before the instant."""
    registered_at = client.get(f"/people/{person}/story", headers=HUB).json()["events"][0]["recorded_at"]
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    story = client.get(f"/people/{person}/story?as_of={quote(registered_at)}", headers=HUB).json()
    assert (story["version"], len(story["events"])) == (1, 1)


def test_as_of_before_the_story_began_is_not_found(client: TestClient, person: str) -> None:
    """Before its registration was recorded, the story did not exist."""
    assert read(client, person, HUB, "?as_of=2000-01-01T00:00:00%2B00:00") == 404


def test_as_of_without_an_offset_is_refused(client: TestClient, person: str) -> None:
    """An instant needs an offset."""
    assert read(client, person, HUB, "?as_of=2030-01-01T00:00:00") == 422


def test_version_shows_the_story_up_to_that_version(client: TestClient, person: str) -> None:
    """?version=N gives the story as it stood at version N."""
    client.post(f"/people/{person}/events", json=contact(), headers=HUB)
    assert client.get(f"/people/{person}/story?version=1", headers=HUB).json()["version"] == 1


def test_a_version_the_story_never_reached_is_not_found(client: TestClient, person: str) -> None:
    """?version beyond the story's end is 404."""
    assert read(client, person, HUB, "?version=5") == 404


@pytest.mark.parametrize("role", ["commissioner", "admin", "privacy_officer"])
def test_roles_that_never_read_get_the_same_answer_for_any_id(
    client: TestClient, person: str, role: str
) -> None:
    """A 403 for a known person and a 404 for an unknown one would tell them who exists."""
    known = client.get(f"/people/{person}/story", headers=bearer(role))
    unknown = client.get(f"/people/{uuid.uuid4()}/story", headers=bearer(role))
    assert (known.status_code, known.text) == (unknown.status_code, unknown.text)
