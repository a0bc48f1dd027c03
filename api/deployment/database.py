"""Where the log lives: ``DATABASE_URL`` when set, else an embedded PostgreSQL under ``LEDGER_HOME``;
and the store's settings that the eventsourcing library is handed (never ``os.environ``)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg.conninfo import conninfo_to_dict

from api.deployment.embedded_server import embedded_url, stop_embedded
from api.deployment.key_binding import RefusedToStart
from api.settings import Settings

START_WAIT_SECONDS = 120  # far longer than creating the tables takes; a holder that long is stuck

__all__ = ["embedded_url", "one_start_at_a_time", "server_url", "stop_embedded", "store_env"]

def server_url(settings: Settings) -> str:
    """The PostgreSQL server to use, starting the embedded one when none is configured."""
    return settings.database_url or embedded_url(settings.home / "pgdata")


@contextmanager
def one_start_at_a_time(url: str, schema: str,
                        wait_seconds: float = START_WAIT_SECONDS) -> Iterator[None]:
    """While a process creates its tables, no other process over the same schema does: two
    concurrent ``CREATE TABLE IF NOT EXISTS`` of one table collide in PostgreSQL's catalogue
    (``ledger serve --workers N`` starts N at once). A session lock, freed when its connection
    closes; waited for at most ``wait_seconds``, then ``RefusedToStart`` says who may hold it."""
    key = zlib.crc32(f"ledger-start/{schema}".encode()) & 0x7FFFFFFF
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"SET lock_timeout = {round(wait_seconds * 1000)}")
        try:
            connection.execute("SELECT pg_advisory_lock(%s)", (key,))
        except psycopg.errors.LockNotAvailable:
            raise RefusedToStart(
                f"Another ledger process over schema {schema!r} has been creating its tables for "
                f"over {wait_seconds:g} s (it holds the start lock, advisory lock {key}); it may be "
                "stuck: find it in pg_locks / pg_stat_activity, stop it, and start again.") from None
        connection.execute("SET lock_timeout = 0")
        yield


def store_env(url: str, settings: Settings) -> dict[str, str]:
    """The eventsourcing settings for a server URL and the deployment's settings: everything the
    library and the ledger's applications read, so that nothing is left to the environment."""
    parts = conninfo_to_dict(url)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": str(parts.get("dbname", "postgres")),
        "POSTGRES_HOST": str(parts.get("host", "127.0.0.1")),
        "POSTGRES_PORT": str(parts.get("port", "5432")),
        "POSTGRES_USER": str(parts.get("user", "postgres")),
        "POSTGRES_PASSWORD": str(parts.get("password", "")),
        "POSTGRES_SCHEMA": settings.schema_name,
        "POSTGRES_LOCK_TIMEOUT": str(settings.lock_timeout),
        "POSTGRES_CONNECT_TIMEOUT": str(settings.pool_timeout),
        "LEDGER_CONNECT_TIMEOUT": str(settings.connect_timeout),
        "LEDGER_STATEMENT_TIMEOUT": str(settings.statement_timeout),
        # Kept by the figures' readers; the write side's applications check a connection only
        # when it was idle (``commands.sessions``): a ping per borrow was 14-18% of an append.
        "POSTGRES_PRE_PING": "y",
        # Never the library's insert function: it takes no write lock (commit order would stop
        # being notification order, and a projection could skip a late commit) and bypasses the
        # ledger's hash chain.
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        "POSTGRES_POOL_SIZE": str(settings.pool_size),
        "POSTGRES_MAX_OVERFLOW": str(settings.pool_overflow),
        "LEDGER_STORY_CACHE_SIZE": str(settings.story_cache_size),
        "LEDGER_ERASURE_POLL_SECONDS": str(settings.erasure_poll_seconds),
        "LEDGER_REFUSED_READ_LIMIT": str(settings.refused_read_limit),
        "LEDGER_REFUSED_READ_WINDOW": str(settings.refused_read_window),
    }
    if settings.identity_key is not None:
        env["LEDGER_IDENTITY_KEY"] = settings.identity_key.get_secret_value()
    if settings.master_key is not None:
        env["LEDGER_MASTER_KEY"] = settings.master_key.get_secret_value()
    return env
