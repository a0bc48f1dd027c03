"""Every benchmark, briefly and at small sizes: ``python -m bench`` (what ``make bench`` runs).

Each prints its own rates, then its ratios against the baselines measured in the same run (the
raw-SQL limit, the plain library path, the bare read-and-decode rate, a json round trip), so
the ratios mean something on any machine. For the sizes quoted in the README, run a module on
its own (``python -m bench.import_rate --help``). Uses ``DATABASE_URL`` like the ``ledger``
command; every schema a benchmark makes is dropped when it ends.
"""

from __future__ import annotations

from collections.abc import Callable

from api.deployment.database import server_url
from api.settings import Settings
from bench import import_rate, projection_catchup, replay_rate, simulate_rate

Benchmark = Callable[[str], dict[str, float]]

BENCHMARKS: dict[str, Benchmark] = {
    "simulate": lambda url: simulate_rate.run(people=500),
    "import": lambda url: import_rate.run(url, people=300, sample=1_000),
    "projection catch-up": lambda url: projection_catchup.run(
        url, events=20_000, baseline_events=2_000),
    "replay": lambda url: replay_rate.run(url, people=500, batch_size=1_000),
}


def main() -> None:
    """Run each benchmark, then print every ratio together."""
    url = server_url(Settings())
    ratios: dict[str, float] = {}
    for name, benchmark in BENCHMARKS.items():
        print(f"== {name}")
        ratios.update(benchmark(url))
    print("== ratios (each against a baseline measured in this run)")
    for label, value in ratios.items():
        print(f"{label:<45} {value:>8.2f}")


if __name__ == "__main__":
    main()
