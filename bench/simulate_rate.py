"""How fast the simulated borough streams lines: prints lines per second on one core.

    .venv/bin/python -m bench.simulate_rate [--people N] [--months M] [--seed S]

It prints the rate by the wall clock and by CPU time (steadier on a busy machine), and the
ratio to a baseline measured in the same run on the same lines: decoding and re-encoding a
sample of them with the json module, per line.
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from simulation import DEFAULT_PEOPLE, simulate

SAMPLE = 50_000


def run(people: int, months: int = 24, seed: int = 1) -> dict[str, float]:
    """Time one full run, streaming, and print its rate beside the json round-trip baseline."""
    lines, size, sample = 0, 0, []
    started, cpu = time.perf_counter(), time.process_time()
    for line in simulate(people, months, seed):
        lines += 1
        size += len(line) + 1
        if lines <= SAMPLE:
            sample.append(line)
    simulated, cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.process_time()
    for line in sample:
        json.dumps(json.loads(line))
    baseline = max(time.process_time() - started, 1e-9) / len(sample)
    per_line = max(cpu, 1e-9) / lines
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"people {people}  months {months}  lines {lines}  bytes {size}  "
          f"wall {simulated:.2f} s ({lines / simulated:,.0f} lines/s)  "
          f"cpu {cpu:.2f} s ({1 / per_line:,.0f} lines/s)  "
          f"per line {per_line / baseline:.2f}x a json round trip  peak memory {peak:.0f} MB")
    return {"simulate / json round trip (per line, cpu)": per_line / baseline}


def main() -> None:
    """The rate of a borough of the size asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=DEFAULT_PEOPLE)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    run(options.people, options.months, options.seed)


if __name__ == "__main__":
    main()
