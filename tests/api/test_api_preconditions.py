"""If-Match and Idempotency-Key on appends: stale writers are refused, repeats change nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api_journeys import bearer, contact, registration
from fastapi.testclient import TestClient

HUB = bearer("provider", "hub")
Story = Callable[[str], dict[str, Any]]


def test_an_append_at_the_expected_version_lands(client: TestClient, person: str) -> None:
    """If-Match with the story's current version is answered 201."""
    answer = client.post(f"/people/{person}/events", json=contact(), headers={**HUB, "If-Match": '"1"'})
    assert answer.status_code == 201


def test_an_append_to_a_story_that_moved_on_is_refused(
    client: TestClient, person: str, story_of: Story
) -> None:
    """If-Match with an older version is 412 and writes nothing."""
    client.post(f"/people/{person}/events", json=contact("c-1"), headers=HUB)
    answer = client.post(f"/people/{person}/events", json=contact("c-2"), headers={**HUB, "If-Match": '"1"'})
    assert answer.status_code == 412
    assert answer.json()["detail"][0]["loc"] == ["header", "If-Match"]
    assert story_of(person)["version"] == 2


@pytest.mark.parametrize("value", ["one", '"-1"', '"1', "1.0", '"99999999999999999999"'])
def test_a_malformed_if_match_is_a_bad_request(client: TestClient, person: str, value: str) -> None:
    """An If-Match that is not a version is 400."""
    answer = client.post(f"/people/{person}/events", json=contact(), headers={**HUB, "If-Match": value})
    assert answer.status_code == 400


def test_the_story_answer_carries_its_version_as_etag(client: TestClient, person: str) -> None:
    """Reading a story gives the ETag to send back as If-Match."""
    answer = client.get(f"/people/{person}/story", headers=HUB)
    assert answer.headers["ETag"] == '"1"'


def test_a_repeat_with_its_key_gets_the_first_answer_and_appends_nothing(
    client: TestClient, person: str, story_of: Story
) -> None:
    """A repeated Idempotency-Key returns the same status and body; one event is stored."""
    headers = {**HUB, "Idempotency-Key": "visit-7"}
    first = client.post(f"/people/{person}/events", json=contact(), headers=headers)
    second = client.post(f"/people/{person}/events", json=contact(), headers=headers)
    assert (second.status_code, second.json()) == (first.status_code, first.json()) == (201, {"version": 2})
    assert story_of(person)["version"] == 2


def test_a_key_reused_for_a_different_event_is_a_conflict(
    client: TestClient, person: str, story_of: Story
) -> None:
    """A key sent again with a different body is 409 and writes nothing."""
    headers = {**HUB, "Idempotency-Key": "visit-7"}
    client.post(f"/people/{person}/events", json=contact("c-1"), headers=headers)
    answer = client.post(f"/people/{person}/events", json=contact("c-2"), headers=headers)
    assert answer.status_code == 409
    assert answer.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert story_of(person)["version"] == 2


def test_an_over_long_idempotency_key_is_refused(client: TestClient, person: str) -> None:
    """Idempotency keys are 1 to 200 printable characters."""
    headers = {**HUB, "Idempotency-Key": "k" * 201}
    assert client.post(f"/people/{person}/events", json=contact(), headers=headers).status_code == 422


def test_a_key_reused_for_another_person_is_a_conflict(
    client: TestClient, person: str, story_of: Story
) -> None:
    """The same key and body sent for a second person is 409 naming the key, not a silent 201."""
    other = client.post("/people", json=registration(None), headers=HUB).json()["person_id"]
    headers = {**HUB, "Idempotency-Key": "visit-7"}
    client.post(f"/people/{person}/events", json=contact(), headers=headers)
    answer = client.post(f"/people/{other}/events", json=contact(), headers=headers)
    assert answer.status_code == 409
    assert answer.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert story_of(other)["version"] == 1
