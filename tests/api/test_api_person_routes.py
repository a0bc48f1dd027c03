"""Every route of the app, for the person role: their own story's three reads and their own
entries only; every other route that needs a token answers 403, and a public route answers a
person as it answers anyone."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from person_journeys import note, person_bearer

import api

OWN = {("GET", "/people/{person_id}/story"), ("GET", "/people/{person_id}/access-log"),
       ("GET", "/people/{person_id}/fhir"), ("POST", "/people/{person_id}/events")}
FILL = {"person_id": None, "provider_id": "hub", "staff_id": "s-1", "metric": "people-supported",
        "asset": "page.css"}


def every_route() -> list[tuple[str, str]]:
    """Each (method, path) the API's routers serve (as the contract's test finds them)."""
    routers: list[APIRouter] = []
    for module in pkgutil.walk_packages(api.__path__, "api."):
        loaded = importlib.import_module(module.name)
        routers += [value for value in vars(loaded).values() if isinstance(value, APIRouter)]
    return sorted({(method, route.path) for router in routers for route in router.routes
                   if hasattr(route, "path")
                   for method in getattr(route, "methods", None) or () if method != "HEAD"})


def concrete(path: str, person: str) -> str:
    """The path with its parameters filled: the person's own id for ``person_id``."""
    return re.sub(r"\{(\w+)(?::path)?\}", lambda m: FILL.get(m.group(1), "x-1") or person, path)


@pytest.mark.parametrize(("method", "path"), every_route())
def test_a_person_is_refused_every_route_but_their_own_storys(
    client: TestClient, person: str, method: str, path: str
) -> None:
    """403 where a token is needed; the same answer as no token where none is."""
    url = concrete(path, person)
    body = note() if (method, path) in OWN else {}
    answer = client.request(method, url, json=body, headers=person_bearer(person))
    anyone = client.request(method, url, json=body)
    if (method, path) in OWN:
        assert answer.status_code in (200, 201), answer.text
    elif anyone.status_code == 401:
        assert answer.status_code == 403, answer.text
    else:
        assert answer.status_code == anyone.status_code
