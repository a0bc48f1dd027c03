"""Found in review: a JSON body naming a field twice was taken with its last value (Python's
``json``), so ``{"contact_id": "c-1", "contact_id": "c-2"}`` was stored as c-2 with a 201, and a
proxy or a reviewer reading the first value saw another request than the ledger kept. Now 422,
naming the field, and nothing written (``api/http/unique_names.py``)."""

from __future__ import annotations

import json
from typing import Any

from api_journeys import bearer, contact
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.http.unique_names import UniqueNamesRoute

HUB = {**bearer("provider", "hub"), "Content-Type": "application/json"}


def test_a_field_named_twice_is_refused_and_nothing_written(client: TestClient, person: str) -> None:
    """422 naming the body, and the story stays at version 1."""
    text = json.dumps(contact("c-1")).replace('"contact_id": "c-1"',
                                               '"contact_id": "c-1", "contact_id": "c-2"')
    answer = client.post(f"/people/{person}/events", content=text.encode(), headers=HUB)
    assert answer.status_code == 422, answer.text
    story = client.get(f"/people/{person}/story", headers=bearer("analyst")).json()
    assert story["version"] == 1


def test_the_refusal_names_the_field_given_twice(client: TestClient, person: str) -> None:
    text = json.dumps(contact("c-1")).replace('"contact_id": "c-1"',
                                               '"contact_id": "c-1", "contact_id": "c-2"')
    detail = client.post(f"/people/{person}/events", content=text.encode(), headers=HUB).json()["detail"]
    assert detail[0]["type"] == "json_invalid"
    assert "contact_id is given twice" in detail[0]["msg"]


def test_a_name_given_twice_at_the_top_level_is_refused_too(client: TestClient, person: str) -> None:
    """``type`` twice: the second would have turned a contact into another event."""
    text = '{"type": "ContactRecorded", "type": "NoteAdded"' + json.dumps(contact("c-1"))[1:]
    answer = client.post(f"/people/{person}/events", content=text.encode(), headers=HUB)
    assert answer.status_code == 422


def test_a_name_that_is_no_field_name_is_not_echoed(client: TestClient, person: str) -> None:
    """A repeated name that could be anything (a name, a note) is said as "a field"."""
    body = json.dumps(contact("c-1"))[:-1] + ', "Ada Lovelace": 1, "Ada Lovelace": 2}'
    answer = client.post(f"/people/{person}/events", content=body.encode(), headers=HUB)
    assert answer.status_code == 422
    assert "Ada" not in answer.text


def api_routes(routes: list[Any]) -> list[APIRoute]:
    """Every API route beneath ``routes``, through included routers."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif (included := getattr(route, "original_router", None)) is not None:
            found += api_routes(included.routes)
    return found


def test_every_route_with_a_body_refuses_names_given_twice(client: TestClient) -> None:
    """No route of the API that reads a body is made without the unique-names route class."""
    with_body = [r for r in api_routes(list(client.app.routes)) if r.body_field]  # type: ignore[attr-defined]
    assert len(with_body) > 5
    assert [r.path for r in with_body if not isinstance(r, UniqueNamesRoute)] == []
