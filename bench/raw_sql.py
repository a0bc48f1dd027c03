"""The raw-SQL limit: rows shaped like stored events, inserted 1000 per commit."""

from __future__ import annotations

import os
import time
import uuid

import psycopg

STATE = b'{"occurred_at":{"_type_":"datetime_iso","_data_":"2024-01-01T09:00:00+00:00"},' + b"x" * 200


def raw_insert_rate(url: str, rows: int, per_commit: int = 1000) -> float:
    """Rows per second through plain INSERTs of (id, version, topic, state), batched."""
    table = f"raw_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url) as conn:
        conn.execute(f"CREATE TABLE {table} (originator_id uuid, originator_version bigint, "
                     "topic text, state bytea, notification_id bigserial, "
                     "PRIMARY KEY (originator_id, originator_version))")
        conn.commit()
        try:
            started = time.perf_counter()
            with conn.cursor() as cursor:
                for start in range(0, rows, per_commit):
                    batch = [(uuid.UUID(bytes=os.urandom(16)), 1,
                              "ledger.PersonStory.ContactRecorded", STATE)
                             for _ in range(min(per_commit, rows - start))]
                    cursor.executemany(f"INSERT INTO {table} VALUES (%s, %s, %s, %s)", batch)
                    conn.commit()
            return rows / (time.perf_counter() - started)
        finally:
            conn.rollback()
            conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.commit()
