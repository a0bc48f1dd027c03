"""The write side's applications are configured by the settings handed to them, never by
``os.environ`` (which the eventsourcing library would otherwise merge into every application's)."""

from __future__ import annotations

import pytest

from commands import Ledger
from commands.access_log import AccessLog
from commands.audit_log import AuditLog

APPLICATIONS = (Ledger, AccessLog, AuditLog)
ZLIB = "eventsourcing.compressor:ZlibCompressor"


@pytest.mark.parametrize("application", APPLICATIONS)
def test_a_compressor_in_the_environment_changes_nothing(
    application: type[Ledger | AccessLog | AuditLog], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``COMPRESSOR_TOPIC`` set in the shell does not change how events are stored."""
    monkeypatch.setenv("COMPRESSOR_TOPIC", ZLIB)
    with application(env=env) as app:
        assert app.mapper.compressor is None


@pytest.mark.parametrize("application", APPLICATIONS)
def test_a_schema_in_the_environment_changes_nothing(
    application: type[Ledger | AccessLog | AuditLog], env: dict[str, str], schema: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``<APP>_POSTGRES_SCHEMA`` in the shell (which the library ranks above the settings handed
    in) does not move the application's tables."""
    monkeypatch.setenv(f"{application.name.upper()}_POSTGRES_SCHEMA", "elsewhere")
    with application(env=env) as app:
        assert app.recorder.datastore.schema == schema


def test_the_library_insert_function_in_the_environment_is_not_taken(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``POSTGRES_ENABLE_DB_FUNCTIONS=y`` in the shell leaves the access log on the locked insert."""
    monkeypatch.setenv("POSTGRES_ENABLE_DB_FUNCTIONS", "y")
    with AccessLog(env={k: v for k, v in env.items() if k != "POSTGRES_ENABLE_DB_FUNCTIONS"}) as app:
        assert not app.recorder.datastore.enable_db_functions
