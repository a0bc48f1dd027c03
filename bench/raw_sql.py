"""The raw-SQL baselines: rows as wide as a stored event, into a table indexed like the log's.

``raw_insert_rate``: one client, many rows per commit (the import's baseline).
``raw_commit_rate``: many clients, one row per commit (the HTTP append's baseline).
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg

TOPIC = "ledger.PersonStory.ContactRecorded"


def state_of(width: int) -> bytes:
    """A stored event's state of about ``width`` bytes."""
    head = b'{"occurred_at":{"_type_":"datetime_iso","_data_":"2024-01-01T09:00:00+00:00"},"data":"'
    return head + b"x" * max(0, width - len(head) - 2) + b'"}'


@contextmanager
def log_like_table(url: str) -> Iterator[str]:
    """A table with the log's columns and indexes (primary key, unique notification id), dropped after."""
    table = f"raw_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE TABLE {table} (originator_id uuid NOT NULL, originator_version bigint "
                     "NOT NULL, topic text, state bytea, notification_id bigserial, "
                     "PRIMARY KEY (originator_id, originator_version))")
        conn.execute(f"CREATE UNIQUE INDEX {table}_position ON {table} (notification_id)")
    try:
        yield table
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP TABLE IF EXISTS {table}")


def raw_insert_rate(url: str, rows: int, per_commit: int = 1000, width: int = 360) -> float:
    """Rows per second through plain INSERTs of (id, version, topic, state), batched."""
    state = state_of(width)
    with log_like_table(url) as table, psycopg.connect(url) as conn:
        started = time.perf_counter()
        with conn.cursor() as cursor:
            for start in range(0, rows, per_commit):
                batch = [(uuid.UUID(bytes=os.urandom(16)), 1, TOPIC, state)
                         for _ in range(min(per_commit, rows - start))]
                cursor.executemany(f"INSERT INTO {table} VALUES (%s, %s, %s, %s)", batch)
                conn.commit()
        return rows / (time.perf_counter() - started)


def raw_commit_rate(url: str, clients: int, seconds: float, width: int = 360) -> float:
    """Commits per second from ``clients`` connections at once, one row per commit."""
    state, stop, counts = state_of(width), threading.Event(), [0] * clients
    with log_like_table(url) as table:
        def commit_rows(index: int) -> None:
            with psycopg.connect(url, autocommit=True) as conn:
                statement = f"INSERT INTO {table} VALUES (%s, %s, %s, %s)"
                while not stop.is_set():
                    conn.execute(statement, (uuid.uuid4(), 1, TOPIC, state), prepare=True)
                    counts[index] += 1
        return _timed(commit_rows, clients, seconds, stop, counts)


def _timed(work: Callable[[int], None], clients: int, seconds: float, stop: threading.Event,
           counts: list[int]) -> float:
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - started)
