"""Each server process keeps the revocation list in memory: a revocation is refused at once by
the process that took it, by every other within a second of polling, and never admitted again."""

from __future__ import annotations

import time

import httpx
from api_journeys import SIGNING_KEY, bearer
from api_server import running
from fastapi import FastAPI

from api.http.app import create_app
from api.settings import Settings
from commands.revoked_tokens import POLL_SECONDS


def server_app(database_url: str, schema: str) -> FastAPI:
    """One API process over the test's ledger."""
    return create_app(Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY))



def status(base: str, headers: dict[str, str]) -> int:
    """The status of an analyst's question to ``base``."""
    return httpx.get(f"{base}/break-glass", headers=headers, timeout=30).status_code


def revoke(base: str, headers: dict[str, str]) -> None:
    """An administrator revokes the token in ``headers`` at ``base``."""
    token = headers["Authorization"].removeprefix("Bearer ")
    httpx.post(f"{base}/tokens/revocations", json={"token": token}, headers=bearer("admin"),
               timeout=30).raise_for_status()


def test_a_revocation_in_one_process_is_refused_by_the_other_within_the_bound(
    two_servers: tuple[str, str],
) -> None:
    """Admitted by both, revoked at the first: 401 there at once, at the second within a poll."""
    first, second = two_servers
    stolen = bearer("analyst")
    assert (status(first, stolen), status(second, stolen)) == (200, 200)
    revoke(first, stolen)
    revoked_at = time.monotonic()
    assert status(first, stolen) == 401
    while status(second, stolen) == 200 and time.monotonic() - revoked_at < 10:
        time.sleep(0.05)
    assert time.monotonic() - revoked_at < POLL_SECONDS + 1


def test_a_revoked_token_never_works_again(two_servers: tuple[str, str], database_url: str,
                                           schema: str) -> None:
    """Past the bound, every request with it is refused by both, and by a process started later."""
    first, second = two_servers
    stolen = bearer("analyst")
    assert status(second, stolen) == 200
    revoke(first, stolen)
    time.sleep(POLL_SECONDS + 0.1)
    statuses = set()
    for _ in range(6):
        statuses |= {status(first, stolen), status(second, stolen)}
        time.sleep(0.25)
    with running(server_app(database_url, schema)) as third:
        statuses.add(status(third, stolen))
    assert statuses == {401}
