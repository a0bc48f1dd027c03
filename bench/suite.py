"""One run of every benchmark on a fresh schema, growing from the smallest size to the largest.

The first size is a simulated borough imported by ``ledger import`` (the import benchmark);
each larger size adds copies of its stories (``bench.replicas``). At each size the figures
are brought up to the log and ``ledger serve`` answers the read benchmarks; the appends and
their baselines run at the first size; projection catch-up is timed on the last growth.
"""

from __future__ import annotations

import os
import platform
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from resource import RUSAGE_SELF, getrusage
from typing import Any

import psycopg
from pydantic import SecretStr

from api.deployment.database import store_env
from api.settings import Settings
from bench import catchup_run, import_run
from bench.http_runs import append_http, reads
from bench.questions import (
    bytes_per_event,
    events_in_store,
    list_questions,
    outcome_questions,
    story_questions,
)
from bench.raw_sql import raw_commit_rate
from bench.replicas import Replicator
from bench.report import TARGET_MS, ratios
from bench.scratch import ScratchSchemas
from bench.server import processes_of, serving, worker_option
from bench.stranger_timing import UNLIMITED, probe, strangers_and_people
from commands import Ledger


@dataclass(frozen=True)
class Plan:
    """The sizes of a run and how long each measurement may take."""

    sizes: tuple[int, ...]
    clients: int = 16
    seconds: float = 10.0
    baseline_events: int = 5000
    pairs: int = 100  # a stranger's reads of real stories and of unknown ids (``stranger_timing``)
    import_lines: int | None = None  # None: the first size's import is the import benchmark

    @classmethod
    def quick(cls) -> Plan:
        return cls(sizes=(100_000, 1_000_000), seconds=8.0)

    @classmethod
    def full(cls) -> Plan:
        return cls(sizes=(100_000, 1_000_000, 10_000_000), seconds=20.0, baseline_events=20_000,
                   import_lines=1_000_000)


def bench_settings(schema: str) -> Settings:
    """The run's own schema and keys."""
    return Settings(schema_name=schema, signing_key=SecretStr(secrets.token_urlsafe(48)),
                    identity_key=SecretStr(secrets.token_urlsafe(48)),
                    master_key=SecretStr(secrets.token_urlsafe(48)))


def run_suite(url: str, plan: Plan,
              progress: Callable[[dict[str, Any]], None] = lambda result: None) -> dict[str, Any]:
    """Every benchmark of the plan; the result as the JSON the issue asks for (handed to
    ``progress`` after each size, so that a run cut short leaves what it measured)."""
    result: dict[str, Any] = {"machine": machine(url), "sizes": list(plan.sizes),
                              "outcomes_query": {}, "story_read": {}, "provider_list": {}}
    option = worker_option(os.cpu_count() or 1)
    with ScratchSchemas(url) as schemas:
        settings = bench_settings(schemas.new("ledger"))
        env, key = store_env(url, settings), settings.signing_key.get_secret_value()  # type: ignore[union-attr]
        result["import"] = import_run.run(url, settings, plan.sizes[0])
        for index, size in enumerate(plan.sizes):
            if index:
                with Ledger(env=env) as ledger:
                    Replicator(ledger).grow(size)
            if index == len(plan.sizes) - 1:
                result["projection_catchup"] = catchup_run.measured(url, env, plan.baseline_events)
            else:
                catchup_run.catch_up(env)
            with serving(url, settings, option, extra={"LEDGER_REFUSED_READ_LIMIT": UNLIMITED}) as base:
                sized(result, url, settings.schema_name, key, base, plan)
                if index == 0:
                    result["append_http"] = append_http(base, key, plan.clients, plan.seconds, 100_000)
                    result["append_http"]["server_processes"] = processes_of(option)
                    stranger, people = strangers_and_people(url, settings.schema_name)
                    result["stranger_404"] = probe(base, key, stranger, people, plan.pairs)
            progress(result)
        width = result["import"]["stored_event_bytes"]
        result["append_http"]["raw_sql_commits_per_s"] = round(
            raw_commit_rate(url, plan.clients, plan.seconds, width), 1)
        if plan.import_lines is not None:
            result["import_first_size"] = result["import"]
            result["import"] = import_run.run(url, bench_settings(schemas.new("import")),
                                              plan.import_lines)
    result["ratios"] = ratios(result)
    result["machine"]["load_average_after"] = os.getloadavg()
    # the run's own process (wait4's figure for the import was this, once it was the larger)
    result["machine"]["bench_process_peak_rss_mb"] = round(getrusage(RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def sized(result: dict[str, Any], url: str, schema: str, key: str, base: str, plan: Plan) -> None:
    """The three read benchmarks at the log's present size."""
    events = events_in_store(url, schema)
    label = str(events)
    result["outcomes_query"][label] = reads(base, outcome_questions(key), 1, plan.seconds, 200, events)
    result["story_read"][label] = reads(base, story_questions(url, schema, key), plan.clients,
                                        plan.seconds, 50_000, events, TARGET_MS["story_read"])
    result["provider_list"][label] = reads(base, list_questions(url, schema, key), plan.clients,
                                           plan.seconds, 50_000, events, TARGET_MS["provider_list"])
    result.setdefault("bytes_per_event", {})[label] = bytes_per_event(url, schema, events)


def machine(url: str) -> dict[str, Any]:
    """The machine and server the run measured, and how busy the machine was."""
    with psycopg.connect(url) as conn:
        version = conn.execute("SHOW server_version").fetchone()
        buffers = conn.execute("SHOW shared_buffers").fetchone()
    with open("/proc/meminfo") as info:
        memory = next(line.split()[1] for line in info if line.startswith("MemTotal"))
    return {"cpus": os.cpu_count(), "memory_gb": round(int(memory) / 1024 / 1024, 1),
            "platform": platform.platform(), "python": platform.python_version(),
            "postgresql": version[0] if version else None,
            "shared_buffers": buffers[0] if buffers else None, "load_average_before": os.getloadavg()}
