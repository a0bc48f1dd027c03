"""Attack: confirm an erased person's free text through the idempotency path, over HTTP.

A write sent with an ``Idempotency-Key`` keeps a fingerprint of its whole body. After the person
is erased, the same key sent with a guessed body used to be answered as a repeat (201) when the
guess was right and as key reuse (409) when it was wrong: the erased text could be confirmed a
guess at a time. These tests hold a right and a wrong guess to one answer, and a repeat to no
second append.
"""

from __future__ import annotations

from typing import Any

from api_journeys import NHS_NUMBERS, bearer, contact, registration
from fastapi.testclient import TestClient

from tests.api.test_api_erasure import erased

HUB = bearer("provider", "hub")
SUMMARY = "Spoke about the debt to the Marigold landlord and the eviction notice."
GUESS = "Spoke about the rent arrears."


def keyed(key: str) -> dict[str, str]:
    return {**HUB, "Idempotency-Key": key}


def seen(answer: Any) -> tuple[int, Any]:
    return answer.status_code, answer.json()


def version_of(client: TestClient, person: str) -> int:
    return int(client.get(f"/people/{person}/story", headers=bearer("analyst")).json()["version"])


def summary_sent_then_erased(client: TestClient, person: str) -> None:
    answer = client.post(f"/people/{person}/events", json=contact(summary=SUMMARY), headers=keyed("k-1"))
    assert answer.status_code == 201, answer.text
    erased(client, person)


def test_a_right_and_a_wrong_guess_of_an_erased_summary_are_answered_alike(
        client: TestClient, person: str) -> None:
    summary_sent_then_erased(client, person)
    right = client.post(f"/people/{person}/events", json=contact(summary=SUMMARY), headers=keyed("k-1"))
    wrong = client.post(f"/people/{person}/events", json=contact(summary=GUESS), headers=keyed("k-1"))
    assert seen(right) == seen(wrong)


def test_the_repeat_of_an_erased_write_with_text_is_refused_as_a_new_one_is(
        client: TestClient, person: str) -> None:
    """Its text can be neither compared nor kept: 422 naming the field, as for any erased write."""
    summary_sent_then_erased(client, person)
    answer = client.post(f"/people/{person}/events", json=contact(summary=SUMMARY), headers=keyed("k-1"))
    assert (answer.status_code, answer.json()["detail"][0]["loc"]) == (422, ["body", "data", "summary"])


def test_a_repeat_after_erasure_appends_nothing(client: TestClient, person: str) -> None:
    summary_sent_then_erased(client, person)
    before = version_of(client, person)
    for body in (contact(summary=SUMMARY), contact(summary=GUESS), contact()):
        client.post(f"/people/{person}/events", json=body, headers=keyed("k-1"))
    assert version_of(client, person) == before


def test_the_repeat_without_text_gets_the_first_answer(client: TestClient, person: str) -> None:
    """A retry that gives no sealed text is answered as the first request was, whatever the
    erased text was: 201, the same version, nothing appended."""
    first = client.post(f"/people/{person}/events", json=contact(summary=SUMMARY), headers=keyed("k-1"))
    erased(client, person)
    again = client.post(f"/people/{person}/events", json=contact(), headers=keyed("k-1"))
    assert seen(again) == (201, first.json())


def test_a_key_reused_for_another_contact_after_erasure_is_still_refused(
        client: TestClient, person: str) -> None:
    """What the erasure did not take (the contact's id here) is still compared: 409."""
    summary_sent_then_erased(client, person)
    other = client.post(f"/people/{person}/events", json=contact("c-2", summary=SUMMARY),
                        headers=keyed("k-1"))
    assert other.status_code == 409


def test_a_right_and_a_wrong_guess_of_an_erased_name_are_answered_alike(client: TestClient) -> None:
    body = registration(NHS_NUMBERS[1])
    first = client.post("/people", json=body, headers=keyed("reg-1"))
    assert first.status_code == 201, first.text
    erased(client, str(first.json()["person_id"]))
    wrong_body = {**body, "data": {**body["data"], "family_name": "Zabriskie"}}
    right = client.post("/people", json=body, headers=keyed("reg-1"))
    wrong = client.post("/people", json=wrong_body, headers=keyed("reg-1"))
    assert seen(right) == seen(wrong)
