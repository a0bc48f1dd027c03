"""FastAPI's own work before a hot route's body runs, in process: ``python -m bench.dependency_cost
[--calls 4000] [--rounds 3] [--before DIR]``.

Starts the app on a scratch schema (its lifespan run, nothing imported), then times FastAPI's
``solve_dependencies`` for each hot route's request as sent: the dependencies, and the path,
query, header and body checks, which is what a request costs FastAPI before the route's body
(and after routing). CPU microseconds per call (the process's own: a busy machine shows less),
the median of ``--rounds``. With ``--before DIR`` (another checkout, e.g. from ``git archive``),
each round times that code, then this one, each in a process of its own; the last line gives
each route's median per code, the ratio of the medians and the ratio of each code's least.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from contextlib import AsyncExitStack
from typing import Any

from fastapi.dependencies.utils import solve_dependencies
from fastapi.routing import APIRoute, _iter_included_route_candidates
from fastapi.testclient import TestClient
from starlette.requests import Request

from api.deployment.database import server_url
from api.http.app import create_app
from api.settings import Settings
from bench.http_runs import bearer
from bench.scratch import ScratchSchemas
from bench.suite import bench_settings

CONTACT = {"type": "ContactRecorded", "occurred_at": "2026-01-05T10:00:00+00:00",
           "data": {"contact_id": "c-1", "channel": "telephone", "attendance": "attended",
                    "purpose": "intervention", "duration_minutes": 20}}


def asked(key: str) -> dict[str, tuple[str, str, str, dict[str, str], dict[str, Any] | None]]:
    """Each hot route's request: method, route path, path as sent, headers, JSON body."""
    person = str(uuid.uuid4())
    analyst, hub = bearer(key, "analyst"), bearer(key, "provider", "hub")
    worker = bearer(key, "key_worker", "hub")
    return {
        "story_read": ("GET", "/people/{person_id}/story", f"/people/{person}/story", analyst, None),
        "waiting_list": ("GET", "/providers/{provider_id}/waiting-list",
                         "/providers/hub/waiting-list", hub, None),
        "caseload": ("GET", "/providers/{provider_id}/caseload", "/providers/hub/caseload", hub, None),
        "key_worker": ("GET", "/key-workers/{staff_id}/caseload",
                       "/key-workers/bench-key_worker/caseload", worker, None),
        "append": ("POST", "/people/{person_id}/events", f"/people/{person}/events",
                   {**hub, "Idempotency-Key": "k-1", "If-Match": '"3"'}, CONTACT),
        "floor": ("POST", "/people/{person_id}/events", f"/people/{person}/events", hub,
                  {**CONTACT, "type": "NotAnEvent"}),
    }


async def timed(app: Any, route: APIRoute, method: str, path: str, headers: dict[str, str],
                body: dict[str, Any] | None, calls: int) -> float:
    """CPU microseconds per ``solve_dependencies`` of this request (a fresh request each call)."""
    params = route.path_regex.match(path)
    assert params is not None, path
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    started = 0.0
    for call in range(calls + 50):  # the first 50 warm the caches
        if call == 50:
            started = time.process_time()
        async with AsyncExitStack() as inner, AsyncExitStack() as outer:
            scope = {"type": "http", "method": method, "path": path, "query_string": b"",
                     "headers": raw, "app": app, "path_params": params.groupdict(),
                     "fastapi_inner_astack": inner, "fastapi_function_astack": outer}
            solved = await solve_dependencies(
                request=Request(scope), dependant=route.dependant, body=body,
                dependency_overrides_provider=app, async_exit_stack=inner,
                embed_body_fields=route._embed_body_fields)
            assert not solved.errors, solved.errors
    return (time.process_time() - started) * 1e6 / calls


def measure(calls: int) -> dict[str, float]:
    """Each hot route's microseconds per solve, against an app started on a scratch schema."""
    url = server_url(Settings())
    with ScratchSchemas(url) as scratch:
        settings = bench_settings(scratch.new("deps"))
        key = settings.signing_key.get_secret_value()  # type: ignore[union-attr]
        app = create_app(settings, projections=False)
        with TestClient(app):
            routes = {(r.path, m): r for r in _iter_included_route_candidates(app.routes)
                      if isinstance(r, APIRoute) for m in r.methods}  # as served
            return {kind: round(asyncio.run(timed(app, routes[(path, method)], method, sent,
                                                  headers, body, calls)), 1)
                    for kind, (method, path, sent, headers, body) in asked(key).items()}


def compared(calls: int, rounds: int, before: str | None) -> dict[str, Any]:
    """Each round: the ``before`` code (its own process), then this code; medians and ratios."""
    codes = [("before", before), ("after", None)] if before else [("this", None)]
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in codes}
    for index in range(rounds):
        for label, code in codes:
            env = {**os.environ, **({"PYTHONPATH": code} if code else {})}
            answer = subprocess.run([sys.executable, "-m", "bench.dependency_cost", "--once",
                                     "--calls", str(calls)], env=env, cwd=code,
                                    capture_output=True, text=True, check=True)
            runs[label].append(json.loads(answer.stdout))
            print(json.dumps({"round": index, "code": label, "us": runs[label][-1]}), flush=True)
    medians = {label: {kind: round(statistics.median(r[kind] for r in found), 1) for kind in found[0]}
               for label, found in runs.items()}
    least = {label: {kind: min(r[kind] for r in found) for kind in found[0]}
             for label, found in runs.items()}  # a shared machine only ever adds to a run
    if before:
        medians["ratio"] = {k: round(medians["after"][k] / medians["before"][k], 2)
                            for k in medians["after"]}
        medians["ratio_of_least"] = {k: round(least["after"][k] / least["before"][k], 2)
                                     for k in least["after"]}
    return medians


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", help="another checkout of the code, timed first each round")
    parser.add_argument("--once", action="store_true", help="one run of this code, as JSON")
    options = parser.parse_args()
    if options.once:
        print(json.dumps(measure(options.calls)))
    else:
        print(json.dumps(compared(options.calls, options.rounds, options.before)))
