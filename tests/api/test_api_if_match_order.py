"""If-Match read by the writer's own dependency: its answers come in the order they always did.

The caller is admitted first (401/403), then a malformed If-Match is 400 before the body is
checked, and one too long to read is 422 naming the header (``api.http.routes.people``).
"""

from __future__ import annotations

from api_journeys import bearer, contact
from fastapi.testclient import TestClient

HUB = bearer("provider", "hub")
BAD_BODY = {**contact(), "occurred_at": "not a time"}


def test_a_malformed_if_match_is_400_even_with_a_bad_body(client: TestClient, person: str) -> None:
    """The version is read before FastAPI checks the body, as when it was a dependency."""
    answer = client.post(f"/people/{person}/events", json=BAD_BODY, headers={**HUB, "If-Match": "one"})
    assert answer.status_code == 400


def test_an_over_long_if_match_is_422_naming_the_header(client: TestClient, person: str) -> None:
    """An If-Match longer than 64 characters is refused by its parameter, naming it."""
    answer = client.post(f"/people/{person}/events", json=contact(),
                         headers={**HUB, "If-Match": '"' + "1" * 70 + '"'})
    assert answer.status_code == 422
    assert ["header", "If-Match"] in [error["loc"] for error in answer.json()["detail"]]


def test_a_role_that_never_appends_hears_403_before_its_if_match(
    client: TestClient, person: str
) -> None:
    """An analyst's append is refused for the role, whatever If-Match it sent."""
    answer = client.post(f"/people/{person}/events", json=contact(),
                         headers={**bearer("analyst"), "If-Match": "one"})
    assert answer.status_code == 403


def test_no_token_hears_401_before_its_if_match(client: TestClient, person: str) -> None:
    """Without a token the answer is 401, whatever If-Match was sent."""
    answer = client.post(f"/people/{person}/events", json=contact(), headers={"If-Match": "one"})
    assert answer.status_code == 401


def test_if_match_star_appends_at_any_version(client: TestClient, person: str) -> None:
    """``*`` expects no version in particular."""
    answer = client.post(f"/people/{person}/events", json=contact("c-7"),
                         headers={**HUB, "If-Match": "*"})
    assert answer.status_code == 201
