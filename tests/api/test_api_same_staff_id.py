"""Another provider's staff holding the same staff id as cmht's key worker (kw-5): a staff id
means something only with its provider, so neither the key worker's caseload nor the summary's
recent reads reach them."""

from __future__ import annotations

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient

from tests.api.worklist_story import KW5, get, on_the_lists

HUB_KW5 = bearer("key_worker", "hub", "kw-5")  # the Hub registered Ada: it may read her story
HOUSING_KW5 = bearer("key_worker", "housing", "kw-5")


@pytest.mark.parametrize("twin", [HUB_KW5, HOUSING_KW5, bearer("provider", "hub", "kw-5")])
def test_my_people_at_another_provider_lists_nobody(client: TestClient, person: str,
                                                    twin: dict[str, str]) -> None:
    """kw-5 elsewhere asking for kw-5's caseload gets their own provider's (empty), not cmht's."""
    body = get(client, "/key-workers/kw-5/caseload", twin, on_the_lists(client, person))
    assert (body["provider_id"] != "cmht", body["people"]) == (True, [])


@pytest.mark.parametrize("twin", [HUB_KW5, HOUSING_KW5])
def test_naming_the_other_provider_is_refused(client: TestClient, person: str,
                                              twin: dict[str, str]) -> None:
    """kw-5 elsewhere naming ``?provider=cmht`` is refused (403) before any list is read."""
    after = on_the_lists(client, person)
    answer = client.get("/key-workers/kw-5/caseload", params={"provider": "cmht", "after": after},
                        headers=twin)
    assert answer.status_code == 403, answer.text


def test_the_real_key_worker_still_sees_the_person(client: TestClient, person: str) -> None:
    """The control: cmht's kw-5 lists Ada (so the refusals above are not an empty list)."""
    body = get(client, "/key-workers/kw-5/caseload", KW5, on_the_lists(client, person))
    assert [p["person_id"] for p in body["people"]] == [person]


def test_the_summary_keeps_recent_reads_from_a_twin_who_may_read(client: TestClient,
                                                                 person: str) -> None:
    """The Hub's kw-5 reads Ada's summary (the Hub registered her) but is not her key worker:
    no recent reads, which would name cmht's staff and their reasons."""
    on_the_lists(client, person)
    answer = client.get(f"/people/{person}/summary", headers=HUB_KW5)
    assert (answer.status_code, answer.json()["recent_reads"]) == (200, None)


def test_the_summary_keeps_recent_reads_from_a_twin_breaking_glass(client: TestClient,
                                                                   person: str) -> None:
    """Housing's kw-5 breaking glass reads the summary, flagged, without the recent reads."""
    on_the_lists(client, person)
    headers = {**HOUSING_KW5, "X-Break-Glass-Reason": "out of hours crisis call"}
    answer = client.get(f"/people/{person}/summary", headers=headers)
    assert (answer.status_code, answer.json()["recent_reads"]) == (200, None)


def test_the_access_log_is_refused_to_a_twin(client: TestClient, person: str) -> None:
    """The Hub's kw-5 may read Ada's story, not who read it: 403."""
    on_the_lists(client, person)
    assert client.get(f"/people/{person}/access-log", headers=HUB_KW5).status_code == 403


def test_the_real_key_worker_gets_the_recent_reads(client: TestClient, person: str) -> None:
    """The control: cmht's kw-5 sees who read the story, the Hub's kw-5 among them."""
    on_the_lists(client, person)
    client.get(f"/people/{person}/summary", headers=HUB_KW5)
    reads = client.get(f"/people/{person}/summary", headers=KW5).json()["recent_reads"]
    assert [(r["staff_id"], r["provider_name"]) for r in reads] == [
        ("kw-5", "Provider cmht"), ("kw-5", "Provider hub")]
