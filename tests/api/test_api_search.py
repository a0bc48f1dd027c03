"""POST /people/search: by NHS number through its claim, by name among the people one may read;
a provider with no relationship finds nothing and learns nothing."""

from __future__ import annotations

from typing import Any

from api_journeys import bearer
from fastapi.testclient import TestClient

from tests.api.worklist_story import CMHT, KW5, on_the_lists

HOUSING = bearer("provider", "housing")


def found(client: TestClient, query: str, headers: dict[str, str], after: str | None = None) -> Any:
    """The search's answer (200 expected)."""
    answer = client.post("/people/search", json={"query": query, "after": after}, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_an_nhs_number_finds_the_person(client: TestClient, person: str) -> None:
    """cmht's key worker finds Ada by her NHS number, spaces and all."""
    body = found(client, "943 476 5919", KW5, on_the_lists(client, person))
    assert [(p["person_id"], p["name"]) for p in body["people"]] == [(person, "Ada Example")]


def test_a_name_is_found_by_the_starts_of_its_words(client: TestClient, person: str) -> None:
    """"exa ad" matches Ada Example, whatever the case."""
    body = found(client, "EXA ad", CMHT, on_the_lists(client, person))
    assert [p["person_id"] for p in body["people"]] == [person]


def test_a_word_the_name_lacks_finds_nobody(client: TestClient, person: str) -> None:
    """"Ada Smith": every word must match, so nobody."""
    assert found(client, "Ada Smith", CMHT, on_the_lists(client, person))["count"] == 0


def test_a_stranger_finds_nobody_by_number(client: TestClient, person: str) -> None:
    """Housing has no relationship with Ada: her number finds nothing, exactly as an unknown
    number does (the answer says nothing of whether she exists)."""
    after = on_the_lists(client, person)
    known = client.post("/people/search", json={"query": "9434765919", "after": after}, headers=HOUSING)
    unknown = client.post("/people/search", json={"query": "4010232137", "after": after},
                          headers=HOUSING)
    assert (known.status_code, known.text) == (unknown.status_code, unknown.text) == (
        200, '{"people":[],"count":0}')


def test_a_stranger_finds_nobody_by_name(client: TestClient, person: str) -> None:
    """Housing searching "Ada" finds nobody."""
    assert found(client, "Ada", HOUSING, on_the_lists(client, person))["count"] == 0


def test_searching_writes_nothing_to_the_access_log(client: TestClient, person: str) -> None:
    """Finding a person is not reading their story: the access log stays empty."""
    found(client, "Ada", KW5, on_the_lists(client, person))
    assert client.get(f"/people/{person}/access-log", headers=KW5).json()["reads"] == []


def test_terms_are_taken_from_the_body_only(client: TestClient) -> None:
    """A GET with the terms in the address is not a search (405)."""
    answer = client.get("/people/search", params={"query": "Ada"}, headers=CMHT)
    assert answer.status_code == 405


def test_a_missing_query_is_refused_naming_it(client: TestClient) -> None:
    """No query: 422 naming ``query``."""
    answer = client.post("/people/search", json={}, headers=CMHT)
    assert (answer.status_code, "query" in answer.text) == (422, True)


def test_an_unknown_field_is_refused_naming_it(client: TestClient) -> None:
    """A ``provider_id`` in the body: 422 naming it."""
    answer = client.post("/people/search", json={"query": "Ada", "provider_id": "gp-1"}, headers=CMHT)
    assert (answer.status_code, "provider_id" in answer.text) == (422, True)
