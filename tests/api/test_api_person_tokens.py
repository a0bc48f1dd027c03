"""A person's token: an hour at most, one story named, no provider, revocable like any other."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from api_journeys import SIGNING_KEY, bearer
from fastapi.testclient import TestClient
from person_journeys import person_bearer

from api.http.tokens import ALGORITHM, ISSUER, Caller, mint


def signed(**changes: Any) -> dict[str, str]:
    """Headers with a token signed by the deployment's key, its claims changed."""
    now = datetime.now(UTC)
    claims = {"iss": ISSUER, "iat": now, "exp": now + timedelta(minutes=30), "sub": "self",
              "role": "person", "provider_id": None, "jti": uuid.uuid4().hex, **changes}
    return {"Authorization": f"Bearer {jwt.encode(claims, SIGNING_KEY, algorithm=ALGORITHM)}"}


def test_a_person_token_lives_an_hour_at_most() -> None:
    """Minting one for two hours is refused."""
    with pytest.raises(ValueError, match="at most"):
        mint(Caller(role="person", staff_id="self", person_id=uuid.uuid4()), SIGNING_KEY, timedelta(hours=2))


def test_only_a_person_token_names_a_story() -> None:
    """A provider token naming a story, and a person token naming none, are never minted."""
    with pytest.raises(ValueError, match="names the person's story"):
        mint(Caller(role="provider", provider_id="hub", staff_id="s-1", person_id=uuid.uuid4()), SIGNING_KEY)
    with pytest.raises(ValueError, match="names the person's story"):
        mint(Caller(role="person", staff_id="self"), SIGNING_KEY)


TOO_LONG = datetime.now(UTC) + timedelta(hours=3)


@pytest.mark.parametrize("changes", [{}, {"provider_id": "hub"}, {"exp": TOO_LONG}])
def test_a_signed_person_token_out_of_shape_is_refused(client: TestClient, person: str,
                                                      changes: dict[str, Any]) -> None:
    """No story named, a provider named, or too long a life: 401."""
    claims = {"person_id": person, **changes} if changes else {}
    answer = client.get(f"/people/{person}/story", headers=signed(**claims))
    assert answer.status_code == 401


def test_a_revoked_person_token_is_refused(client: TestClient, person: str) -> None:
    """An administrator revokes it; the next read is 401."""
    headers = person_bearer(person)
    token = headers["Authorization"].removeprefix("Bearer ")
    revoked = client.post("/tokens/revocations", json={"token": token}, headers=bearer("admin"))
    assert revoked.status_code < 300
    assert client.get(f"/people/{person}/story", headers=headers).status_code == 401
