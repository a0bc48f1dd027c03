"""``ledger replay --verify``: passes on an imported borough, names a fact altered by hand."""

from __future__ import annotations

import json
from typing import Any

import psycopg
import pytest
from console_script import ledger_replay
from replay_borough import import_borough

from commands import Ledger
from commands.audit_log import AuditLog
from projections.facts.runner import FiguresRunner
from replay.run import ReplayRequest, replay


@pytest.fixture
def imported(ledger: Ledger) -> Ledger:
    """A simulated borough imported into the test's ledger (no projector running yet)."""
    import_borough(ledger)
    return ledger


def scratch_schemas(database_url: str) -> int:
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'replay_%'").fetchone()
    return int(row[0]) if row else 0


def test_replay_verify_passes_after_an_import(imported: Ledger, database_url: str, schema: str) -> None:
    """Caught up first, the rebuilt facts and figures equal the live ones: exit 0."""
    answer = ledger_replay(database_url, schema, "--verify")
    assert answer.returncode == 0, answer.stderr
    summary: dict[str, Any] = json.loads(answer.stdout)
    assert (summary["identical"], summary["differences"]) == (True, [])
    assert summary["events"] > 2000


def test_replay_verify_names_a_fact_altered_by_hand(
    env: dict[str, str], imported: Ledger, database_url: str, schema: str
) -> None:
    """An UPDATE of one live fact row fails the check, naming its table, key and column."""
    FiguresRunner(env, app=imported).catch_up()
    with psycopg.connect(database_url, autocommit=True) as conn:
        row = conn.execute(f'UPDATE "{schema}".figures_contacts SET channel = \'email\' WHERE '
                           f'(person_id, version) IN (SELECT person_id, version FROM "{schema}".'
                           "figures_contacts WHERE channel = 'telephone' LIMIT 1) "
                           "RETURNING person_id, version").fetchone()
    assert row is not None
    answer = ledger_replay(database_url, schema, "--verify")
    assert answer.returncode == 1
    first = json.loads(answer.stdout)["differences"][0]
    assert first == {"table": "figures_contacts", "key": {"person_id": str(row[0]), "version": row[1]},
                     "column": "channel", "live": "email", "rebuilt": "telephone"}


def test_the_scratch_schema_is_dropped_after_a_replay(
    env: dict[str, str], imported: Ledger, database_url: str
) -> None:
    """Without --keep, nothing of the rebuild is left behind."""
    before = scratch_schemas(database_url)
    replay(env, ReplayRequest(verify=True, figures=False), app=imported)
    assert scratch_schemas(database_url) == before


def test_replay_records_itself_in_the_audit_log(
    env: dict[str, str], ledger: Ledger, database_url: str, schema: str
) -> None:
    """The audit log names who replayed, and what."""
    answer = ledger_replay(database_url, schema, "--actor", "auditor-7", "--as-of", "2025-06-30T23:00Z")
    assert answer.returncode == 0, answer.stderr
    with AuditLog(env=env) as audit_log:
        entry = audit_log.entries()[-1]
    assert (entry.actor, entry.action, entry.details["as_of"]) == (
        "auditor-7", "replay", "2025-06-30T23:00:00+00:00")


def test_replay_refuses_an_instant_without_an_offset(database_url: str, schema: str) -> None:
    """An instant must say which clock it is on: bad usage, exit 2."""
    assert ledger_replay(database_url, schema, "--as-of", "2025-06-30T23:00").returncode == 2
