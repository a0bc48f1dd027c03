"""Catch-up against raw read and decode on one kept log, for before/after comparisons of the
figures' code: make a log once, measure it with each version of the code, back to back.

    python bench/catchup_ratio.py make --lines 30000 --events 150000 --out /tmp/log.json
    python bench/catchup_ratio.py measure /tmp/log.json      # raw, catch-up, raw again
    python bench/catchup_ratio.py measure /tmp/log.json --processes 2   # two decoding workers
    PYTHONPATH=/path/to/older/checkout python bench/catchup_ratio.py measure /tmp/log.json
    python bench/catchup_ratio.py drop /tmp/log.json

``make`` imports ``--lines`` simulated lines (``ledger import``) and grows the log to
``--events`` with copies of its stories (``bench.replicas``); its schema and keys go to
``--out`` (a scratch file outside the repository). ``measure`` catches a fresh figures schema
up to the log's head (dropped afterwards) between two raw reads, and prints the ratio to their mean.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import psycopg
from pydantic import SecretStr

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench import import_run
from bench.projection_catchup import read_and_decode
from bench.replicas import Replicator
from bench.scratch import ScratchSchemas
from bench.suite import bench_settings
from commands import Ledger
from projections.facts.log_sources import LedgerLog
from projections.facts.runner import FiguresRunner

KEYS = ("signing_key", "identity_key", "master_key")


def make(url: str, lines: int, events: int, out: Path) -> None:
    """A kept log of ``lines`` imported lines grown to ``events``; its settings in ``out``."""
    schemas = ScratchSchemas(url)
    settings = bench_settings(schemas.new("catchuplog"))
    import_run.run(url, settings, lines)
    with Ledger(env=store_env(url, settings)) as ledger:
        head = Replicator(ledger).grow(events)
    out.write_text(json.dumps({"schema": settings.schema_name, **{
        key: getattr(settings, key).get_secret_value() for key in KEYS}}))
    print(f"log {settings.schema_name}: {head} events")


def settings_of(saved: Path) -> Settings:
    """The settings of a kept log."""
    found = json.loads(saved.read_text())
    return Settings(schema_name=found["schema"], **{key: SecretStr(found[key]) for key in KEYS})


def raw_rate(env: dict[str, str]) -> float:
    """Events a second read and decoded from the whole log, as the projector's reader does."""
    with LedgerLog(env=env) as log:
        head = int(log.recorder.max_notification_id() or 0)
        started = time.perf_counter()
        read_and_decode(log, head)
        return head / (time.perf_counter() - started)


def measure(url: str, saved: Path, processes: int | None = None) -> None:
    """Raw read (once to warm, then timed), catch-up on a fresh figures schema, raw read again;
    ``processes``: the projector's decoding worker processes, if not its default."""
    env = store_env(url, settings_of(saved))
    raw_rate(env)
    before = raw_rate(env)
    with ScratchSchemas(url) as schemas:
        runner = FiguresRunner({**env, "FIGURES_POSTGRES_SCHEMA": schemas.new("figures")})
        if processes is not None:
            runner.projector.decode_processes = processes
        try:
            started = time.perf_counter()
            runner.catch_up()
            seconds = time.perf_counter() - started
            events = runner.projector.position(runner.ledger)
        finally:
            runner.stop()
    after = raw_rate(env)
    rate = events / seconds
    print(f"events={events} catch_up={rate:,.0f}/s ({seconds:.1f} s) raw={before:,.0f} and "
          f"{after:,.0f}/s ratio={rate / ((before + after) / 2):.3f} load={os.getloadavg()[0]:.1f}")


def drop(url: str, saved: Path) -> None:
    """Drop a kept log's schema."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{settings_of(saved).schema_name}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["make", "measure", "drop"])
    parser.add_argument("saved", nargs="?", type=Path)
    parser.add_argument("--lines", type=int, default=30_000)
    parser.add_argument("--events", type=int, default=150_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--processes", type=int, help="measure: decoding worker processes")
    args = parser.parse_args()
    url = server_url(Settings())
    if args.action == "make":
        make(url, args.lines, args.events, args.out)
    elif args.action == "measure":
        measure(url, args.saved, args.processes)
    else:
        drop(url, args.saved)


if __name__ == "__main__":
    main()
