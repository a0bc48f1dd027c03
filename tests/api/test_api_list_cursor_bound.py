"""A list's cursor pages only the list it was written for: one from another list, another
provider's list or another key worker's people is refused with a 422 naming ``cursor``, even
where its parts would read as a position there."""

from __future__ import annotations

import pytest
from api_journeys import bearer, registration
from fastapi.testclient import TestClient

from tests.api.worklist_story import HUB, on_the_lists

ANALYST = bearer("analyst")
CMHT_WAITING = "/providers/cmht/waiting-list"
KW5_PEOPLE = ("/key-workers/kw-5/caseload", {"provider": "cmht"})
ELSEWHERE = {  # where a cursor of cmht's waiting list or kw-5's people is taken
    "the waiting list of another provider": ("/providers/hub/waiting-list", {}),
    "the caseload of the same provider": ("/providers/cmht/caseload", {}),
}


def next_cursor(client: TestClient, person: str, path: str, query: dict[str, str]) -> str:
    """Two people on cmht's lists (kw-5 key-working both); the cursor after the first row."""
    other = client.post("/people", json=registration("9434765870"), headers=HUB).json()["person_id"]
    on_the_lists(client, person)
    after = on_the_lists(client, other)
    answer = client.get(path, params={**query, "limit": 1, "after": after}, headers=ANALYST)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["next"])


def refused_naming_the_cursor(client: TestClient, path: str, query: dict[str, str],
                              cursor: str) -> None:
    """The analyst (who may read every list) asks ``path`` with ``cursor``: a 422 naming it."""
    answer = client.get(path, params={**query, "cursor": cursor}, headers=ANALYST)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["query", "cursor"]


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_a_waiting_list_cursor_pages_no_other_list(client: TestClient, person: str,
                                                   elsewhere: str) -> None:
    """cmht's waiting-list cursor on hub's waiting list, or on cmht's caseload: refused."""
    cursor = next_cursor(client, person, CMHT_WAITING, {})
    refused_naming_the_cursor(client, *ELSEWHERE[elsewhere], cursor)


def test_a_key_workers_cursor_pages_no_other_key_workers_people(client: TestClient,
                                                                person: str) -> None:
    """kw-5's cursor on kw-6's people at the same provider: refused, though the parts fit."""
    cursor = next_cursor(client, person, *KW5_PEOPLE)
    refused_naming_the_cursor(client, "/key-workers/kw-6/caseload", {"provider": "cmht"}, cursor)


def test_a_key_workers_cursor_pages_no_other_providers_key_worker(client: TestClient,
                                                                  person: str) -> None:
    """kw-5 at cmht's cursor on kw-5 at the hub (a staff id means something only with its
    provider): refused."""
    cursor = next_cursor(client, person, *KW5_PEOPLE)
    refused_naming_the_cursor(client, "/key-workers/kw-5/caseload", {"provider": "hub"}, cursor)
