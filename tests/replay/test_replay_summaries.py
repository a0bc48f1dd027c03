"""``ledger replay --verify`` checks the maintained summaries cell by cell: a cell altered by hand
fails the check (exit 1), named by metric, month, provider and part, beside the figure on demand."""

from __future__ import annotations

import json

import psycopg
from console_script import ledger_replay
from replay_borough import import_borough

from commands import Ledger
from projections.facts.runner import FiguresRunner


def test_replay_verify_names_a_summary_cell_altered_by_hand(
    env: dict[str, str], ledger: Ledger, database_url: str, schema: str
) -> None:
    """One provider's caseload count raised by one: exit 1, the cell named with both values."""
    import_borough(ledger)
    FiguresRunner(env, app=ledger).catch_up()
    with psycopg.connect(database_url, autocommit=True) as conn:
        row = conn.execute(
            f'UPDATE "{schema}".figures_summary_cells SET parts = jsonb_set(parts, \'{{count}}\','
            " to_jsonb((parts->>'count')::int + 1)) WHERE (metric, month, provider_id) IN ("
            f'SELECT metric, month, provider_id FROM "{schema}".figures_summary_cells'
            " WHERE metric = 'caseload' AND provider_id <> '' ORDER BY month LIMIT 1)"
            " RETURNING to_char(month, 'YYYY-MM'), provider_id, (parts->>'count')::int").fetchone()
    assert row is not None
    month, provider, tampered = row
    answer = ledger_replay(database_url, schema, "--verify")
    assert answer.returncode == 1
    differences = json.loads(answer.stdout)["differences"]
    assert {"table": "summaries/caseload", "key": {"month": month, "provider_id": provider},
            "column": "count", "live": tampered, "rebuilt": tampered - 1} in differences
    assert f"summaries/caseload {{'month': '{month}', 'provider_id': '{provider}'}}" in answer.stderr
