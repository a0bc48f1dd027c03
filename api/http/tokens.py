"""Bearer tokens: who the caller is (role, provider, staff member), signed with the deployment key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

import jwt
from pydantic import BaseModel, ConfigDict, ValidationError

from ledger.values import Identifier

Role = Literal["provider", "key_worker", "analyst", "commissioner", "admin", "privacy_officer"]
ROLES_WITH_PROVIDER = ("provider", "key_worker")
ALGORITHM = "HS256"
ISSUER = "care-journey-ledger"


class Caller(BaseModel):
    """The authenticated caller of a request."""

    model_config = ConfigDict(frozen=True)

    role: Role
    provider_id: Identifier | None = None
    staff_id: Identifier


class BadToken(Exception):
    """The token is missing, forged, expired or malformed."""


def mint(caller: Caller, key: str, lifetime: timedelta = timedelta(hours=12)) -> str:
    """A signed token for the caller, valid for ``lifetime``."""
    if caller.role in ROLES_WITH_PROVIDER and caller.provider_id is None:
        raise ValueError(f"role {caller.role} needs a provider")
    now = datetime.now(UTC)
    claims = {
        "iss": ISSUER, "iat": now, "exp": now + lifetime, "sub": caller.staff_id,
        "role": caller.role, "provider_id": caller.provider_id,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify(token: str, key: str) -> Caller:
    """The caller a token names, if its signature, issuer and expiry are good."""
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], issuer=ISSUER,
                            options={"require": ["exp", "iat", "sub", "iss"]})
        caller = Caller.model_validate({"role": claims.get("role"), "provider_id": claims.get("provider_id"),
                                        "staff_id": claims["sub"]})
    except (jwt.PyJWTError, ValidationError, KeyError) as error:
        raise BadToken(str(error)) from None
    if caller.role in ROLES_WITH_PROVIDER and caller.provider_id is None:
        raise BadToken("token names no provider for a provider role")
    return caller
