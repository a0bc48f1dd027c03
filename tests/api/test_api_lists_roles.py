"""Every role against every list route and the search: who is answered, who is refused."""

from __future__ import annotations

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient

from tests.api.worklist_story import on_the_lists

ROLES = {
    "provider": bearer("provider", "cmht"), "key_worker": bearer("key_worker", "cmht", "kw-5"),
    "analyst": bearer("analyst"), "commissioner": bearer("commissioner"), "admin": bearer("admin"),
    "privacy_officer": bearer("privacy_officer"), "none": {},
}
LISTS = {  # route: the status each role gets
    "/providers/cmht/waiting-list": {"provider": 200, "key_worker": 200, "analyst": 200},
    "/providers/cmht/caseload": {"provider": 200, "key_worker": 200, "analyst": 200},
    "/key-workers/kw-5/caseload?provider=cmht": {"key_worker": 200, "analyst": 200},
    "/key-workers/kw-5/caseload": {"key_worker": 200, "analyst": 422},
}
SEARCH = {"provider": 200, "key_worker": 200}


def expected(allowed: dict[str, int], role: str) -> int:
    """The status a role gets: its own, else 401 without a token, else 403."""
    return allowed.get(role, 401 if role == "none" else 403)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", LISTS)
def test_each_role_on_each_list(client: TestClient, person: str, path: str, role: str) -> None:
    """The list answers its roles (named for staff, ids only for analysts) and refuses the rest."""
    after = on_the_lists(client, person)
    allowed = LISTS[path]
    sep = "&" if "?" in path else "?"
    answer = client.get(f"{path}{sep}after={after}", headers=ROLES[role])
    assert answer.status_code == expected(allowed, role), answer.text


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_the_search(client: TestClient, person: str, role: str) -> None:
    """Provider staff and key workers search; every other role is refused before any lookup."""
    on_the_lists(client, person)
    answer = client.post("/people/search", json={"query": "9434765919"}, headers=ROLES[role])
    assert answer.status_code == expected(SEARCH, role), answer.text


@pytest.mark.parametrize("role", ["provider", "key_worker"])
def test_named_only_for_staff_of_the_provider(client: TestClient, person: str, role: str) -> None:
    """Staff of the provider get the person's name on the waiting list."""
    after = on_the_lists(client, person)
    body = client.get("/providers/cmht/waiting-list", params={"after": after},
                      headers=ROLES[role]).json()
    assert [w["name"] for w in body["waiting"]] == ["Ada Example"]
