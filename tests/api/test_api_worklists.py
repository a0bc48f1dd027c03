"""The lists carry names: waiting list, caseload and "My people", each read from the list tables."""

from __future__ import annotations

from datetime import date

from api_journeys import bearer, registration
from fastapi.testclient import TestClient

from tests.api.worklist_story import CMHT, HUB, KW5, append, get, on_the_lists, seen


def test_the_waiting_list_names_the_person_and_the_referrer(client: TestClient, person: str) -> None:
    """A waiting entry: kind, name, NHS number, priority, needs and the referrer by name."""
    wait = get(client, "/providers/cmht/waiting-list", CMHT, on_the_lists(client, person))["waiting"][0]
    assert {k: wait[k] for k in ("kind", "person_id", "name", "nhs_number", "priority", "needs",
                                 "from_provider_name")} == {
        "kind": "referral", "person_id": person, "name": "Ada Example", "nhs_number": "9434765919",
        "priority": "urgent", "needs": ["housing"], "from_provider_name": "Provider hub"}


def test_the_waiting_list_counts_days_from_the_referral(client: TestClient, person: str) -> None:
    """Days waited run from the referral's date (1 March 2024) to today."""
    body = get(client, "/providers/cmht/waiting-list", CMHT, on_the_lists(client, person))
    expected = (date.fromisoformat(body["on"]) - date(2024, 3, 1)).days
    assert body["waiting"][0]["days_waited"] == expected


def test_the_waiting_list_is_by_priority_then_age(client: TestClient, person: str) -> None:
    """An older routine referral comes after a newer urgent one."""
    other = client.post("/people", json=registration("9434765870"), headers=HUB).json()["person_id"]
    on_the_lists(client, other, priority="routine")
    after = on_the_lists(client, person, priority="urgent")
    waits = get(client, "/providers/cmht/waiting-list", CMHT, after)["waiting"]
    assert [w["person_id"] for w in waits] == [person, other]


def test_a_person_seen_leaves_the_waiting_list(client: TestClient, person: str) -> None:
    """Accepted and seen face to face: the list is empty (the index was derived again)."""
    on_the_lists(client, person)
    assert get(client, "/providers/cmht/waiting-list", CMHT, seen(client, person))["waiting"] == []


def test_a_retracted_referral_leaves_the_waiting_list(client: TestClient, person: str) -> None:
    """The Hub retracts its referral: nobody waits."""
    on_the_lists(client, person)
    retract = {"type": "EventRetracted", "occurred_at": "2024-03-01T12:00:00+00:00",
               "data": {"version": 2, "reason": "referred by mistake, wrong person"}}
    after = append(client, person, retract, HUB)
    assert get(client, "/providers/cmht/waiting-list", CMHT, after)["count"] == 0


def test_the_caseload_names_its_people(client: TestClient, person: str) -> None:
    """cmht's caseload today: Ada Example, key-worked by kw-5."""
    people = get(client, "/providers/cmht/caseload", CMHT, on_the_lists(client, person))["people"]
    assert [(p["name"], p["key_worker_staff_id"]) for p in people] == [("Ada Example", "kw-5")]


def test_my_people_names_them_with_open_referrals(client: TestClient, person: str) -> None:
    """kw-5's people: Ada Example, her cmht referral by the team's name, waiting."""
    mine = get(client, "/key-workers/kw-5/caseload", KW5, on_the_lists(client, person))["people"]
    referral = mine[0]["open_referrals"][0]
    assert (mine[0]["name"], referral["to_provider_name"], referral["seen_on"]) == (
        "Ada Example", "Provider cmht", None)


def test_my_people_gives_the_last_contact_and_days_since(client: TestClient, person: str) -> None:
    """After cmht's face-to-face contact on 2 March 2024, that is the last contact."""
    on_the_lists(client, person)
    body = get(client, "/key-workers/kw-5/caseload", KW5, seen(client, person))
    mine = body["people"][0]
    today = date.fromisoformat(body["on"])
    assert (mine["last_contact_on"], mine["days_since_contact"]) == (
        "2024-03-02", (today - date(2024, 3, 2)).days)


def test_listing_writes_nothing_to_the_access_log(client: TestClient, person: str) -> None:
    """Three lists later, the person's access log holds no read at all."""
    after = on_the_lists(client, person)
    for path, headers in (("/providers/cmht/waiting-list", CMHT), ("/providers/cmht/caseload", CMHT),
                          ("/key-workers/kw-5/caseload", KW5)):
        get(client, path, headers, after)
    reads = client.get(f"/people/{person}/access-log", headers=KW5).json()["reads"]
    assert reads == []


def test_an_analyst_lists_without_names(client: TestClient, person: str) -> None:
    """Analysts read a person only with an audit purpose: their lists carry ids, no names."""
    wait = get(client, "/providers/cmht/waiting-list", bearer("analyst"),
               on_the_lists(client, person))["waiting"][0]
    assert (wait["person_id"], wait["name"], wait["nhs_number"]) == (person, None, None)
