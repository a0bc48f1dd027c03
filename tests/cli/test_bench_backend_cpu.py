"""The route benchmark's PostgreSQL figure finds the backends of one process's connections, and
counts the CPU they spend."""

from __future__ import annotations

import os

import psycopg

from bench.backend_cpu import backend_seconds, backends_of, spent_since


def test_this_process_s_connection_is_found_by_its_port(database_url: str) -> None:
    """A connection opened here: its backend is among this process's."""
    with psycopg.connect(database_url) as conn:
        assert conn.info.backend_pid in backends_of(database_url, os.getpid())


def test_work_in_a_backend_counts_as_spent(database_url: str) -> None:
    """A backend made busy for a while: its CPU since the first look is counted."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        before = backend_seconds(database_url, os.getpid())
        conn.execute("SELECT count(*) FROM generate_series(1, 3000000)")
        assert spent_since(database_url, os.getpid(), before) > 0.05
