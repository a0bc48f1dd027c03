"""The CPU a story read's access-log entry costs this process, with one access log or two (two
server processes' worth): ``python -m bench.access_log_cpu [--instances 2] [--reads 4000]
[--people 400] [--threads 16]``; compare two codes by running it under each's ``PYTHONPATH``.

Each instance first reads every person's story once (their logs started, and kept where a code
keeps them), then ``--threads`` threads record ``--reads`` reads of people chosen at random,
alternating the instances, as the benchmark's readers do through two processes. Prints the
process's CPU time (``time.process_time``, every thread's) per read and the reads a second.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from uuid import uuid4

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench.scratch import ScratchSchemas
from bench.suite import bench_settings
from commands.access_log import AccessLog, Read

AUDIT = Read(role="analyst", provider_id=None, staff_id="a-1", reason="audit",
             break_glass=False, outcome="allowed_audit_purpose", at=datetime.now(UTC))


def measured(instances: int, reads: int, people: int, threads: int) -> dict[str, float]:
    """CPU milliseconds per recorded read and reads a second, on a scratch schema."""
    url = server_url(Settings())
    with ScratchSchemas(url) as scratch:
        env = {**store_env(url, bench_settings(scratch.new("accesslog"))),
               "POSTGRES_POOL_SIZE": str(threads)}
        logs = [AccessLog(env=env) for _ in range(instances)]
        try:
            everyone = [uuid4() for _ in range(people)]
            for person in everyone:
                for log in logs:
                    log.record_read(person, AUDIT)
            chosen = random.Random(7)
            jobs = [(logs[n % instances], chosen.choice(everyone)) for n in range(reads)]
            cpu, wall = time.process_time(), time.perf_counter()
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(lambda job: job[0].record_read(job[1], AUDIT), jobs))
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        finally:
            for log in logs:
                log.close()
    return {"instances": instances, "cpu_ms_per_read": round(cpu * 1000 / reads, 3),
            "reads_per_s": round(reads / wall, 1)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    for name, default in (("--instances", 2), ("--reads", 4000), ("--people", 400),
                          ("--threads", 16)):
        parser.add_argument(name, type=int, default=default)
    arguments = parser.parse_args()
    print(json.dumps(measured(arguments.instances, arguments.reads, arguments.people,
                              arguments.threads)))
