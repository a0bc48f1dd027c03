"""Fault fixtures: a PostgreSQL of this run's own (never the machine's shared one), to crash at will."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from private_postgres import PrivatePostgres
from psycopg.conninfo import conninfo_to_dict, make_conninfo


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A database on a private server started for this run's fault tests (shadows the shared one)."""
    server = PrivatePostgres()
    server.start()
    params = conninfo_to_dict(server.url)
    params["dbname"] = f"faults_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{params["dbname"]}"')
    try:
        yield make_conninfo(**params)
    finally:
        server.remove()


@pytest.fixture
def crashable_postgres() -> Iterator[PrivatePostgres]:
    """A server for one test alone, to crash, pause and restart."""
    server = PrivatePostgres()
    server.start()
    try:
        yield server
    finally:
        server.remove()
