"""The fact tables every figure is computed from, and the tracking row they commit with.

Each story fact is keyed by (person_id, version) and keeps ``recorded_at``, so a figure can be
asked "as of" a ledger instant; a retraction is a fact of its own (never an update), so the
facts are append-only and a rebuild writes exactly what the live projector wrote.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.postgres import PostgresTrackingRecorder
from psycopg.sql import SQL, Composed, Identifier, Literal

from ledger.indexes import index_if_missing
from projections.copy_formats import copy_statement
from projections.worklists.counts import create_counts
from projections.worklists.tables import worklist_tables

PREFIX = "figures"
STORY = ("person_id uuid", "version bigint", "recorded_at timestamptz", "provider_id text",
         "occurred_at timestamptz", "occurred_on date")
COLUMNS: dict[str, tuple[str, ...]] = {
    "contacts": (*STORY, "contact_id text", "channel text", "attendance text", "purpose text",
                 "referral_id text", "attended_direct boolean"),
    "referrals": (*STORY, "referral_id text", "to_provider_id text", "priority text", "source text",
                  "needs text[]"),
    "decisions": (*STORY, "referral_id text", "decision text", "reason text"),
    "assessments": (*STORY, "assessment_id text"),
    "self_assessments": (*STORY, "self_assessment_id text"),
    "key_workers": (*STORY, "change text", "key_worker_staff_id text"),
    "ward_events": (*STORY, "stay_id text", "movement text", "ward_type text", "destination text"),
    "retractions": (*STORY, "retracted_version bigint"),
    # who the person is, each identifying value kept sealed (JSON of its marker): the lists' names
    "identities": (*STORY, "change text", "nhs_number text", "given_name text", "family_name text"),
    "relationship_claims": STORY,
    "providers": ("stream_id uuid", "version bigint", "recorded_at timestamptz", "provider_id text",
                  "occurred_at timestamptz", "occurred_on date", "name text", "tier text",
                  "service text", "unit_cost_gbp numeric", "bed_day_cost_gbp numeric"),
    "story_reads": ("notification_id bigint", "person_id uuid", "provider_id text",
                    "read_at timestamptz", "recorded_at timestamptz"),
}


def lock_key(schema: str) -> int:
    """The advisory lock a schema's projector writes under (one writer across processes)."""
    return zlib.crc32(f"figures/{schema}".encode()) & 0x7FFFFFFF


def column_types(name: str) -> tuple[str, ...]:
    """The column types of a fact table, in the order rows are written (``uuid``, ``text[]``)."""
    return tuple(column.split(" ", 1)[1] for column in COLUMNS[name])


KEYS = {"providers": "stream_id, version", "story_reads": "notification_id"}
INDEXES = {
    "contacts": "person_id, provider_id, occurred_at",
    "decisions": "person_id, referral_id",
    "retractions": "person_id, retracted_version",
    "story_reads": "person_id, provider_id",
    "referrals": "person_id, referral_id",
    "providers": "provider_id, version",  # a list row's provider name
}

SUMMARY_TABLES = (  # kept by projections.summaries; provider_id '' is the borough-wide cell
    "CREATE TABLE IF NOT EXISTS {} (metric text, month date, provider_id text, parts jsonb NOT NULL,"
    " PRIMARY KEY (metric, month, provider_id))",
    "CREATE TABLE IF NOT EXISTS {} (single boolean PRIMARY KEY DEFAULT true CHECK (single),"
    " first_month date, last_month date, metrics text)",
)
# The metrics the summaries were built for (a store built before a metric was summarised lacks the
# column, and so counts as unbuilt); altered only when missing, so a start takes no lock otherwise.
SPAN_METRICS = (
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass({})"
    " AND attname = 'metrics' AND NOT attisdropped) THEN ALTER TABLE {} ADD COLUMN metrics text;"
    " END IF; END $$"
)


class FiguresView(PostgresTrackingRecorder):
    """The fact tables and the ``figures_tracking`` row, in one schema and one datastore."""

    def __init__(self, datastore: Any, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        for table, columns in COLUMNS.items():
            key = KEYS.get(table, "person_id, version")
            body = ", ".join(columns)
            self.sql_create_statements.append(SQL(
                "CREATE TABLE IF NOT EXISTS {} (" + body + ", PRIMARY KEY (" + key + "))"
            ).format(self.table(table)))
            if table in INDEXES:
                self.sql_create_statements.append(index_if_missing(
                    self.datastore.schema, self.table(table), f"{PREFIX}_{table}_lookup",
                    INDEXES[table]))
        self.sql_create_statements.extend(worklist_tables(self.table, self.datastore.schema))
        self.sql_create_statements.append(create_counts(self.table, lock_key(self.datastore.schema)))
        for name, create in zip(("summary_cells", "summary_span"), SUMMARY_TABLES, strict=True):
            self.sql_create_statements.append(SQL(create).format(self.table(name)))
        span = f'"{self.datastore.schema}"."{PREFIX}_summary_span"'
        self.sql_create_statements.append(
            SQL(SPAN_METRICS).format(Literal(span), self.table("summary_span")))

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A cursor for reads, on the pool's autocommit connection: each statement sees its own
        snapshot, as it would inside a READ COMMITTED transaction, without the BEGIN and the
        ROLLBACK (two of a one-statement read's three round trips)."""
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            yield curs

    def table(self, name: str) -> Composed:
        """The qualified name of one fact table."""
        return SQL("{}.{}").format(Identifier(self.datastore.schema), Identifier(f"{PREFIX}_{name}"))

    def column_names(self, name: str) -> list[str]:
        """The columns of a fact table, in the order rows are written."""
        return [column.split()[0] for column in COLUMNS[name]]

    def position(self, curs: Any, application_name: str) -> int:
        """The tracked position of an upstream application, read inside a transaction."""
        curs.execute(self.max_tracking_id_statement, (application_name,))
        row = curs.fetchone()
        value = None if row is None else next(iter(row.values()))
        return int(value or 0)

    def copy_rows(self, curs: Any, name: str, rows: list[tuple[Any, ...]]) -> None:
        """Append rows to a fact table, in its column order, with one ``COPY``."""
        columns = SQL(", ").join(Identifier(c) for c in self.column_names(name))
        with curs.copy(SQL("COPY {} ({}) FROM STDIN").format(self.table(name), columns)) as copy:
            for row in rows:
                copy.write_row(row)

    def copy_encoded(self, curs: Any, name: str, data: bytes) -> None:
        """Append rows already encoded for ``COPY`` (``projections.copy_formats``, binary or
        text) to a table."""
        columns = SQL(", ").join(Identifier(c) for c in self.column_names(name))
        statement = SQL("COPY {} ({}) FROM STDIN").format(self.table(name), columns)
        with curs.copy(copy_statement(statement, data)) as copy:
            copy.write(data)
