"""Bearer tokens: who the caller is (role, provider, staff member), signed with the deployment key."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Literal

import jwt
from pydantic import BaseModel, ConfigDict, ValidationError

from ledger.values import Identifier

Role = Literal["provider", "key_worker", "analyst", "commissioner", "admin", "privacy_officer",
               "person"]
ROLES_WITH_PROVIDER = ("provider", "key_worker")
STAFF_LIFETIME = timedelta(hours=12)  # a shift, at most
MAX_LIFETIME: dict[str, timedelta] = {"admin": timedelta(hours=1), "privacy_officer": timedelta(hours=8),
                                     "person": timedelta(hours=1)}  # a person's token: one visit
SLACK = timedelta(minutes=1)  # clocks of the minting and verifying machines may differ a little
ALGORITHM = "HS256"
ISSUER = "care-journey-ledger"


class Caller(BaseModel):
    """The authenticated caller of a request."""

    model_config = ConfigDict(frozen=True)

    role: Role
    provider_id: Identifier | None = None
    staff_id: Identifier
    token_id: str | None = None  # the token's ``jti``, which the revocation list names
    person_id: uuid.UUID | None = None  # the one story a ``person`` token is bound to
    expires_at: datetime | None = None


def longest_life(role: str) -> timedelta:
    """The longest a token of ``role`` may live."""
    return MAX_LIFETIME.get(role, STAFF_LIFETIME)


class BadToken(Exception):
    """The token is missing, forged, expired or malformed."""


def mint(caller: Caller, key: str, lifetime: timedelta | None = None) -> str:
    """A signed token for the caller, valid for ``lifetime`` (at most the role's longest life)."""
    if caller.role in ROLES_WITH_PROVIDER and caller.provider_id is None:
        raise ValueError(f"role {caller.role} needs a provider")
    if (caller.role == "person") != (caller.person_id is not None):
        raise ValueError("a person token, and only a person token, names the person's story")
    lifetime = lifetime or longest_life(caller.role)
    if lifetime > longest_life(caller.role):
        hours = longest_life(caller.role) // timedelta(hours=1)
        raise ValueError(f"a token of role {caller.role} lives at most {hours} "
                         f"hour{'s' if hours != 1 else ''}")
    now = datetime.now(UTC)
    claims = {
        "iss": ISSUER, "iat": now, "exp": now + lifetime, "sub": caller.staff_id,
        "role": caller.role, "provider_id": caller.provider_id, "jti": uuid.uuid4().hex,
    }
    if caller.person_id is not None:
        claims["person_id"] = str(caller.person_id)
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify(token: str, key: str, verify_expiry: bool = True) -> Caller:
    """The caller a token names, if its signature, issuer, id, expiry and lifetime are good."""
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], issuer=ISSUER,
                            options={"require": ["exp", "iat", "sub", "iss", "jti"],
                                     "verify_exp": verify_expiry})
        caller = Caller.model_validate({
            "role": claims.get("role"), "provider_id": claims.get("provider_id"),
            "staff_id": claims["sub"], "token_id": claims["jti"], "person_id": claims.get("person_id"),
            "expires_at": datetime.fromtimestamp(claims["exp"], UTC)})
    except (jwt.PyJWTError, ValidationError, KeyError, TypeError, ValueError) as error:
        raise BadToken(str(error)) from None
    if claims["exp"] - claims["iat"] > (longest_life(caller.role) + SLACK).total_seconds():
        raise BadToken("token lives longer than its role allows")
    if caller.role in ROLES_WITH_PROVIDER and caller.provider_id is None:
        raise BadToken("token names no provider for a provider role")
    if (caller.role == "person") != (caller.person_id is not None) or (
            caller.role == "person" and caller.provider_id is not None):
        raise BadToken("a person token names one story and no provider; no other token names one")
    return caller
