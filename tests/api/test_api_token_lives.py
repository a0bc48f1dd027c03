"""Tokens with bounded lives: a maximum lifetime per role, an id, and a revocation list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from api_journeys import SIGNING_KEY, bearer, contact
from fastapi.testclient import TestClient

from api.http.tokens import ALGORITHM, ISSUER, Caller, mint


def test_a_staff_token_cannot_be_minted_for_longer_than_a_shift() -> None:
    """Twelve hours at most for staff, one for an administrator."""
    with pytest.raises(ValueError, match="at most"):
        mint(Caller(role="provider", provider_id="hub", staff_id="s-1"), SIGNING_KEY, timedelta(hours=13))
    with pytest.raises(ValueError, match="at most"):
        mint(Caller(role="admin", staff_id="a-1"), SIGNING_KEY, timedelta(hours=2))


def test_a_signed_token_living_too_long_is_refused(client: TestClient) -> None:
    """A token signed with the deployment's key but a year's life (a leaked minting script) is 401."""
    now = datetime.now(UTC)
    claims = {"iss": ISSUER, "iat": now, "exp": now + timedelta(days=365), "sub": "s-1",
              "role": "analyst", "provider_id": None, "jti": "long-lived"}
    token = jwt.encode(claims, SIGNING_KEY, algorithm=ALGORITHM)
    assert client.get("/break-glass", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_a_token_without_an_id_is_refused(client: TestClient) -> None:
    """Every token carries a jti, or it could never be revoked."""
    now = datetime.now(UTC)
    claims = {"iss": ISSUER, "iat": now, "exp": now + timedelta(hours=1), "sub": "s-1",
              "role": "analyst", "provider_id": None}
    token = jwt.encode(claims, SIGNING_KEY, algorithm=ALGORITHM)
    assert client.get("/break-glass", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_a_revoked_token_is_refused_at_once(client: TestClient, person: str) -> None:
    """An administrator revokes a stolen token: its next request is 401 and writes nothing."""
    stolen = bearer("provider", "hub")
    token = stolen["Authorization"].removeprefix("Bearer ")
    answer = client.post("/tokens/revocations", json={"token": token}, headers=bearer("admin"))
    assert answer.status_code == 204
    assert client.post(f"/people/{person}/events", json=contact(), headers=stolen).status_code == 401


def test_only_an_administrator_revokes(client: TestClient) -> None:
    """A provider cannot revoke someone else's token (or its own, to hide)."""
    token = bearer("analyst")["Authorization"].removeprefix("Bearer ")
    answer = client.post("/tokens/revocations", json={"token": token}, headers=bearer("provider", "hub"))
    assert answer.status_code == 403


def test_a_token_of_another_deployment_cannot_be_revoked(client: TestClient) -> None:
    """Revoking names the field at fault when the token is not ours."""
    token = bearer("analyst", key="another-deployments-key-" + "y" * 32)["Authorization"][7:]
    answer = client.post("/tokens/revocations", json={"token": token}, headers=bearer("admin"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "token"]
