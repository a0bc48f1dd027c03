"""Erasure over an imported borough: the figures, the replay check and the chain all hold."""

from __future__ import annotations

import json
from uuid import UUID

import psycopg
import pytest
from console_script import ledger_replay
from replay_borough import all_figures, import_borough

from commands import Ledger
from commands.audit_log import AuditLog
from projections.facts.runner import FiguresRunner
from replay.verify_chain import verify_chain


def some_people(database_url: str, schema: str, count: int) -> list[UUID]:
    """The first ``count`` people registered in the log."""
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(f'SELECT originator_id FROM "{schema}".ledger_events WHERE topic = '
                            "'ledger.PersonStory.PersonRegistered' ORDER BY originator_id LIMIT %s",
                            (count,)).fetchall()
    return [row[0] for row in rows]


@pytest.fixture
def erased(env: dict[str, str], ledger: Ledger, database_url: str, schema: str) -> dict[str, object]:
    """A borough's figures, published, then twenty people erased and the figures caught up again."""
    import_borough(ledger)
    runner = FiguresRunner(env, app=ledger)
    runner.catch_up()
    before = all_figures(runner.view)
    with AuditLog(env=env) as audit_log:
        for person_id in some_people(database_url, schema, 20):
            ledger.erase_identity(person_id, audit_log, "admin-1", "admin")
    runner.catch_up()
    after = all_figures(runner.view)
    runner.stop()
    return {"before": before, "after": after}


def test_every_figure_is_unchanged_by_erasure(erased: dict[str, object]) -> None:
    """People supported, caseload, waiting times...: every metric's rows are as before."""
    assert erased["after"] == erased["before"]


def test_replay_verify_passes_after_erasure(
    erased: dict[str, object], database_url: str, schema: str
) -> None:
    """Rebuilt from the log after erasure, the facts and figures equal the live ones."""
    answer = ledger_replay(database_url, schema, "--verify")
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["identical"] is True


def test_the_chain_verifies_after_erasure(erased: dict[str, object], ledger: Ledger) -> None:
    """No stored byte changed: every link still recomputes."""
    assert verify_chain(ledger).broken_at is None
