"""Fact rows encoded away from the connection (``projections.copy_formats``) arrive as they were."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import psycopg
from psycopg.sql import SQL

from projections.copy_formats import SIGNATURE, copy_encoded, copy_statement
from projections.facts.schema import COLUMNS, column_types

REFERRAL = (uuid4(), 3, datetime(2026, 3, 1, 9, tzinfo=UTC), "P-1",
            datetime(2026, 2, 28, 23, 30, tzinfo=UTC), date(2026, 2, 28), "R-1", "P-2", "urgent",
            "gp", ["housing", "it's \"quoted\"\t\\"])
PROVIDER = (uuid4(), 1, datetime(2026, 3, 1, tzinfo=UTC), None, datetime(2026, 3, 1, tzinfo=UTC),
            date(2026, 3, 1), "Ward 7", "acute", None, "310.50", "95")


def copied(database_url: str, table: str, row: tuple[Any, ...]) -> tuple[bytes, tuple[Any, ...]]:
    data = copy_encoded([row], column_types(table))
    with psycopg.connect(database_url) as conn:
        conn.execute(f"CREATE TEMP TABLE t ({', '.join(COLUMNS[table])})")
        with conn.cursor().copy(copy_statement(SQL("COPY t FROM STDIN").format(), data)) as copy:
            copy.write(data)
        found = conn.execute("SELECT * FROM t").fetchone()
    assert found is not None
    return data, tuple(found)


def test_rows_of_matching_types_travel_in_binary(database_url: str) -> None:
    data, found = copied(database_url, "referrals", REFERRAL)
    assert data.startswith(SIGNATURE)
    assert found == REFERRAL


def test_rows_that_do_not_dump_as_their_types_travel_as_text(database_url: str) -> None:
    data, found = copied(database_url, "providers", PROVIDER)
    assert not data.startswith(SIGNATURE)
    assert str(found[9]) == "310.50"
