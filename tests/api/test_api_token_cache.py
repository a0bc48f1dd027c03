"""A token kept by the process after its first request (``api.http.verified_tokens``) still
answers for its expiry, its revocation and every byte of itself: an intruder holding a good
token that was used lately gains nothing by waiting, editing it, or re-signing it."""

from __future__ import annotations

import base64
import json
import time
from datetime import timedelta

import jwt
from api_journeys import SIGNING_KEY, bearer
from fastapi.testclient import TestClient

from api.http.tokens import verify

ROUTE = "/break-glass"  # an analyst's read that writes nothing


def token_of(headers: dict[str, str]) -> str:
    """The bearer token in ``headers``."""
    return headers["Authorization"].removeprefix("Bearer ")


def as_analyst(token: str) -> dict[str, str]:
    """Headers sending ``token`` as an analyst's would."""
    return {**bearer("analyst"), "Authorization": f"Bearer {token}"}


def edited(token: str, **claims: object) -> str:
    """The token with its payload changed and its signature kept."""
    head, body, signature = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    changed = base64.urlsafe_b64encode(json.dumps({**payload, **claims}).encode()).rstrip(b"=")
    return f"{head}.{changed.decode()}.{signature}"


def test_a_kept_token_is_refused_once_expired(client: TestClient) -> None:
    """Admitted while good (so kept), refused the moment its expiry passes."""
    headers = bearer("analyst", lifetime=timedelta(seconds=2))
    assert client.get(ROUTE, headers=headers).status_code == 200
    expires = verify(token_of(headers), SIGNING_KEY).expires_at
    assert expires is not None
    time.sleep(max(0.0, expires.timestamp() - time.time()) + 0.2)
    assert client.get(ROUTE, headers=headers).status_code == 401


def test_a_kept_tokens_payload_edited_is_refused(client: TestClient) -> None:
    """An analyst's token used once, its expiry pushed a year on under the same signature: 401."""
    headers = bearer("analyst")
    assert client.get(ROUTE, headers=headers).status_code == 200
    later = edited(token_of(headers), exp=int(time.time()) + 365 * 86400)
    assert client.get(ROUTE, headers=as_analyst(later)).status_code == 401


def test_a_kept_token_made_unsigned_is_refused(client: TestClient) -> None:
    """The same claims with ``alg: none`` and no signature: 401."""
    headers = bearer("analyst")
    assert client.get(ROUTE, headers=headers).status_code == 200
    claims = jwt.decode(token_of(headers), options={"verify_signature": False})
    head = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    assert client.get(ROUTE, headers=as_analyst(f"{head}.{body}.")).status_code == 401


def test_a_kept_tokens_claims_signed_with_another_key_are_refused(client: TestClient) -> None:
    """The same claims signed with a key of the intruder's own: 401."""
    headers = bearer("analyst")
    assert client.get(ROUTE, headers=headers).status_code == 200
    claims = jwt.decode(token_of(headers), options={"verify_signature": False})
    forged = jwt.encode(claims, "an-intruders-own-key-" + "z" * 32, algorithm="HS256")
    assert client.get(ROUTE, headers=as_analyst(forged)).status_code == 401


def test_a_kept_token_revoked_is_refused_at_once(client: TestClient) -> None:
    """Used (so kept), revoked by an administrator, refused at its very next request."""
    headers = bearer("analyst")
    assert client.get(ROUTE, headers=headers).status_code == 200
    answer = client.post("/tokens/revocations", json={"token": token_of(headers)},
                         headers=bearer("admin"))
    assert answer.status_code == 204
    assert client.get(ROUTE, headers=headers).status_code == 401

