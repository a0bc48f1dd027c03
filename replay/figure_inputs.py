"""A person's figure inputs for an audit: every fact row their events added, retracted or not.

Read straight from the live fact tables (so exactly what the figures count), each row with the
story version it came from, when it was recorded, and whether a retraction recorded by the
instant asked for takes it out of every figure.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from psycopg.sql import SQL, Literal

from projections.facts.schema import FiguresView

STORY_TABLES = ("contacts", "referrals", "decisions", "assessments", "key_workers", "ward_events",
                "retractions")
COMMON = ("person_id", "version", "recorded_at", "provider_id", "occurred_at", "occurred_on")
INPUTS = (
    "SELECT {kind} AS kind, t.*, EXISTS (SELECT 1 FROM {retractions} r"
    " WHERE r.person_id = t.person_id AND r.retracted_version = t.version"
    " AND r.recorded_at <= %(as_of)s) AS retracted"
    " FROM {table} t WHERE t.person_id = %(person_id)s AND t.recorded_at <= %(as_of)s"
)


def native(value: Any) -> Any:
    """A fact's value as JSON has it (instants and dates in ISO 8601, money as text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def figure_inputs(view: FiguresView, person_id: UUID,
                  as_of: datetime | None = None) -> list[dict[str, Any]]:
    """The person's facts recorded by ``as_of`` (all of them when not given), by story version."""
    params = {"person_id": person_id, "as_of": as_of or "infinity"}
    found: list[dict[str, Any]] = []
    with view.datastore.transaction(commit=False) as curs:
        for table in STORY_TABLES:
            curs.execute(SQL(INPUTS).format(kind=Literal(table), table=view.table(table),
                                            retractions=view.table("retractions")), params)
            found.extend(_input(row) for row in curs.fetchall())
    return sorted(found, key=lambda row: int(row["version"]))


def _input(row: dict[str, Any]) -> dict[str, Any]:
    fields = {k: native(v) for k, v in row.items() if k not in (*COMMON, "kind", "retracted")}
    return {"table": row["kind"], "version": row["version"], "recorded_at": native(row["recorded_at"]),
            "occurred_at": native(row["occurred_at"]), "provider_id": row["provider_id"],
            "retracted": row["retracted"], "fields": fields}
