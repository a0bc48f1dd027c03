"""A dedicated database for the erasure test: it reads every relation file of its database, so
no other test's rows (or dead tuples) may be in it."""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from api.deployment.database import store_env
from api.settings import Settings


@pytest.fixture(scope="module")
def own_database(server_url: str) -> Iterator[str]:
    """A database for this test alone, dropped after it."""
    name = f"ledger_erasure_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    params = conninfo_to_dict(server_url)
    params["dbname"] = name
    yield make_conninfo(**params)
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
