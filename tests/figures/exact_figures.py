"""Exact figures two ways, for the property and crash tests: the oracle's for each metric and a
runner's answer; the settings of a fresh schema to project into; and a runner's list rows."""

from __future__ import annotations

import uuid
from typing import Any

import psycopg
from psycopg.sql import SQL

from api.deployment.database import store_env
from api.settings import Settings
from projections.calendar import Month
from projections.facts.runner import FiguresRunner
from projections.figures.outcomes import Question, outcomes
from projections.worklists.counts import COUNTS
from projections.worklists.refresh import TABLES
from tests.figures import oracle_figures as of
from tests.figures.oracle_handoffs import handoffs

ORACLE = {"people-supported": of.people_supported, "caseload": of.caseload,
          "waiting-times": of.waiting_times, "referrals": of.referrals, "cost": of.cost,
          "rehab-moves": of.rehab_moves, "handoffs": handoffs}


def fresh_env(database_url: str) -> dict[str, str]:
    """The eventsourcing settings of a new, empty schema."""
    name = f"h_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    return store_env(database_url, Settings(schema_name=name))


def figures(runner: FiguresRunner, metric: str) -> dict[Any, Any]:
    """A runner's exact figures for a metric over January to July 2025, keyed by (month, provider)."""
    body = outcomes(runner.view, Question(metric, Month(2025, 1), Month(2025, 7)), is_exact=True)
    return {(r["month"], r["provider_id"]): {k: v for k, v in r.items()
            if k not in ("month", "provider_id", "suppressed_fields")} for r in body["rows"]}


def list_rows(runner: FiguresRunner) -> dict[str, list[Any]]:
    """Every row of every list table and of the lists' totals, in a stable order."""
    found = {}
    with runner.view.datastore.transaction(commit=False) as curs:
        for name in TABLES:
            curs.execute(SQL("SELECT * FROM {}").format(runner.view.table(name)))
            found[name] = sorted((tuple(row.values()) for row in curs.fetchall()), key=repr)
        curs.execute(SQL("SELECT list, provider_id, staff_id, day::text, n FROM {}")
                     .format(runner.view.table(COUNTS)))
        found[COUNTS] = sorted((tuple(row.values()) for row in curs.fetchall()), key=repr)
    return found
