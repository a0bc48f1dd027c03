"""An index is made when it is missing, and a start on a store that has it locks no table: a
writer holding the table (as the live projector does) no longer makes a starting process wait,
nor deadlock with it (``ledger/indexes.py``; found in CI, a deadlock between a new figures' view
and the projector)."""

from __future__ import annotations

import psycopg
import pytest
from psycopg.sql import SQL, Identifier

from ledger.indexes import index_if_missing


@pytest.fixture
def table(database_url: str, schema: str) -> tuple[str, str]:
    """A table in the test's schema (made here), with its name."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(SQL("CREATE SCHEMA IF NOT EXISTS {}").format(Identifier(schema)))
        conn.execute(SQL("CREATE TABLE {}.facts (person_id uuid, at date)").format(Identifier(schema)))
    return schema, "facts"


def make(conn: psycopg.Connection[tuple[object, ...]], schema: str) -> None:
    conn.execute(index_if_missing(schema, SQL("{}.facts").format(Identifier(schema)),
                                  "facts_lookup", "person_id, at", "at IS NOT NULL"))


def test_a_missing_index_is_made_once(database_url: str, table: tuple[str, str]) -> None:
    schema, _ = table
    with psycopg.connect(database_url, autocommit=True) as conn:
        make(conn, schema)
        make(conn, schema)
        found = conn.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = %s", (schema,)).fetchall()
    assert [row[0].split(" USING ")[1] for row in found] == [
        "btree (person_id, at) WHERE (at IS NOT NULL)"]


def test_an_index_that_exists_waits_for_no_writer(database_url: str, table: tuple[str, str]) -> None:
    """A writer holds the table (ROW EXCLUSIVE); making the index again answers at once."""
    schema, _ = table
    with psycopg.connect(database_url, autocommit=True) as conn:
        make(conn, schema)
    with psycopg.connect(database_url) as writer, psycopg.connect(database_url) as starting:
        writer.execute(SQL("INSERT INTO {}.facts VALUES (gen_random_uuid(), now())").format(
            Identifier(schema)))
        starting.execute("SET lock_timeout = '1s'")
        make(starting, schema)  # CREATE INDEX IF NOT EXISTS would wait for the SHARE lock here
        starting.commit()
        writer.rollback()
