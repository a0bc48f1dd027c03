"""Self-referrals per client address are limited, and the count is shared by every server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from api_journeys import SIGNING_KEY
from api_server import running
from fastapi import FastAPI
from fastapi.testclient import TestClient
from self_referral_bodies import asking

from api.http.app import create_app
from api.settings import Settings

LIMIT = 2


def limited_app(database_url: str, schema: str) -> FastAPI:
    """An API process whose front door admits ``LIMIT`` self-referrals an hour per address."""
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                        self_referral_limit=LIMIT, self_referral_window=3600)
    return create_app(settings)


@pytest.fixture
def two_servers(database_url: str, schema: str) -> Iterator[tuple[str, str]]:
    """Two API servers over one ledger, as two processes of a deployment would be."""
    with running(limited_app(database_url, schema)) as first, \
            running(limited_app(database_url, schema)) as second:
        yield first, second


def test_past_the_limit_a_client_gets_429_with_retry_after(database_url: str, schema: str) -> None:
    """The third request within the window: 429, Retry-After at most the window, nothing kept."""
    with TestClient(limited_app(database_url, schema)) as client:
        statuses = [client.post("/self-referrals", json=asking()).status_code for _ in range(LIMIT)]
        before = client.app.state.intake.recorder.max_notification_id()  # type: ignore[attr-defined]
        refused = client.post("/self-referrals", json=asking())
        after = client.app.state.intake.recorder.max_notification_id()  # type: ignore[attr-defined]
    assert statuses == [202] * LIMIT
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 3600
    assert after == before


def test_refused_requests_count_against_the_limit(database_url: str, schema: str) -> None:
    """A robot sending junk uses up its requests as well."""
    with TestClient(limited_app(database_url, schema)) as client:
        junk = [client.post("/self-referrals", json={"junk": 1}).status_code for _ in range(LIMIT)]
        assert junk == [422] * LIMIT
        assert client.post("/self-referrals", json=asking()).status_code == 429


def test_every_server_shares_the_count_over_http(two_servers: tuple[str, str]) -> None:
    """Requests to two servers from one address count together (the count is in PostgreSQL)."""
    first, second = two_servers
    answers = [httpx.post(f"{base}/self-referrals", json=asking()).status_code
               for base in (first, second, first)]
    assert answers == [202, 202, 429]


def test_other_routes_are_not_limited(database_url: str, schema: str) -> None:
    """The limit is the front door's only: health checks go on after it is reached."""
    with TestClient(limited_app(database_url, schema)) as client:
        for _ in range(LIMIT + 1):
            client.post("/self-referrals", json=asking())
        assert client.get("/health").status_code == 200
