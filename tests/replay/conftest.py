"""Replay fixtures: one simulated borough per test module, published at a cut-off, then corrected."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from replay_borough import Published, all_figures, correct_after_cut_off, import_borough

from api.deployment.database import store_env
from api.settings import Settings
from commands import Ledger
from projections.facts.runner import FiguresRunner


@pytest.fixture(scope="module")
def published(database_url: str) -> Iterator[Published]:
    """Import a borough, publish its figures at a cut-off, then record late entries and retractions."""
    schema = f"r_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    env = store_env(database_url, Settings(schema_name=schema))
    ledger = Ledger(env=env)
    runner = FiguresRunner(env, app=ledger)
    import_borough(ledger)
    runner.catch_up()
    figures = all_figures(runner.view)
    cut_off = correct_after_cut_off(ledger, runner.view)
    runner.catch_up()
    yield Published(env, ledger, runner, cut_off, figures)
    runner.stop()
    ledger.close()
