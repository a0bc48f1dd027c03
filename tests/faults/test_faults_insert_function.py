"""The library's own insert function (POSTGRES_ENABLE_DB_FUNCTIONS=y) never replaces the ledger's
insert under its write lock: every log still inserts under the lock and links its chain."""

from __future__ import annotations

import pytest
from concurrent_log import providers
from slow_saves import WHEN, people

from api.deployment.database import store_env
from api.settings import Settings
from commands import Ledger
from commands.access_log import AccessLog
from replay.verify_chain import verify_chain
from tests.figures.scribe import Scribe


def test_the_library_insert_function_never_replaces_the_locked_insert(
    database_url: str, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POSTGRES_ENABLE_DB_FUNCTIONS=y (the library's insert function: no LOCK TABLE, and no
    ``_insert_events`` hook) is overridden: every log inserts under its write lock, and the
    ledger, even when handed the setting directly, still links every event into its chain."""
    monkeypatch.setenv("POSTGRES_ENABLE_DB_FUNCTIONS", "y")
    env = store_env(database_url, Settings(schema_name=schema))
    with AccessLog(env=env) as access_log, Ledger(env={**env, "POSTGRES_ENABLE_DB_FUNCTIONS": "y"}) as ledger:
        assert not access_log.recorder.datastore.enable_db_functions
        providers(ledger)
        person, = people(Scribe(ledger), 1)
        Scribe(ledger).contact(person, "hub", WHEN, "c-1")
        report = verify_chain(ledger)
    assert (report.events, report.broken_at) == (5, None), report
