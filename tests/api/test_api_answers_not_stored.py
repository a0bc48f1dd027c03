"""No cache may keep an API answer (``Cache-Control: no-store``): a browser's or proxy's copy of
a story would outlive the person's erasure. The web page's own files keep their rule."""

from __future__ import annotations

from api_journeys import bearer
from fastapi.testclient import TestClient


def test_a_story_answer_may_be_kept_by_no_cache(client: TestClient, person: str) -> None:
    """The story read says no-store."""
    answer = client.get(f"/people/{person}/story", headers=bearer("provider", "hub"))
    assert answer.headers.get_list("cache-control") == ["no-store"]


def test_a_refusal_may_be_kept_by_no_cache_either(client: TestClient, person: str) -> None:
    """A 404 says no more about caching than it says about the person."""
    answer = client.get(f"/people/{person}/story", headers=bearer("provider", "gp-1"))
    assert (answer.status_code, answer.headers.get_list("cache-control")) == (404, ["no-store"])


def test_the_web_page_keeps_its_own_rule(client: TestClient) -> None:
    """The page says no-cache, once."""
    assert client.get("/").headers.get_list("cache-control") == ["no-cache"]
