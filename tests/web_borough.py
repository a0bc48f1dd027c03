"""The web tests' borough: 300 simulated people with their figures caught up, and the tokens and
sign-in links that open its pages."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import psycopg
from api_journeys import SIGNING_KEY

from api.deployment.database import store_env
from api.http.tokens import Caller, mint
from api.settings import Settings
from commands import Ledger
from commands.bulk_import import BulkImport
from projections.facts.runner import FiguresRunner

Link = Callable[..., str]


def borough_settings(database_url: str) -> Settings:
    """A schema of its own holding 300 simulated people over six months from January 2025."""
    from simulation import simulate

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY,
                        pool_size=2, pool_overflow=2)  # small pools: the server lives all session
    env = store_env(database_url, settings)
    with Ledger(env=env) as ledger:
        lines = simulate(300, 6, 5, "2025-01")
        BulkImport(ledger).run(((n, line.encode()) for n, line in enumerate(lines, 1)), lambda n: None)
    figures = FiguresRunner(env)
    figures.catch_up()
    figures.stop()
    return settings


def token(role: str, provider: str | None = None, key: str = SIGNING_KEY) -> str:
    """A bearer token for a role (at a provider), signed with ``key``."""
    caller = Caller.model_validate({"role": role, "provider_id": provider, "staff_id": f"{role}-web"})
    return mint(caller, key)
