"""Catch-up rate of the batched figures projector on a log of N events, beside the library's own
one-transaction-per-event ``ProjectionRunner`` and the bare read-and-decode rate, in one run.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m bench.projection_catchup --events 1000000 --baseline-events 20000
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import psycopg
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection, ProjectionRunner

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench.log_generator import borough_lines
from bench.scratch import ScratchSchemas
from commands import Ledger
from commands.bulk_import import BulkImport
from projections.facts.event_rows import TOPICS, fact_of
from projections.facts.log_sources import LedgerLog
from projections.facts.runner import FiguresRunner
from projections.facts.schema import FiguresView


class PerEventFigures(Projection[FiguresView]):
    """The same fact rows, written the library's way: one transaction per event."""

    name = "figures"
    topics = TOPICS

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        fact = fact_of(domain_event)
        with self.view.datastore.transaction(commit=True) as curs:
            if fact is not None:
                table, row = fact
                marks = ", ".join(["%s"] * len(row))
                curs.execute(f"INSERT INTO {self.view.table(table).as_string(curs)} VALUES ({marks})", row)
            self.view._insert_tracking(curs, tracking)


def timed(label: str, count: int, work: Any) -> float:
    started = time.perf_counter()
    work()
    rate = count / (time.perf_counter() - started)
    print(f"{label:<52} {count:>9,} events {rate:>10,.0f} ev/s")
    return rate


def read_and_decode(app: Any, head: int) -> None:
    position = 0
    while position < head:
        page = app.recorder.select_notifications(position, 1000, inclusive_of_start=False)
        for n in page:
            app.mapper.to_domain_event(n) if n.topic in TOPICS else None
        position = page[-1].id


def stored_events(url: str, schema: str) -> int:
    """How many events the log in ``schema`` holds."""
    with psycopg.connect(url) as conn:
        found = conn.execute(f'SELECT count(*) FROM "{schema}".ledger_events').fetchone()
    return int(found[0]) if found else 0


def library_runner(env: dict[str, str], view_schema: str, prefix: int) -> None:
    """The library's own runner over the first ``prefix`` figure events."""
    with LedgerLog(env=env) as app:
        page = app.recorder.select_notifications(0, prefix, topics=TOPICS)
    view_env = {**env, "FIGURES_POSTGRES_SCHEMA": view_schema}
    with ProjectionRunner(application_class=LedgerLog, projection_class=PerEventFigures,
                          view_class=FiguresView, env=view_env) as runner:
        runner.wait(page[-1].id, timeout=3600)


def run(url: str, events: int, baseline_events: int, batch_size: int = 1000,
        log_schema: str | None = None) -> dict[str, float]:
    """Import ``events`` (unless ``log_schema`` holds a log), then time the three catch-ups."""
    with ScratchSchemas(url) as schemas:
        env = store_env(url, Settings(schema_name=log_schema or schemas.new("log")))
        with Ledger(env=env) as ledger:
            if not log_schema:
                lines = enumerate(borough_lines(events), start=1)
                timed("import (BulkImport, 1000 per transaction)", events,
                      lambda: BulkImport(ledger, batch_size=1000).run(lines, lambda n: None))
            head = int(ledger.recorder.max_notification_id() or 0)
            total = stored_events(url, env["POSTGRES_SCHEMA"])
            ceiling = timed("read + decode only (the ceiling)", total,
                            lambda: read_and_decode(ledger, head))
        runner = FiguresRunner({**env, "FIGURES_POSTGRES_SCHEMA": schemas.new("figures")},
                               batch_size=batch_size)
        try:
            batched = timed(f"figures projector, {batch_size} per transaction", total,
                            runner.catch_up)
        finally:
            runner.stop()
        prefix = min(baseline_events, total)
        library = timed("library ProjectionRunner, 1 per transaction (prefix)", prefix,
                        lambda: library_runner(env, schemas.new("per_event"), prefix))
    return {"projector / library per-event": batched / library,
            "projector / read+decode ceiling": batched / ceiling}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--baseline-events", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--schema", help="reuse the log of a borough imported earlier")
    args = parser.parse_args()
    ratios = run(server_url(Settings()), args.events, args.baseline_events, args.batch_size, args.schema)
    print("; ".join(f"{name} = {value:.2f}" for name, value in ratios.items()))


if __name__ == "__main__":
    main()
