"""The server's CPU per request, for a story read, a list page, the HTTP floor and an append:
``python -m bench.route_cpu [--lines 6000] [--seconds 8] [--rounds 2] [--before DIR]
[--profiles DIR] [--requests N]`` (``--profiles``: py-spy's profile of each run, when py-spy is
installed; ``--requests``: each run is N requests, however long they take, instead of
``--seconds``: on a busy machine a timed run answers fewer reads, and the first read of each
story, dearer, weighs more in its figure).

Imports a small simulated borough into a scratch schema (figures caught up), then serves it with
``ledger serve`` (one process) and sends 16 clients at it for each request in turn: a story read
(an analyst stating an audit purpose), the providers' waiting lists and caseloads (each asked by
its own staff), the floor (an append refused after validation, 422) and an append (201). A run's
figure is the server process's CPU time (utime + stime, from ``/proc``) over the load generator's
timed window, divided by the requests answered; beside it, ``cpu``: the run's whole budget (the
server, its PostgreSQL backends, the load generator and the machine: ``bench.cpu_parties``). With
``--before DIR`` (another checkout of the code, e.g. from ``git archive``), each round serves
that code, then this one, back to back on the same store; the last line is each kind's median
per code and their ratio, PostgreSQL's (its backends serving the server) then the server's.
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench.catchup_run import catch_up
from bench.http_runs import bearer, contact_body, load, register_people
from bench.import_run import ledger_import, write_borough
from bench.questions import list_questions, story_questions
from bench.report import TARGET_MS
from bench.scratch import ScratchSchemas
from bench.server import LEDGER, SERVED, free_port, healthy, served_name, server_env
from bench.suite import bench_settings

TARGETS = {"story_read": TARGET_MS["story_read"], "list_page": TARGET_MS["provider_list"],
           "append": TARGET_MS["append_http"]}  # p99 at 16 clients; the floor has none


@contextmanager
def served(url: str, settings: Settings, code: str | None) -> Iterator[tuple[str, int]]:
    """``ledger serve`` (one process) of ``code`` (a source folder; None: this one's)."""
    port, env = free_port(), server_env(url, settings)
    base = f"http://127.0.0.1:{port}"
    env["PGAPPNAME"] = served_name(base)
    if code is not None:
        env["PYTHONPATH"] = code
    server = subprocess.Popen([str(LEDGER), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    SERVED[base] = (server.pid, url)
    try:
        while not healthy(base):
            if server.poll() is not None:
                raise RuntimeError(f"ledger serve did not start (exit {server.poll()})")
            time.sleep(0.25)
        yield base, server.pid
    finally:
        SERVED.pop(base, None)
        server.terminate()
        server.wait(timeout=60)


def measured(base: str, pid: int, plan: list[dict[str, Any]], seconds: float,
             profile: str | None = None, target_ms: float | None = None,
             requests: int | None = None) -> dict[str, Any]:
    """CPU milliseconds per request of one run of ``plan`` by 16 clients, and its statuses
    (with ``profile``, a file name: py-spy's samples of the server's GIL holders, as raw stacks)."""
    warm = [{**r, "body": r["body"].replace("{n}", "w{n}")} if "body" in r else r for r in plan[:50]]
    load(base, warm, 16, min(seconds, 2.0), 2000)  # caches, pools, first imports (ids of its own)
    spy = None if profile is None else subprocess.Popen(
        [str(LEDGER.with_name("py-spy")), "record", "--gil", "--nonblocking", "-r", "250", "-f", "raw",
         "-o", profile, "-p", str(pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    answer = load(base, plan, 16, seconds if requests is None else 600, requests or 1_000_000,
                  target_ms)
    if spy is not None:
        spy.send_signal(signal.SIGINT)
        spy.wait(timeout=60)
    count = sum(answer["statuses"].values())
    spent = answer["cpu"]["cpu_ms_per_request"]
    return {"cpu_ms_per_request": spent["server"], "pg_cpu_ms_per_request": spent.get("postgres"),
            "requests": count,
            "per_s": round(count / answer["seconds"], 1), "statuses": answer["statuses"],
            "cpu": answer["cpu"]}


def writes(base: str, key: str, kind: str, people: int = 64) -> list[dict[str, Any]]:
    """Appends of ``kind`` to people registered now (not timed), so that each run's appends meet
    stories as short as the last run's did."""
    writer = bearer(key, "provider", "hub")
    return [{"method": "POST", "path": f"/people/{p}/events", "headers": writer,
             "body": contact_body(kind)} for p in register_people(base, writer, people)]


def plans(url: str, base: str, schema: str, key: str) -> dict[str, list[dict[str, Any]]]:
    """The request kinds against the seeded store; an append's are made at each run."""
    return {"story_read": story_questions(url, schema, key),
            "list_page": list_questions(url, schema, key),
            "floor": writes(base, key, "NotAnEvent"), "append": []}


def run(lines: int, seconds: float, rounds: int, before: str | None,
        profiles: str | None = None, requests: int | None = None) -> list[dict[str, Any]]:
    """Seed, then each round: the ``before`` code (if any), then this code; every run's figures."""
    url = server_url(Settings())
    results: list[dict[str, Any]] = []
    with ScratchSchemas(url) as scratch, tempfile.TemporaryDirectory() as folder:
        settings = bench_settings(scratch.new("cpu"))
        key = settings.signing_key.get_secret_value()  # type: ignore[union-attr]
        write_borough(Path(folder) / "borough.ndjson", lines)
        ledger_import(url, settings, Path(folder) / "borough.ndjson")
        catch_up(store_env(url, settings))
        with served(url, settings, None) as (base, _):
            asked = plans(url, base, settings.schema_name, key)
        codes = [("before", before), ("after", None)] if before else [("this", None)]
        for index in range(rounds):
            for label, code in codes:
                with served(url, settings, code) as (base, pid):
                    for kind, plan in asked.items():
                        plan = plan or writes(base, key, "ContactRecorded")
                        spied = profiles and f"{profiles}/{label}-{kind}-{index}.txt"
                        found = {"round": index, "code": label, "kind": kind,
                                 **measured(base, pid, plan, seconds, spied or None,
                                            TARGETS.get(kind), requests)}
                        print(json.dumps(found), flush=True)
                        results.append(found)
    print(json.dumps({"postgres": summary(results, "pg_cpu_ms_per_request")}))
    print(json.dumps(summary(results)))
    return results


def summary(results: list[dict[str, Any]], figure: str = "cpu_ms_per_request") -> dict[str, Any]:
    """Each kind's median ``figure`` (the server's CPU per request, or PostgreSQL's) for each
    code, and after ÷ before when both ran."""
    medians: dict[str, dict[str, float]] = {}
    for kind in dict.fromkeys(r["kind"] for r in results):
        for code in dict.fromkeys(r["code"] for r in results):
            runs = [r[figure] for r in results
                    if (r["kind"], r["code"]) == (kind, code) and r.get(figure) is not None]
            if not runs:
                continue
            medians.setdefault(kind, {})[code] = round(statistics.median(runs), 3)
        if {"before", "after"} <= medians.get(kind, {}).keys():
            medians[kind]["ratio"] = round(medians[kind]["after"] / medians[kind]["before"], 2)
    return medians


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    for name, kind, default in (("--lines", int, 6000), ("--seconds", float, 8.0), ("--rounds", int, 2),
                                ("--before", str, None), ("--profiles", str, None),
                                ("--requests", int, None)):
        parser.add_argument(name, type=kind, default=default)  # --before DIR, --profiles DIR
    arguments = parser.parse_args()
    run(arguments.lines, arguments.seconds, arguments.rounds, arguments.before, arguments.profiles,
        arguments.requests)
