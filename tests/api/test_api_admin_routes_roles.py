"""The administrators' and privacy officers' routes refuse every other role, whatever the id."""

from __future__ import annotations

import uuid

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient

OTHERS = {"provider": ("provider", "hub"), "key_worker": ("key_worker", "hub"),
          "analyst": ("analyst",), "commissioner": ("commissioner",)}


@pytest.mark.parametrize("role", OTHERS)
def test_only_an_administrator_requests_an_erasure(client: TestClient, person: str, role: str) -> None:
    """Every other role gets the same 403 for a known and an unknown person."""
    headers = bearer(*OTHERS[role])
    body = {"reason": "the person asked for their details to be erased"}
    known = client.post(f"/people/{person}/erasure-requests", json=body, headers=headers)
    unknown = client.post(f"/people/{uuid.uuid4()}/erasure-requests", json=body, headers=headers)
    assert (known.status_code, known.text) == (unknown.status_code, unknown.text)
    assert known.status_code == 403


@pytest.mark.parametrize("role", [*OTHERS, "privacy_officer"])
def test_only_an_administrator_revokes_a_token(client: TestClient, role: str) -> None:
    """Revoking is the administrator's alone."""
    headers = bearer(*OTHERS.get(role, (role,)))
    token = bearer("analyst")["Authorization"].removeprefix("Bearer ")
    assert client.post("/tokens/revocations", json={"token": token}, headers=headers).status_code == 403


@pytest.mark.parametrize("role", ["analyst", "commissioner", "admin", "privacy_officer", "key_worker"])
def test_only_provider_staff_claim_a_relationship(client: TestClient, role: str) -> None:
    """Claims are for provider staff at the front door; other roles get 403."""
    headers = bearer(*OTHERS.get(role, (role,)))
    body = {"occurred_at": "2024-03-01T10:00:00+00:00", "nhs_number": "9434765919",
            "birth_date": "1990-04-01", "reason": "walked in asking for help today"}
    assert client.post("/people/claims", json=body, headers=headers).status_code == 403
