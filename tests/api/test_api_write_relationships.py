"""Writes follow care relationships: an intruder's token can neither write nor win a read."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from api_journeys import bearer, contact, key_worker, referral
from fastapi.testclient import TestClient

HUB, CMHT, HOUSING = bearer("provider", "hub"), bearer("provider", "cmht"), bearer("provider", "housing")


def post(client: TestClient, person: str, body: dict[str, object], headers: dict[str, str]) -> int:
    """The status of an append."""
    return client.post(f"/people/{person}/events", json=body, headers=headers).status_code


def consent() -> dict[str, object]:
    """A harmless-looking ConsentRecorded body."""
    return {"type": "ConsentRecorded", "occurred_at": "2024-03-01T10:00:00+00:00",
            "data": {"scope": "research", "given": True}}


def test_a_stranger_cannot_append_and_gains_no_read(client: TestClient, person: str) -> None:
    """One harmless ConsentRecorded no longer turns a refusal into read access for ever."""
    assert post(client, person, consent(), HOUSING) == 404
    assert client.get(f"/people/{person}/story", headers=HOUSING).status_code == 404


def test_a_strangers_refusal_equals_an_unknown_storys(client: TestClient, person: str) -> None:
    """Status and body match a story that does not exist, apart from the id in the message."""
    known = client.post(f"/people/{person}/events", json=contact(), headers=HOUSING)
    other = str(uuid.uuid4())
    unknown = client.post(f"/people/{other}/events", json=contact(), headers=HOUSING)
    assert known.status_code == unknown.status_code == 404
    assert known.text.replace(person, "ID") == unknown.text.replace(other, "ID")


def test_a_stale_if_match_from_a_stranger_says_nothing_of_the_version(
    client: TestClient, person: str
) -> None:
    """A 412 would confirm the story and its version: the stranger gets 404 first."""
    headers = {**HOUSING, "If-Match": '"7"'}
    assert post(client, person, contact(), headers) == 404


def test_a_referred_team_can_write(client: TestClient, person: str) -> None:
    """A referral to cmht gives cmht a relationship: it decides and records contacts."""
    assert post(client, person, referral("cmht"), HUB) == 201
    accept = {"type": "ReferralAccepted", "occurred_at": "2024-03-01T11:00:00+00:00",
              "data": {"referral_id": "r-1"}}
    assert post(client, person, accept, CMHT) == 201
    assert post(client, person, contact("c-9"), CMHT) == 201


def test_one_provider_cannot_retract_anothers_entry(client: TestClient, person: str) -> None:
    """The Hub cannot retract cmht's contact (it would change cmht's figures)."""
    post(client, person, referral("cmht"), HUB)
    post(client, person, contact("c-9"), CMHT)
    retraction = {"type": "EventRetracted", "occurred_at": "2024-03-02T10:00:00+00:00",
                  "data": {"version": 3, "reason": "not ours to keep"}}
    answer = client.post(f"/people/{person}/events", json=retraction, headers=HUB)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "data", "version"]


def test_a_key_worker_of_another_provider_with_the_same_staff_id_cannot_write(
    client: TestClient, person: str
) -> None:
    """gp-1's kw-5 is not the Hub's kw-5."""
    post(client, person, key_worker("kw-5"), HUB)
    assert post(client, person, contact("c-2"), bearer("key_worker", "gp-1", "kw-5")) == 404


def test_a_stranger_cannot_rename_the_person(client: TestClient, person: str) -> None:
    """Details changes follow the relationship rule."""
    rename = {"type": "DetailsUpdated", "occurred_at": "2024-03-01T10:00:00+00:00",
              "data": {"given_name": "Mallory"}}
    assert post(client, person, rename, HOUSING) == 404


def test_a_stranger_cannot_make_itself_key_worker(client: TestClient, person: str) -> None:
    """Key-worker assignments follow the relationship rule."""
    assert post(client, person, key_worker("kw-9"), bearer("key_worker", "housing", "kw-9")) == 404


def days_ago(days: int) -> str:
    """An instant ``days`` before now, as the API takes it."""
    return (datetime.now(UTC) - timedelta(days=days)).isoformat()


def test_a_declined_team_may_write_up_late_within_its_relationship(
    client: TestClient, person: str
) -> None:
    """For 30 days after declining, a team may add entries dated inside the relationship only."""
    post(client, person, {**referral("cmht"), "occurred_at": days_ago(10)}, HUB)
    decline = {"type": "ReferralDeclined", "occurred_at": days_ago(3),
               "data": {"referral_id": "r-1", "reason": "signposted to the Network"}}
    assert post(client, person, decline, CMHT) == 201
    assert post(client, person, {**contact("c-late"), "occurred_at": days_ago(5)}, CMHT) == 201
    assert post(client, person, {**contact("c-after"), "occurred_at": days_ago(1)}, CMHT) == 404


def test_a_relationship_ended_long_ago_allows_no_late_entry(client: TestClient, person: str) -> None:
    """Past the 30 days of grace, even an entry dated inside the relationship is refused."""
    post(client, person, {**referral("cmht"), "occurred_at": days_ago(90)}, HUB)
    decline = {"type": "ReferralDeclined", "occurred_at": days_ago(60),
               "data": {"referral_id": "r-1", "reason": "signposted to the Network"}}
    assert post(client, person, decline, CMHT) == 201  # the decline itself is within the referral
    assert post(client, person, {**contact("c-late"), "occurred_at": days_ago(70)}, CMHT) == 404


def test_the_key_worker_caseload_is_the_workers_own_provider(client: TestClient, person: str) -> None:
    """gp-1's kw-5 does not see the Hub's kw-5's people; the Hub's kw-5 does."""
    written = client.post(f"/people/{person}/events", json=key_worker("kw-5"), headers=HUB)
    after = {"after": written.headers["X-Ledger-Position"]}
    ours = client.get("/key-workers/kw-5/caseload", params=after,
                      headers=bearer("key_worker", "hub", "kw-5"))
    theirs = client.get("/key-workers/kw-5/caseload", params=after,
                        headers=bearer("key_worker", "gp-1", "kw-5"))
    assert (ours.json()["count"], theirs.json()["count"]) == (1, 0)


def test_a_team_in_its_grace_cannot_refer_to_itself_to_stay(client: TestClient, person: str) -> None:
    """A backdated self-referral would be a relationship without end: refused, nothing written."""
    post(client, person, {**referral("cmht"), "occurred_at": days_ago(10)}, HUB)
    decline = {"type": "ReferralDeclined", "occurred_at": days_ago(3),
               "data": {"referral_id": "r-1", "reason": "signposted to the Network"}}
    post(client, person, decline, CMHT)
    back = {**referral("cmht", "r-2"), "occurred_at": days_ago(5)}
    onward = {**referral("housing", "r-3"), "occurred_at": days_ago(5)}
    assert post(client, person, back, CMHT) == 403
    assert post(client, person, onward, CMHT) == 403
    assert post(client, person, {**contact("c-now"), "occurred_at": days_ago(0)}, CMHT) == 404


def test_a_provider_never_refers_to_itself(client: TestClient, person: str) -> None:
    """Even with a current relationship, a self-referral would only prolong it."""
    assert post(client, person, referral("hub"), HUB) == 403


def test_a_provider_not_in_the_directory_is_refused_before_the_story(client: TestClient, person: str) -> None:
    """A token for a made-up code gets 403 whether the story exists or not."""
    made_up = bearer("provider", "nowhere")
    assert post(client, person, contact(), made_up) == 403
    assert post(client, str(uuid.uuid4()), contact(), made_up) == 403
