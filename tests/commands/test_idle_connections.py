"""A pooled connection is checked when it was idle, not at every borrow, and a broken one is
still survived: dropped while idle, it is replaced before use; dropped while busy, the write is
tried again on another."""

from __future__ import annotations

import time
from uuid import UUID

import psycopg
import pytest
from builders import contact
from psycopg_pool import ConnectionPool

from commands import Ledger
from ledger.idle_checks import check_when_idle


def drop(database_url: str, pid: int | None = None) -> None:
    """Terminate the server session ``pid``, or every other session of this run's database (the
    run's own); wait until they are gone."""
    with psycopg.connect(database_url, autocommit=True) as admin:
        pids = [row[0] for row in admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND (%s::int IS NULL OR pid = %s)", (pid, pid))]
        for each in pids:
            admin.execute("SELECT pg_terminate_backend(%s)", (each,))
        while admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)",
                            (pids,)).fetchone() != (0,):
            time.sleep(0.02)


def test_a_connection_dropped_while_idle_is_replaced_before_use(database_url: str) -> None:
    """Idle past the threshold, the dropped connection fails its check and another is given."""
    with ConnectionPool(database_url, min_size=1, max_size=1, check=check_when_idle(0.0)) as pool:
        with pool.connection() as connection:
            first = connection.info.backend_pid
        drop(database_url, first)
        with pool.connection() as connection:
            connection.execute("SELECT 1")
            assert connection.info.backend_pid != first


def test_a_connection_borrowed_again_at_once_is_not_pinged(database_url: str) -> None:
    """Within the threshold the pool hands the connection over unchecked (no round trip)."""
    with ConnectionPool(database_url, min_size=1, max_size=1, check=check_when_idle(60)) as pool:
        with pool.connection() as connection:
            first = connection.info.backend_pid
        drop(database_url, first)
        with pytest.raises(psycopg.OperationalError), pool.connection() as connection:
            connection.execute("SELECT 1")


def test_an_append_survives_its_pooled_connections_dropped_while_busy(
    ledger: Ledger, person: UUID, database_url: str
) -> None:
    """Every session of the ledger dropped between two appends: the second still lands, once."""
    ledger.append(person, [contact("c-1")])
    drop(database_url)
    receipt = ledger.append(person, [contact("c-2")])
    story = ledger.story(person)
    assert (receipt.version, [e.data.get("contact_id") for e in story.entries[1:]]) == (3, ["c-1", "c-2"])
