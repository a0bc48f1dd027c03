"""`ledger replay` speed on a simulated borough of about a million events, beside the bare
read-and-decode rate of the same log (the limit a rebuild can reach), measured in the same run.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m bench.replay_rate --people 90000 --months 24 --seed 1 --keep
"""

from __future__ import annotations

import argparse
import time

import psycopg

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench.scratch import ScratchSchemas
from commands import Ledger
from commands.bulk_import import BulkImport
from projections.facts.event_rows import TOPICS
from projections.facts.projector import SCAN_WINDOW
from replay.run import ReplayRequest, replay
from simulation import simulate


def import_borough(url: str, schema: str, people: int, months: int, seed: int) -> None:
    """Import the simulated borough into ``schema``."""
    lines = enumerate((line.encode() for line in simulate(people, months, seed)), 1)
    with Ledger(env=store_env(url, Settings(schema_name=schema))) as ledger:
        started = time.perf_counter()
        report = BulkImport(ledger).run(lines, lambda n: None)
        seconds = time.perf_counter() - started
    assert not report.rejections, report.rejections[:3]
    print(f"{'import (simulate + BulkImport)':<40} {report.appended:>10,} lines "
          f"{seconds:>8.1f} s {report.appended / seconds:>10,.0f} lines/s")


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


def run(url: str, people: int, months: int = 24, seed: int = 1, batch_size: int = 5000,
        log_schema: str | None = None, keep: bool = False) -> dict[str, float]:
    """Replay a borough's log (imported now unless ``log_schema`` holds one) beside its limit."""
    with ScratchSchemas(url) as schemas:
        schema = log_schema or schemas.new("replay")
        if not log_schema:
            import_borough(url, schema, people, months, seed)
            if keep:
                schemas.keep(schema)
        env = store_env(url, Settings(schema_name=schema))
        with psycopg.connect(url) as conn:
            total = conn.execute(f'SELECT count(*) FROM "{schema}".ledger_events').fetchone()
        print(f"log: {total[0] if total else 0:,} stored events in schema {schema}")
        limit = show("read + decode only (the limit)", *read_and_decode(env, batch_size))
        report = replay(env, ReplayRequest(batch_size=batch_size)).report
        rate = show(f"ledger replay, {batch_size} per transaction", report.events, report.seconds)
    return {"replay / read+decode limit": rate / limit}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=90_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--schema", help="reuse a borough imported by an earlier run")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--keep", action="store_true", help="keep the borough's schema")
    args = parser.parse_args()
    ratios = run(server_url(Settings()), args.people, args.months, args.seed, args.batch_size,
                 args.schema, args.keep)
    print("; ".join(f"{name} = {value:.2f}" for name, value in ratios.items()))


if __name__ == "__main__":
    main()
