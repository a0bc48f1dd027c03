"""The figures' readers and view are configured by the settings handed to them, never by
``os.environ`` (which the eventsourcing library would otherwise merge in)."""

from __future__ import annotations

import pytest

from projections.facts.log_sources import AccessLogReader, LedgerLog
from projections.facts.runner import build_view


@pytest.mark.parametrize("reader", [LedgerLog, AccessLogReader])
def test_a_schema_in_the_environment_does_not_move_a_reader(
    reader: type[LedgerLog | AccessLogReader], env: dict[str, str], schema: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``<APP>_POSTGRES_SCHEMA`` in the shell does not change which log a reader reads."""
    monkeypatch.setenv(f"{reader.name.upper()}_POSTGRES_SCHEMA", "elsewhere")
    app = reader(env=env)
    try:
        assert app.recorder.datastore.schema == schema
    finally:
        app.close()


def test_a_schema_in_the_environment_does_not_move_the_figures(
    env: dict[str, str], schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``FIGURES_POSTGRES_SCHEMA`` in the shell does not move the fact tables."""
    monkeypatch.setenv("FIGURES_POSTGRES_SCHEMA", "elsewhere")
    view = build_view(env)
    try:
        assert view.datastore.schema == schema
    finally:
        view.datastore.close()
