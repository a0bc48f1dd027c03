"""A story read by break-glass (its reason sealed in the access log), then erased, then read
again: the access log is reloaded from its sealed entries without a 500."""

from __future__ import annotations

from api_journeys import bearer
from fastapi.testclient import TestClient

from tests.api.test_api_erased_reads import BREAK_GLASS, erase


def test_a_read_after_erasure_reloads_a_log_with_sealed_reasons(client: TestClient,
                                                                person: str) -> None:
    """Break-glass read, erasure (the kept log forgotten), then the hub reads: no 500."""
    assert client.get(f"/people/{person}/story", headers=BREAK_GLASS).status_code == 200
    erase(client, person)
    answer = client.get(f"/people/{person}/story", headers=bearer("provider", "hub"))
    assert answer.status_code < 500, answer.text
    assert client.get(f"/people/{person}/access-log", headers=bearer("analyst")).status_code == 200
