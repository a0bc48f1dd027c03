"""Where the log lives: ``DATABASE_URL`` when set, else an embedded PostgreSQL under ``LEDGER_HOME``;
and the store's settings that the eventsourcing library is handed (never ``os.environ``)."""

from __future__ import annotations

from pathlib import Path

from psycopg.conninfo import conninfo_to_dict

from api.settings import Settings

_embedded: list[object] = []  # keeps the embedded server's handle alive for the process


def server_url(settings: Settings) -> str:
    """The PostgreSQL server to use, starting the embedded one when none is configured."""
    return settings.database_url or embedded_url(settings.home / "pgdata")


def embedded_url(pgdata: Path) -> str:
    """Start (or join) the embedded PostgreSQL whose data lives in ``pgdata``."""
    import pgserver

    pgdata.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(pgdata.resolve(), cleanup_mode="stop")  # type: ignore[attr-defined]
    _embedded.append(server)
    return str(server.get_uri())


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
        "POSTGRES_PRE_PING": "y",
        # Never the library's insert function: it takes no write lock (commit order would stop
        # being notification order, and a projection could skip a late commit) and bypasses the
        # ledger's hash chain.
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        "POSTGRES_POOL_SIZE": str(settings.pool_size),
        "POSTGRES_MAX_OVERFLOW": str(settings.pool_overflow),
    }
    if settings.identity_key is not None:
        env["LEDGER_IDENTITY_KEY"] = settings.identity_key.get_secret_value()
    if settings.master_key is not None:
        env["LEDGER_MASTER_KEY"] = settings.master_key.get_secret_value()
    return env
