"""The load generator, run as its own process: ``python -m bench.load < plan.json > result.json``.

The plan names the server, how many clients, and a bound on both time and count: the run stops
at ``seconds`` or ``max_requests``, whichever comes first. Each client keeps one HTTP/1.1
connection and sends the plan's requests round-robin from its own offset (client ``i`` sends
requests ``i``, ``i + clients``, ...: with as many people as clients or more, no two clients
write the same story). ``{n}`` in a body becomes a number unique to the request. The answer is
every request's latency in milliseconds and the count of each status code (0: the connection
closed before an answer; the client connects again).

The clients are coroutines on one event loop (uvloop's), each request's head made once, and an
answer read by its ``Content-Length`` (or its chunks): a generator that costs the machine little
CPU per request and adds no wait for a lock between threads, so that the latencies measure the
server rather than the generator. With ``cpu`` in the plan, the answer also holds the machine's
and every process's CPU (``bench.cpu_budget.snapshot``) read just before the first request and
just after the last answer, and this process's id, so that the CPU of each party (the server,
PostgreSQL, this generator) can be counted over exactly the timed window.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sys
import time
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import uvloop

from bench.cpu_budget import snapshot


def heads(plan: dict[str, Any], host: str) -> list[tuple[bytes, bytes | None]]:
    """Each planned request's head up to its Content-Length (exclusive), and its body template."""
    made = []
    for request in plan["requests"]:
        lines = [f"{request.get('method', 'GET')} {request['path']} HTTP/1.1", f"Host: {host}"]
        lines += [f"{name}: {value}" for name, value in request.get("headers", {}).items()]
        body = request.get("body")
        made.append((("\r\n".join(lines) + "\r\n").encode(), None if body is None else body.encode()))
    return made


async def answer(reader: asyncio.StreamReader) -> int:
    """Read one answer whole; its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length, chunked = 0, False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if not chunked:
        await reader.readexactly(length)
        return status
    while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
        await reader.readexactly(size + 2)
    await reader.readuntil(b"\r\n")  # the last chunk's end (no trailers are sent)
    return status


async def client(plan: dict[str, Any], made: list[tuple[bytes, bytes | None]], index: int,
                 deadline: float, numbers: Any, latencies: list[float],
                 statuses: Counter[int]) -> None:
    """Send requests on one connection until the plan's bound is reached."""
    where = urlsplit(plan["base"])
    reader, writer = await asyncio.open_connection(where.hostname or "127.0.0.1", where.port)
    for position in itertools.count(index, plan["clients"]):
        number = next(numbers)
        if time.perf_counter() >= deadline or number >= plan["max_requests"]:
            break
        head, body = made[position % len(made)]
        if body is None:
            message = head + b"\r\n"
        else:
            filled = body.replace(b"{n}", str(number).encode())
            message = head + b"Content-Length: %d\r\n\r\n" % len(filled) + filled
        started = time.perf_counter()
        try:
            writer.write(message)
            status = await answer(reader)
        except (OSError, asyncio.IncompleteReadError):  # the server closed: counted, reconnected
            statuses[0] += 1
            writer.close()
            reader, writer = await asyncio.open_connection(where.hostname or "127.0.0.1", where.port)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        statuses[status] += 1
    writer.close()


async def run_async(plan: dict[str, Any]) -> dict[str, Any]:
    """Run the plan; answers latencies (ms), statuses and the seconds it took."""
    numbers, latencies, statuses = itertools.count(), [], Counter()  # type: ignore[var-annotated]
    made = heads(plan, urlsplit(plan["base"]).netloc)
    before = snapshot() if plan.get("cpu") else None
    started = time.perf_counter()
    deadline = started + plan["seconds"]
    await asyncio.gather(*(client(plan, made, i, deadline, numbers, latencies, statuses)
                           for i in range(plan["clients"])))
    found = {"latencies_ms": latencies, "statuses": dict(statuses),
             "seconds": time.perf_counter() - started}
    if before is not None:
        found.update(cpu_before=before, cpu_after=snapshot(), pid=os.getpid())
    return found


def run(plan: dict[str, Any]) -> dict[str, Any]:
    """Run the plan on uvloop; answers latencies (ms), statuses and the seconds it took."""
    return uvloop.run(run_async(plan))


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
