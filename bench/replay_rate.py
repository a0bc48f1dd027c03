"""`ledger replay` speed on a simulated borough of about a million events, beside the bare
read-and-decode rate of the same log (the limit a rebuild can reach), measured in the same run.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m bench.replay_rate --people 90000 --months 24 --seed 1 --keep
"""

from __future__ import annotations

import argparse
import time
import uuid

import psycopg

from api.deployment.database import server_url, store_env
from api.settings import Settings
from commands import Ledger
from commands.bulk_import import BulkImport
from projections.facts.event_rows import TOPICS
from projections.facts.projector import SCAN_WINDOW
from replay.run import ReplayRequest, replay
from simulation import simulate


def import_borough(url: str, people: int, months: int, seed: int) -> str:
    """A new schema holding the simulated borough; answers its name."""
    schema = f"bench_replay_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    lines = enumerate((line.encode() for line in simulate(people, months, seed)), 1)
    with Ledger(env=store_env(url, Settings(schema_name=schema))) as ledger:
        started = time.perf_counter()
        report = BulkImport(ledger).run(lines, lambda n: None)
        seconds = time.perf_counter() - started
    assert not report.rejections, report.rejections[:3]
    print(f"{'import (simulate + BulkImport)':<40} {report.appended:>10,} lines "
          f"{seconds:>8.1f} s {report.appended / seconds:>10,.0f} lines/s")
    return schema


def read_and_decode(env: dict[str, str], batch_size: int) -> tuple[int, float]:
    """Read every figure event of the log a page at a time and decode it, writing nothing
    (pages asked for as the replay asks: within two batches' worth of positions)."""
    with Ledger(env=env) as ledger:
        head, position, count = int(ledger.recorder.max_notification_id() or 0), 0, 0
        started = time.perf_counter()
        while position < head:
            stop = min(head, position + SCAN_WINDOW * batch_size)
            page = ledger.recorder.select_notifications(position, batch_size, stop=stop,
                                                        topics=TOPICS, inclusive_of_start=False)
            for notification in page:
                ledger.mapper.to_domain_event(notification)
            count += len(page)
            position = page[-1].id if len(page) >= batch_size else stop
        return count, time.perf_counter() - started


def show(label: str, events: int, seconds: float) -> float:
    rate = events / seconds
    print(f"{label:<40} {events:>10,} events {seconds:>8.1f} s {rate:>10,.0f} events/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=90_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--schema", help="reuse a borough imported by an earlier run")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--keep", action="store_true", help="keep the borough's schema")
    args = parser.parse_args()
    url = server_url(Settings())
    schema = args.schema or import_borough(url, args.people, args.months, args.seed)
    env = store_env(url, Settings(schema_name=schema))
    with psycopg.connect(url) as conn:
        total = conn.execute(f'SELECT count(*) FROM "{schema}".ledger_events').fetchone()
    print(f"log: {total[0] if total else 0:,} stored events in schema {schema}")
    limit = show("read + decode only (the limit)", *read_and_decode(env, args.batch_size))
    report = replay(env, ReplayRequest(batch_size=args.batch_size)).report
    rate = show(f"ledger replay, {args.batch_size} per transaction", report.events, report.seconds)
    print(f"replay / read+decode limit: {rate / limit:.2f}")
    if not (args.keep or args.schema):
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    main()
