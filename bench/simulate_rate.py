"""How fast the simulated borough streams lines: prints lines per second on one core.

Run from the repository root: python bench/simulate_rate.py [--people N] [--months M] [--seed S]
It prints the rate by the wall clock and by CPU time (steadier on a busy machine), and the
ratio to a baseline measured in the same run on the same lines: decoding and re-encoding a
sample of them with the json module, per line.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulation import DEFAULT_PEOPLE, simulate

SAMPLE = 50_000


def main() -> None:
    """Time one full run, streaming, and print its rate beside the json round-trip baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=DEFAULT_PEOPLE)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    lines, size, sample = 0, 0, []
    started, cpu = time.perf_counter(), time.process_time()
    for line in simulate(options.people, options.months, options.seed):
        lines += 1
        size += len(line) + 1
        if lines <= SAMPLE:
            sample.append(line)
    simulated, cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.process_time()
    for line in sample:
        json.dumps(json.loads(line))
    baseline = (time.process_time() - started) / len(sample)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"people {options.people}  months {options.months}  lines {lines}  bytes {size}  "
          f"wall {simulated:.2f} s ({lines / simulated:,.0f} lines/s)  "
          f"cpu {cpu:.2f} s ({lines / cpu:,.0f} lines/s)  "
          f"per line {cpu / lines / baseline:.2f}x a json round trip  peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
