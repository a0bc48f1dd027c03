"""Names on lists follow relationships and erasure: shown while the provider may read, shredded
with the person's key."""

from __future__ import annotations

from api_journeys import bearer, referral
from fastapi.testclient import TestClient

from tests.api.test_api_erasure import erased
from tests.api.worklist_story import CMHT, HUB, append, get, on_the_lists


def test_an_erased_person_is_listed_without_a_name(client: TestClient, person: str) -> None:
    """After erasure the sealed name in the list table no longer opens: null, not the old name."""
    after = on_the_lists(client, person)
    erased(client, person)
    wait = get(client, "/providers/cmht/waiting-list", CMHT, after)["waiting"][0]
    assert (wait["person_id"], wait["name"], wait["nhs_number"]) == (person, None, None)


def test_a_past_caseload_hides_names_after_the_relationship(client: TestClient, person: str) -> None:
    """cmht's caseload on 2 March 2024 still lists the person; after a decline long ago (past
    the 30 days' grace) cmht may not read them, so the row has no name."""
    append(client, person, referral("cmht"), HUB)
    decline = {"type": "ReferralDeclined", "occurred_at": "2024-03-05T10:00:00+00:00",
               "data": {"referral_id": "r-1", "reason": "signposted to the Network"}}
    answer = client.post(f"/people/{person}/events", json=decline, headers=CMHT)
    assert answer.status_code == 201, answer.text
    after = answer.headers["X-Ledger-Position"]
    body = client.get("/providers/cmht/caseload", params={"after": after, "on": "2024-03-02"},
                      headers=CMHT).json()
    assert [(p["person_id"], p["name"]) for p in body["people"]] == [(person, None)]


def test_a_key_worker_is_refused_anothers_people(client: TestClient, person: str) -> None:
    """kw-6 asking for kw-5's people: 403, nothing listed."""
    after = on_the_lists(client, person)
    answer = client.get("/key-workers/kw-5/caseload", params={"after": after},
                        headers=bearer("key_worker", "cmht", "kw-6"))
    assert (answer.status_code, "people" in answer.json()) == (403, False)


def test_another_providers_staff_are_refused_the_list(client: TestClient, person: str) -> None:
    """Housing staff asking for cmht's waiting list: 403."""
    after = on_the_lists(client, person)
    answer = client.get("/providers/cmht/waiting-list", params={"after": after},
                        headers=bearer("provider", "housing"))
    assert answer.status_code == 403
