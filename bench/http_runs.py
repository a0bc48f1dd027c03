"""The HTTP benchmarks, each a plan handed to the load generator (``bench.load``, its own process).

Against a server started by ``bench.server`` (listed in ``SERVED``), each run also answers its
CPU budget (``cpu``: ``bench.cpu_parties.http_budget``) over the generator's timed window.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import httpx

from api.http.tokens import Caller, mint
from bench.cpu_parties import before_http, http_budget
from bench.report import TARGET_MS, floor_latencies, latencies
from bench.server import SERVED

AUDIT_PURPOSE = "benchmark of story reads"


def bearer(key: str, role: str, provider: str | None = None) -> dict[str, str]:
    """Headers for a caller of ``role`` (an analyst states an audit purpose)."""
    caller = Caller(role=role, provider_id=provider, staff_id=f"bench-{role}")  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {mint(caller, key)}", "Content-Type": "application/json"}
    if role == "analyst":
        headers["X-Audit-Purpose"] = AUDIT_PURPOSE
    return headers


def load(base: str, requests: list[dict[str, Any]], clients: int, seconds: float,
         max_requests: int, target_ms: float | None = None) -> dict[str, Any]:
    """Run the load generator in its own process, bounded by time and count; its answer (with
    the run's CPU budget as ``cpu``, read against ``target_ms``, when ``base`` is in ``SERVED``)."""
    counted = base in SERVED
    plan = {"base": base, "requests": requests, "clients": clients, "seconds": seconds,
            "max_requests": max_requests, "cpu": counted}
    backends = before_http(base) if counted else []
    done = subprocess.run([sys.executable, "-m", "bench.load"], input=json.dumps(plan),
                          capture_output=True, text=True, timeout=seconds + 300, check=True)
    answer: dict[str, Any] = json.loads(done.stdout)
    if counted:
        answer["cpu"] = http_budget(base, backends, answer, clients, target_ms)
    return answer


def rate_of(answer: dict[str, Any], status: int) -> float:
    """Answers with ``status`` per second of the run."""
    return float(answer["statuses"].get(str(status), 0)) / float(answer["seconds"])


def contact_body(kind: str = "ContactRecorded") -> str:
    """An append body: one contact, its id unique per request ({n}), happening now."""
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    return json.dumps({"type": kind, "occurred_at": now,
                       "data": {"contact_id": "bench-{n}", "channel": "telephone",
                                "attendance": "attended", "purpose": "intervention",
                                "duration_minutes": 20}})


def register_people(base: str, headers: dict[str, str], count: int) -> list[str]:
    """Register ``count`` people as the Hub (not timed); answers their ids."""
    body = {"occurred_at": "2025-06-01T10:00:00+00:00",
            "data": {"given_name": "Bench", "family_name": "Person", "birth_date": "1980-01-01"}}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
        return [http.post("/people", json=body).raise_for_status().json()["person_id"]
                for _ in range(count)]


def append_http(base: str, key: str, clients: int, seconds: float, limit: int) -> dict[str, Any]:
    """Appends by ``clients`` at once (each to its own people), and the same server's floor: the
    same request with an unknown event type, refused (422) after validation, before the store
    (its rate, and its own p50 and p99 beside the appends')."""
    headers = bearer(key, "provider", "hub")
    people = register_people(base, headers, clients * 4)

    def plan(body: str) -> list[dict[str, Any]]:
        return [{"method": "POST", "path": f"/people/{p}/events", "headers": headers, "body": body}
                for p in people]

    ledger = load(base, plan(contact_body()), clients, seconds, limit, TARGET_MS["append_http"])
    floor = load(base, plan(contact_body("NotAnEvent")), clients, seconds, limit)
    return {"ledger_events_per_s": round(rate_of(ledger, 201), 1),
            "http_floor_per_s": round(rate_of(floor, 422), 1),
            **latencies(ledger["latencies_ms"]), **floor_latencies(floor["latencies_ms"]),
            "clients": clients,
            "statuses": ledger["statuses"], "floor_statuses": floor["statuses"],
            **budget_of(ledger, "cpu"), **budget_of(floor, "floor_cpu")}


def budget_of(answer: dict[str, Any], key: str) -> dict[str, Any]:
    """``{key: the run's CPU budget}``, or nothing when the run was not counted."""
    return {key: answer["cpu"]} if "cpu" in answer else {}


def reads(base: str, requests: list[dict[str, Any]], clients: int, seconds: float,
          limit: int, events: int, target_ms: float | None = None) -> dict[str, Any]:
    """GETs (``path`` and ``headers`` each) round-robin by ``clients`` at once."""
    answer = load(base, requests, clients, seconds, limit, target_ms)
    return {**latencies(answer["latencies_ms"]), "events_in_store": events, "clients": clients,
            "requests": len(answer["latencies_ms"]), "statuses": answer["statuses"],
            **budget_of(answer, "cpu")}
