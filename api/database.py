"""Where the log lives: ``DATABASE_URL`` when set, else an embedded PostgreSQL under ``.ledger/``."""

from __future__ import annotations

import os
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict

DATA_DIR = Path(os.environ.get("LEDGER_HOME", ".ledger"))
_embedded: list[object] = []  # keeps the embedded server's handle alive for the process


def database_url() -> str:
    """The PostgreSQL server to use, starting the embedded one when none is configured."""
    url = os.environ.get("DATABASE_URL")
    return url if url else embedded_url(DATA_DIR / "pgdata")


def embedded_url(pgdata: Path) -> str:
    """Start (or join) the embedded PostgreSQL whose data lives in ``pgdata``."""
    import pgserver

    pgdata.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(pgdata.resolve(), cleanup_mode="stop")  # type: ignore[attr-defined]
    _embedded.append(server)
    return str(server.get_uri())


def store_env(url: str, schema: str | None = None) -> dict[str, str]:
    """The eventsourcing settings for a server URL (and optionally a schema within it)."""
    parts = conninfo_to_dict(url)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": str(parts.get("dbname", "postgres")),
        "POSTGRES_HOST": str(parts.get("host", "127.0.0.1")),
        "POSTGRES_PORT": str(parts.get("port", "5432")),
        "POSTGRES_USER": str(parts.get("user", "postgres")),
        "POSTGRES_PASSWORD": str(parts.get("password", "")),
        "POSTGRES_LOCK_TIMEOUT": os.environ.get("LEDGER_LOCK_TIMEOUT", "5"),
        "POSTGRES_CONNECT_TIMEOUT": os.environ.get("LEDGER_POOL_TIMEOUT", "5"),
        "LEDGER_CONNECT_TIMEOUT": os.environ.get("LEDGER_CONNECT_TIMEOUT", "5"),
        "LEDGER_STATEMENT_TIMEOUT": os.environ.get("LEDGER_STATEMENT_TIMEOUT", "30"),
        "LEDGER_REQUEST_DEADLINE": os.environ.get("LEDGER_REQUEST_DEADLINE", "60"),
        "POSTGRES_PRE_PING": "y",
        # Never the library's insert function, whatever the environment says: it takes no write
        # lock (commit order would stop being notification order, and a projection could skip a
        # late commit) and bypasses the ledger's hash chain.
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        "POSTGRES_POOL_SIZE": os.environ.get("LEDGER_POOL_SIZE", "8"),
        "POSTGRES_MAX_OVERFLOW": "8",
    }
    from api.keys import identity_key

    env["LEDGER_IDENTITY_KEY"] = identity_key()
    schema = schema or os.environ.get("LEDGER_SCHEMA")
    if schema:
        env["POSTGRES_SCHEMA"] = schema
    return env
