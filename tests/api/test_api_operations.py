"""Operations: request ids in answers and log lines, no personal data logged, outages as 503."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import structlog
from api_journeys import bearer, registration
from fastapi.testclient import TestClient
from structlog.testing import LogCapture

HUB = bearer("provider", "hub")


@pytest.fixture
def log_lines() -> Iterator[list[dict[str, Any]]]:
    """Every structlog line written during the test, with the request's bound context."""
    capture = LogCapture()
    structlog.configure(processors=[structlog.contextvars.merge_contextvars, capture])
    yield capture.entries
    structlog.reset_defaults()


def test_a_request_id_is_made_when_none_is_sent(client: TestClient) -> None:
    """Every answer carries an X-Request-ID."""
    assert len(client.get("/health").headers["X-Request-ID"]) >= 16


def test_the_callers_request_id_is_echoed(client: TestClient) -> None:
    """A sane X-Request-ID from the caller is kept."""
    answer = client.get("/health", headers={"X-Request-ID": "trace-123"})
    assert answer.headers["X-Request-ID"] == "trace-123"


def test_an_unsafe_request_id_is_replaced(client: TestClient) -> None:
    """A request id with odd characters is not echoed into logs."""
    answer = client.get("/health", headers={"X-Request-ID": "bad id; drop table"})
    assert answer.headers["X-Request-ID"] != "bad id; drop table"


def test_every_log_line_carries_the_request_id(client: TestClient, log_lines: list[dict[str, Any]]) -> None:
    """Log lines written while answering a request, in the loop or a worker thread, name its id."""
    person = client.post("/people", json=registration(), headers={**HUB, "X-Request-ID": "req-1"})
    client.post("/people", json=registration(), headers={**HUB, "X-Request-ID": "req-2"})
    story = f"/people/{person.json()['person_id']}/story"
    client.get(story, headers={**HUB, "X-Request-ID": "req-3"})
    assert {line["event"] for line in log_lines} >= {"request", "refused", "story_read"}
    assert {line.get("request_id") for line in log_lines} == {"req-1", "req-2", "req-3"}


def test_log_lines_hold_no_personal_data(
    client: TestClient, person: str, log_lines: list[dict[str, Any]]
) -> None:
    """Names, NHS numbers and person ids never reach the logs."""
    client.post("/people", json=registration(), headers=HUB)
    client.get(f"/people/{person}/story", headers=HUB)
    text = repr(log_lines)
    assert log_lines
    assert not any(secret in text for secret in ("9434765919", "Ada", "Example", person))


def test_an_unreachable_store_is_answered_503(client: TestClient, person: str) -> None:
    """When the store does not answer, reads, writes and health say 503, not 500."""
    app: Any = client.app
    app.state.ledger.recorder.datastore.pool.close()
    assert client.get(f"/people/{person}/story", headers=HUB).status_code == 503
    assert client.get("/health").status_code == 503


def test_the_openapi_declares_every_routes_refusals(client: TestClient) -> None:
    """Each route but /health declares its 401, 403 and 422 answers in the served OpenAPI; the
    public front door (no token) declares its 422, 429 and 503 instead."""
    paths = client.get("/openapi.json").json()["paths"]
    for path, operations in paths.items():
        for operation in operations.values():
            declared = set(operation["responses"])
            wanted = {"422", "429", "503"} if path == "/self-referrals" else {"401", "403", "422", "503"}
            assert path in ("/health", "/metrics") or wanted <= declared, path


def test_appends_declare_the_precondition_failure(client: TestClient) -> None:
    """The append route declares 412 and 409."""
    responses = client.get("/openapi.json").json()["paths"]["/people/{person_id}/events"]["post"]["responses"]
    assert {"201", "400", "409", "412", "413"} <= set(responses)
