"""A dedicated database for the erasure test: it reads every relation file of its database, so
no other test's rows (or dead tuples) may be in it."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from throwaway_database import throwaway_database

from api.deployment.database import store_env
from api.settings import Settings


@pytest.fixture(scope="module")
def own_database(server_url: str) -> Iterator[str]:
    """A database for this test alone, dropped after it."""
    with throwaway_database(server_url, "ledger_erasure") as url:
        yield url


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The deployment's home, its master key kept in ``master-key`` (so rotation replaces it)."""
    folder = tmp_path_factory.mktemp("deployment") / ".ledger"
    folder.mkdir()
    (folder / "master-key").write_text(secrets.token_urlsafe(48))
    return folder


@pytest.fixture(scope="module")
def own_env(own_database: str, home: Path) -> dict[str, str]:
    """The store's settings over the dedicated database, with the home's master key."""
    master = (home / "master-key").read_text()
    settings = Settings(database_url=own_database, home=home, master_key=master)
    return store_env(own_database, settings)


@pytest.fixture(scope="module")
def cli_env(own_database: str, home: Path) -> dict[str, str]:
    """The environment of ``ledger`` over the dedicated database: the master key from the home."""
    env = {name: value for name, value in os.environ.items() if name != "LEDGER_MASTER_KEY"}
    return {**env, "DATABASE_URL": own_database, "LEDGER_HOME": str(home),
            "LEDGER_SCHEMA": "public"}
