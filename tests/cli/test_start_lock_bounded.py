"""Starting waits for another process's start lock (held while it creates its tables) for a
bounded time only: a holder that is stuck makes the start fail with a message saying so, rather
than hang for ever."""

from __future__ import annotations

import time
import zlib

import psycopg
import pytest

from api.deployment.database import one_start_at_a_time
from api.deployment.key_binding import RefusedToStart


def held(database_url: str, schema: str) -> psycopg.Connection[tuple[object, ...]]:
    """A connection holding the start lock of ``schema``, as a stuck starting process would."""
    connection = psycopg.connect(database_url, autocommit=True)
    key = zlib.crc32(f"ledger-start/{schema}".encode()) & 0x7FFFFFFF
    connection.execute("SELECT pg_advisory_lock(%s)", (key,))
    return connection


def test_a_stuck_holder_fails_the_start_after_the_wait(database_url: str, schema: str) -> None:
    """Held elsewhere: refused after the wait (one second here), naming the schema and the lock."""
    with held(database_url, schema):
        began = time.monotonic()
        with pytest.raises(RefusedToStart, match=f"schema '{schema}'.*start lock"), \
                one_start_at_a_time(database_url, schema, wait_seconds=1):
            pass
    assert 0.9 < time.monotonic() - began < 10


def test_a_freed_lock_is_taken_at_once(database_url: str, schema: str) -> None:
    """Nobody holding it: the start goes ahead, the wait undiminished for the next."""
    with held(database_url, schema):
        pass
    with one_start_at_a_time(database_url, schema, wait_seconds=1):
        pass

