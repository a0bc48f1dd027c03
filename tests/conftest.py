"""Shared fixtures: a real PostgreSQL database of this run's own, a fresh schema per test.

Nothing here starts or connects to a server until a test asks for one of these fixtures, so the
unit tests (tests/unit) run with no PostgreSQL at all. The API's fixtures and the system
Chromium's check are plugins every test directory shares.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from throwaway_database import throwaway_database

from api.deployment.database import embedded_url, stop_embedded, store_env
from api.settings import Settings
from commands import Ledger

pytest_plugins = ["api_fixtures", "system_chromium"]

# Small pools: a run opens many applications at once, and PostgreSQL allows 100 connections.
os.environ.setdefault("LEDGER_POOL_SIZE", "2")
# One identity key for the run (every process it starts inherits it), none written to disk.
os.environ.setdefault("LEDGER_IDENTITY_KEY", "identity-key-of-this-test-run-" + "0" * 16)
os.environ.setdefault("LEDGER_MASTER_KEY", "master-key-of-this-test-run-" + "0" * 16)


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The server the run uses: DATABASE_URL when set, else an embedded one the run's workers share.

    The first xdist worker to get here starts it, the others join it, the last to finish stops it
    and removes its files. It lives outside pytest's temporary folders: run as root, pgserver's
    server runs as its own user, and every pytest session on the machine makes those owner-only.
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        yield url
        return
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex  # shared by the run's workers
    home = Path(tempfile.gettempdir()) / f"ledger-test-pg-{run}"
    yield embedded_url(home / "pgdata", connections=500)
    stop_embedded()
    if not (home / "pgdata" / "postmaster.pid").exists():  # this worker was the last to let go
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def database_url(server_url: str) -> Iterator[str]:
    """A database created for this test run alone, dropped at the end."""
    with throwaway_database(server_url, "ledger_test") as url:
        yield url


@pytest.fixture
def schema(database_url: str) -> str:
    """A fresh schema, so that each test starts from an empty ledger."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    return name


@pytest.fixture
def settings(database_url: str, schema: str, tmp_path: Path) -> Settings:
    """The settings of the test's own, empty ledger (any key generated is kept in the test's folder)."""
    return Settings(database_url=database_url, schema_name=schema, home=tmp_path / ".ledger")


@pytest.fixture
def env(database_url: str, settings: Settings) -> dict[str, str]:
    """The eventsourcing settings of the test's own, empty ledger."""
    return store_env(database_url, settings)


@pytest.fixture
def ledger(env: dict[str, str]) -> Iterator[Ledger]:
    """The write side on the test's own schema."""
    app = Ledger(env=env)
    yield app
    app.close()
