"""The hot routes cost FastAPI one dependency each, and still document the bearer scheme.

Each ``Depends`` is a level FastAPI solves per request (``python -m bench.dependency_cost``): the
story read, the list pages and the append take their caller (and the writer's If-Match) from one
instance of the bearer scheme, and their applications from the request.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.routing import APIRoute, _iter_included_route_candidates

from api.http.app import create_app
from api.settings import Settings

HOT = [("GET", "/people/{person_id}/story"), ("GET", "/providers/{provider_id}/waiting-list"),
       ("GET", "/providers/{provider_id}/caseload"), ("GET", "/key-workers/{staff_id}/caseload"),
       ("POST", "/people/{person_id}/events")]
APP = create_app(Settings())  # built, never started: its routes and OpenAPI only


def served(method: str, path: str) -> APIRoute:
    """The route as the app serves it."""
    return next(r for r in _iter_included_route_candidates(APP.routes)
                if isinstance(r, APIRoute) and r.path == path and method in r.methods)


@pytest.mark.parametrize(("method", "path"), HOT)
def test_a_hot_route_solves_one_dependency(method: str, path: str) -> None:
    """One dependency, with none of its own beneath it."""
    dependencies = served(method, path).dependant.dependencies
    assert [len(d.dependencies) for d in dependencies] == [0]


@pytest.mark.parametrize(("method", "path"), HOT)
def test_a_hot_route_still_documents_the_bearer_scheme(method: str, path: str) -> None:
    """OpenAPI names the same security scheme as before."""
    operation: dict[str, Any] = APP.openapi()["paths"][path][method.lower()]
    assert operation["security"] == [{"HTTPBearer": []}]


def test_the_append_still_documents_if_match_after_the_idempotency_key() -> None:
    """The append's headers are documented in the order they were."""
    operation = APP.openapi()["paths"]["/people/{person_id}/events"]["post"]
    headers = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
    assert headers == ["Idempotency-Key", "If-Match"]
