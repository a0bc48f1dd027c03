"""A stranger's refused story reads are limited per reader (docs/access.md): past
``LEDGER_REFUSED_READ_LIMIT`` within the window, 429 with ``Retry-After`` and nothing written;
reads the caller may make are never limited."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from api_journeys import SIGNING_KEY, bearer, registration
from api_server import running, serving
from fastapi import FastAPI
from fastapi.testclient import TestClient
from person_journeys import person_bearer

from api.http.app import create_app
from api.settings import Settings

LIMIT = 2
STRANGER = bearer("provider", "housing")


def limited_app(database_url: str, schema: str) -> FastAPI:
    """An API process that allows ``LIMIT`` refused story reads an hour per reader."""
    return create_app(Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                               refused_read_limit=LIMIT, refused_read_window=3600))


@pytest.fixture
def app(database_url: str, schema: str) -> FastAPI:
    """The API over the test's own ledger, with the small limit."""
    return limited_app(database_url, schema)


def probe(client: TestClient, headers: dict[str, str], times: int = LIMIT) -> list[int]:
    """Ask for ``times`` unknown ids; answers the statuses."""
    return [client.get(f"/people/{uuid.uuid4()}/story", headers=headers).status_code
            for _ in range(times)]


def test_past_the_limit_a_stranger_gets_429_with_retry_after(client: TestClient) -> None:
    assert probe(client, STRANGER) == [404] * LIMIT
    answer = client.get(f"/people/{uuid.uuid4()}/story", headers=STRANGER)
    assert answer.status_code == 429
    assert 1 <= int(answer.headers["Retry-After"]) <= 3600


def test_a_limited_read_is_not_written_to_the_access_log(app: FastAPI, client: TestClient,
                                                         person: str) -> None:
    """The point of the limit: probing no longer grows the access log."""
    probe(client, STRANGER)
    before = len(app.state.access_log.reads(uuid.UUID(person)))
    assert client.get(f"/people/{person}/story", headers=STRANGER).status_code == 429
    assert len(app.state.access_log.reads(uuid.UUID(person))) == before


def test_reads_the_caller_may_make_are_never_limited(client: TestClient, person: str) -> None:
    """The Hub's staff member, limited, still reads the story it registered, every time."""
    hub = bearer("provider", "hub")
    assert probe(client, hub, LIMIT + 1)[-1] == 429
    assert [client.get(f"/people/{person}/story", headers=hub).status_code
            for _ in range(LIMIT + 1)] == [200] * (LIMIT + 1)


def test_break_glass_is_never_limited(client: TestClient, person: str) -> None:
    assert probe(client, STRANGER, LIMIT + 1)[-1] == 429
    headers = {**STRANGER, "X-Break-Glass-Reason": "crisis call, no other record"}
    assert client.get(f"/people/{person}/story", headers=headers).status_code == 200


def test_the_limit_is_per_staff_member(client: TestClient) -> None:
    """Another staff member of the same provider is not held back by a colleague's probing."""
    assert probe(client, STRANGER, LIMIT + 1)[-1] == 429
    assert probe(client, bearer("provider", "housing", staff="s-2"), 1) == [404]


def test_the_same_staff_id_at_another_provider_is_counted_apart(client: TestClient) -> None:
    """Staff ids mean something only with their provider: gp-1's s-1 is not housing's s-1."""
    assert probe(client, STRANGER, LIMIT + 1)[-1] == 429
    assert probe(client, bearer("provider", "gp-1"), 1) == [404]


def test_a_key_worker_token_counts_with_the_same_staff_member(client: TestClient) -> None:
    """The count is the staff member's at their provider, whatever role their token names."""
    probe(client, STRANGER)
    assert probe(client, bearer("key_worker", "housing"), 1) == [429]


def test_the_fhir_export_and_the_summary_count_too(client: TestClient) -> None:
    unknown = uuid.uuid4()
    statuses = [client.get(f"/people/{unknown}/{route}", headers=STRANGER).status_code
                for route in ("fhir", "summary", "story")]
    assert statuses == [404, 404, 429]


def test_a_person_probing_other_ids_is_limited(client: TestClient, person: str) -> None:
    """Counted by the story the token names; their own story is still theirs to read."""
    own = person_bearer(person)
    assert probe(client, own, LIMIT + 1) == [404] * LIMIT + [429]
    assert client.get(f"/people/{person}/story", headers=own).status_code == 200


def test_the_limit_of_one_person_does_not_hold_back_another(client: TestClient, person: str) -> None:
    assert probe(client, person_bearer(person), LIMIT + 1)[-1] == 429
    other = client.post("/people", json=registration(nhs_number=None), headers=bearer("provider", "hub"))
    assert probe(client, person_bearer(other.json()["person_id"]), 1) == [404]


@pytest.fixture
def two_servers(database_url: str, schema: str) -> Iterator[tuple[str, str]]:
    """Two API servers over one ledger, as two processes of a deployment would be."""
    with serving(limited_app(database_url, schema)) as first, \
            running(limited_app(database_url, schema)) as second:
        yield first, second


def test_every_server_shares_the_count_over_http(two_servers: tuple[str, str]) -> None:
    """Refused reads at two servers count together (the count is in PostgreSQL)."""
    first, second = two_servers
    answers = [httpx.get(f"{base}/people/{uuid.uuid4()}/story", headers=STRANGER).status_code
               for base in (first, second, first)]
    assert answers == [404, 404, 429]
