"""What the read benchmarks ask: outcome figures, stories and providers' lists of the seeded log."""

from __future__ import annotations

from typing import Any

import psycopg

from bench.http_runs import bearer
from projections.figures.outcomes import METRICS

FIRST_MONTH, LAST_MONTH = "2024-01", "2025-12"  # the simulated borough's 24 months


def outcome_questions(key: str) -> list[dict[str, Any]]:
    """Every metric over the borough's 24 months, as an analyst (exact figures)."""
    headers = bearer(key, "analyst")
    return [{"path": f"/outcomes/{metric}?from={FIRST_MONTH}&to={LAST_MONTH}", "headers": headers}
            for metric in METRICS]


def story_questions(url: str, schema: str, key: str, people: int = 400) -> list[dict[str, Any]]:
    """Reads of ``people`` stories chosen at random, as an analyst stating an audit purpose."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(f'SELECT originator_id FROM "{schema}".ledger_events WHERE topic = '
                            "'ledger.PersonStory.PersonRegistered' ORDER BY random() LIMIT %s",
                            (people,)).fetchall()
    headers = bearer(key, "analyst")
    return [{"path": f"/people/{row[0]}/story", "headers": headers} for row in rows]


def list_questions(url: str, schema: str, key: str) -> list[dict[str, Any]]:
    """Each provider's waiting list and caseload, asked by that provider's own staff."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(f"SELECT convert_from(state, 'UTF8')::json->>'provider_id' FROM "
                            f'"{schema}".ledger_events WHERE topic = '
                            "'ledger.Provider.ProviderRegistered'").fetchall()
    questions = []
    for (provider,) in rows:
        headers = bearer(key, "provider", provider)
        questions += [{"path": f"/providers/{provider}/waiting-list", "headers": headers},
                      {"path": f"/providers/{provider}/caseload", "headers": headers}]
    return questions


def events_in_store(url: str, schema: str) -> int:
    """How many events the log holds (stories, claims and the directory)."""
    with psycopg.connect(url) as conn:
        row = conn.execute(f'SELECT count(*) FROM "{schema}".ledger_events').fetchone()
    return int(row[0]) if row else 0


def bytes_per_event(url: str, schema: str, events: int) -> dict[str, float]:
    """On-disk bytes per stored event (tables with their indexes): the log, its hash chain, and
    the whole schema (figures' facts, keys, claims and logs included)."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'", (schema,)).fetchall()
    sizes = {name: size for name, size in rows}
    per = max(events, 1)
    return {"log": round(sizes.get("ledger_events", 0) / per, 1),
            "hash_chain": round(sizes.get("ledger_events_chain", 0) / per, 1),
            "whole_schema": round(sum(sizes.values()) / per, 1)}
