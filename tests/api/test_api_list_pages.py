"""The staff lists a page at a time: ``limit`` rows, ``count`` the whole list, ``next`` the
cursor of the page after; a bad ``limit`` or ``cursor`` is a 422 naming it."""

from __future__ import annotations

from typing import Any

import pytest
from api_journeys import registration
from fastapi.testclient import TestClient

from tests.api.worklist_story import CMHT, HUB, KW5, get, on_the_lists

LISTS = {"/providers/cmht/waiting-list": ("waiting", CMHT), "/providers/cmht/caseload": ("people", CMHT),
         "/key-workers/kw-5/caseload": ("people", KW5)}


def two_on_the_lists(client: TestClient, person: str) -> str:
    """Ada and a second person, both referred to cmht and key-worked by kw-5; the last position."""
    other = client.post("/people", json=registration("9434765870"), headers=HUB).json()["person_id"]
    on_the_lists(client, person)
    return on_the_lists(client, other)


def pages(client: TestClient, path: str, headers: dict[str, str], after: str) -> list[Any]:
    """Every page of a list, one row a page, following ``next``."""
    found, cursor = [], None
    while True:
        query = {"limit": 1, "after": after} | ({"cursor": cursor} if cursor else {})
        answer = client.get(path, params=query, headers=headers)
        assert answer.status_code == 200, answer.text
        found.append(answer.json())
        cursor = found[-1]["next"]
        if cursor is None:
            return found


@pytest.mark.parametrize("path", LISTS)
def test_each_list_comes_a_page_at_a_time(client: TestClient, person: str, path: str) -> None:
    """Two people, one a page: two pages of one row, each counting two, the last with no next."""
    key, headers = LISTS[path]
    found = pages(client, path, headers, two_on_the_lists(client, person))
    assert [(len(page[key]), page["count"]) for page in found] == [(1, 2), (1, 2)]


@pytest.mark.parametrize("path", LISTS)
def test_the_pages_hold_everyone_once(client: TestClient, person: str, path: str) -> None:
    """The rows of the pages are the whole list, nobody twice."""
    key, headers = LISTS[path]
    after = two_on_the_lists(client, person)
    whole = {row["person_id"] for row in get(client, path, headers, after)[key]}
    paged = [row["person_id"] for page in pages(client, path, headers, after) for row in page[key]]
    assert sorted(paged) == sorted(whole)
    assert len(whole) == 2


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("cursor", ["not-base64!", "bm90IGpzb24", "WyJ4Il0", "W10"])
def test_a_cursor_that_is_no_position_is_refused(client: TestClient, path: str, cursor: str) -> None:
    """Garbage, not JSON, a wrong part, no parts: 422 naming ``cursor``."""
    answer = client.get(path, params={"cursor": cursor}, headers=LISTS[path][1])
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "cursor"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("limit", ["0", "1001", "many"])
def test_a_limit_out_of_range_is_refused(client: TestClient, path: str, limit: str) -> None:
    """Zero, over a thousand or not a number: 422 naming ``limit``."""
    answer = client.get(path, params={"limit": limit}, headers=LISTS[path][1])
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "limit"]
