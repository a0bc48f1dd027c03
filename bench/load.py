"""The load generator, run as its own process: ``python -m bench.load < plan.json > result.json``.

The plan names the server, how many clients, and a bound on both time and count: the run stops
at ``seconds`` or ``max_requests``, whichever comes first. Each client keeps one HTTP/1.1
connection and sends the plan's requests round-robin from its own offset (client ``i`` sends
requests ``i``, ``i + clients``, ...: with as many people as clients or more, no two clients
write the same story). ``{n}`` in a body becomes a number unique to the request. The answer is
every request's latency in milliseconds and the count of each status code. With ``cpu`` in the
plan, also the machine's and every process's CPU (``bench.cpu_budget.snapshot``) read just before
the first request and just after the last answer, and this process's id, so that the CPU of each
party (the server, PostgreSQL, this generator) can be counted over exactly the timed window.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import sys
import threading
import time
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from bench.cpu_budget import snapshot


def client(plan: dict[str, Any], index: int, stop: threading.Event, numbers: Any,
           latencies: list[float], statuses: Counter[int]) -> None:
    """Send requests on one connection until the plan's bound is reached."""
    where = urlsplit(plan["base"])
    connection = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=60)
    requests = plan["requests"]
    for position in itertools.count(index, plan["clients"]):
        number = next(numbers)
        if stop.is_set() or number >= plan["max_requests"]:
            break
        request = requests[position % len(requests)]
        body = request.get("body")
        encoded = body.replace("{n}", str(number)).encode() if body is not None else None
        started = time.perf_counter()
        connection.request(request.get("method", "GET"), request["path"], body=encoded,
                           headers=request.get("headers", {}))
        answer = connection.getresponse()
        answer.read()
        latencies.append((time.perf_counter() - started) * 1000)
        statuses[answer.status] += 1
    connection.close()


def run(plan: dict[str, Any]) -> dict[str, Any]:
    """Run the plan; answers latencies (ms), statuses and the seconds it took."""
    stop, numbers = threading.Event(), itertools.count()
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    threads = [threading.Thread(target=client, args=(plan, i, stop, numbers, latencies, statuses))
               for i in range(plan["clients"])]
    before = snapshot() if plan.get("cpu") else None
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    deadline = started + plan["seconds"]
    while time.perf_counter() < deadline and any(thread.is_alive() for thread in threads):
        time.sleep(0.01)
    stop.set()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    found = {"latencies_ms": latencies, "statuses": dict(statuses), "seconds": seconds}
    if before is not None:
        found.update(cpu_before=before, cpu_after=snapshot(), pid=os.getpid())
    return found


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
