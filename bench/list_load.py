"""Providers' lists under load on a kept borough, for before-and-after runs on the same data:
``python -m bench.list_load build --schema NAME --events 1000000`` then
``python -m bench.list_load measure --schema NAME [--seconds 10] [--clients 16]`` (``grow
--events N`` adds copies of its stories to N events).

``build`` makes the schema (kept: ``drop`` removes it), imports a simulated borough of 100
thousand lines (``bench.import_run``), grows it with copies of its stories (``bench.replicas``)
and catches the figures up, as ``python -m bench`` does. ``measure`` serves it with ``ledger
serve`` (the installed code) and asks every provider's waiting list and caseload as that
provider's staff, ``--clients`` at once (``bench.questions.list_questions``, the suite's own
``provider_list``) after a two-second warm-up; it prints p50/p99, the server's CPU per request
(every process of ``ledger serve``'s session) and the load average before and after. The keys are fixed
(a benchmark's schema holds only simulated people).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import psycopg
from pydantic import SecretStr

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench import catchup_run, import_run
from bench.cpu_budget import cpu_seconds
from bench.http_runs import reads
from bench.questions import events_in_store, list_questions
from bench.replicas import Replicator
from bench.server import serving, worker_option
from commands import Ledger

FIRST = 100_000


def settings_of(schema: str) -> Settings:
    """The kept schema's settings, with the benchmark's fixed keys."""
    return Settings(schema_name=schema, signing_key=SecretStr("list-load-signing-" + "s" * 40),
                    identity_key=SecretStr("list-load-identity-" + "i" * 40),
                    master_key=SecretStr("list-load-master-" + "m" * 40))


def build(url: str, schema: str, events: int) -> int:
    """Import, grow to ``events`` and catch the figures up; answers the events stored."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    settings = settings_of(schema)
    import_run.run(url, settings, min(FIRST, events))
    env = store_env(url, settings)
    if events > FIRST:
        with Ledger(env=env) as ledger:
            Replicator(ledger).grow(events)
    catchup_run.catch_up(env)
    return events_in_store(url, schema)


def server_cpu(port: str) -> float:
    """CPU seconds so far of the server listening on ``port`` and its workers (its session)."""
    stats = {}
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit():
                stats[proc.name] = ((proc / "cmdline").read_bytes().split(b"\0"),
                                    (proc / "stat").read_text().rsplit(")", 1)[1].split())
        except OSError:
            continue
    session = next(fields[3] for line, fields in stats.values()
                   if b"serve" in line and port.encode() in line)
    return sum(cpu_seconds(int(pid)) or 0.0 for pid, (_, fields) in stats.items() if fields[3] == session)


def grow(url: str, schema: str, events: int) -> int:
    """Add copies of the kept borough's stories up to ``events`` and catch the figures up."""
    env = store_env(url, settings_of(schema))
    with Ledger(env=env) as ledger:
        Replicator(ledger).grow(events)
    catchup_run.catch_up(env)
    return events_in_store(url, schema)


def measure(url: str, schema: str, clients: int, seconds: float) -> dict[str, object]:
    """The suite's ``provider_list`` read on the kept schema, with the server's CPU per request
    (its processes' ``utime + stime``) and the load average around it."""
    settings = settings_of(schema)
    events = events_in_store(url, schema)
    before = os.getloadavg()
    with serving(url, settings, worker_option(os.cpu_count() or 1)) as base:
        key = settings.signing_key.get_secret_value()  # type: ignore[union-attr]
        questions = list_questions(url, schema, key)
        reads(base, questions, clients, 2.0, 2000, events)  # warm: pools, caches, first imports
        port = base.rsplit(":", 1)[1]
        cpu = server_cpu(port)
        found = reads(base, questions, clients, seconds, 50_000, events)
        cpu = server_cpu(port) - cpu
    return {**found, "server_cpu_ms_per_request": round(cpu * 1000 / max(found["requests"], 1), 2),
            "load_average_before": before, "load_average_after": os.getloadavg()}


def main() -> None:
    """Build, measure or drop, as asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("build", "grow", "measure", "drop"))
    parser.add_argument("--schema", required=True)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    options = parser.parse_args()
    url = server_url(Settings())
    if options.action == "build":
        print(json.dumps({"events_in_store": build(url, options.schema, options.events)}))
    elif options.action == "grow":
        print(json.dumps({"events_in_store": grow(url, options.schema, options.events)}))
    elif options.action == "measure":
        print(json.dumps(measure(url, options.schema, options.clients, options.seconds)))
    else:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{options.schema}" CASCADE')


if __name__ == "__main__":
    main()
