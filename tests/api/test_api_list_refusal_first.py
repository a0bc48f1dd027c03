"""A caller who may not read a list is refused (401 or 403) before its query is checked: a bad
``limit``, ``cursor`` or ``on`` tells an outsider nothing about what the list would accept."""

from __future__ import annotations

import uuid

import pytest
from api_journeys import SIGNING_KEY, bearer
from fastapi.testclient import TestClient

from api.http.tokens import Caller, mint

PERSON = {"Authorization": "Bearer " + mint(Caller(role="person", staff_id="self",
                                                   person_id=uuid.uuid4()), SIGNING_KEY)}
OUTSIDERS = {  # role: (headers, the status it gets on cmht's lists and kw-5's people)
    "provider of another team": (bearer("provider", "hub"), 403),
    "key worker of another team": (bearer("key_worker", "hub", "kw-5"), 403),
    "commissioner": (bearer("commissioner"), 403), "admin": (bearer("admin"), 403),
    "privacy_officer": (bearer("privacy_officer"), 403), "person": (PERSON, 403), "none": ({}, 401),
}
LISTS = {"/providers/cmht/waiting-list": {}, "/providers/cmht/caseload": {},
         "/key-workers/kw-5/caseload": {"provider": "cmht"}}  # path: the query it always sends
BAD = {"limit": "0", "cursor": "!", "on": "someday"}
ANOTHER_KEY_WORKER = bearer("key_worker", "cmht", "kw-6")


@pytest.mark.parametrize("field", BAD)
@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_an_outsider_is_refused_before_its_query_is_checked(
        client: TestClient, outsider: str, path: str, field: str) -> None:
    """Whatever is wrong with the query, the outsider hears only that it may not read."""
    headers, status = OUTSIDERS[outsider]
    answer = client.get(path, params={**LISTS[path], field: BAD[field]}, headers=headers)
    assert answer.status_code == status, answer.text


@pytest.mark.parametrize("field", BAD)
def test_another_key_worker_is_refused_before_its_query_is_checked(
        client: TestClient, field: str) -> None:
    """A colleague at the same provider may not read kw-5's people, however it asks."""
    answer = client.get("/key-workers/kw-5/caseload", params={"provider": "cmht", field: BAD[field]},
                        headers=ANOTHER_KEY_WORKER)
    assert answer.status_code == 403, answer.text


@pytest.mark.parametrize("path", LISTS)
def test_a_reader_of_the_list_still_hears_what_is_wrong(client: TestClient, path: str) -> None:
    """The key worker may read all three, so a bad limit is a 422 naming ``limit``."""
    answer = client.get(path, params={**LISTS[path], "limit": "0"},
                        headers=bearer("key_worker", "cmht", "kw-5"))
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["query", "limit"]
