"""Print the headline figures of a simulated borough before and after the switch, beside targets.

Run from the repository root: python tests/simulation/calibration_report.py [PEOPLE MONTHS SEED]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[2]))

from simulated_figures import Figures, figures

from simulation import DEFAULT_PEOPLE, simulate
from simulation.clock import add_months


def months_of(start: tuple[int, int], first: int, last: int) -> list[str]:
    """The YYYY-MM labels of months `first` to `last - 1` after the start."""
    return [f"{y}-{m:02d}" for y, m in (add_months(*start, n) for n in range(first, last))]


def summary(result: Figures, months: list[str]) -> dict[str, float | None]:
    """Per-month means (and the pooled median wait) over a run of months."""
    hub = [len(result.hub_people.get(m, ())) for m in months]
    cost = [result.hub_cost_per_person(m) for m in months]
    known = [float(c) for c in cost if c is not None]
    return {
        "hub_people_per_month": statistics.mean(hub),
        "hub_cost_per_person": statistics.mean(known) if known else None,
        "secondary_referrals_per_month": statistics.mean(
            result.secondary_referrals.get(m, 0) for m in months),
        "median_secondary_wait_days": result.median_wait(months),
        "median_cmht_wait_days": result.median_wait(months, "cmht-1"),
        "secondary_acceptance_rate": result.acceptance_rate(months),
        "rehab_moves": float(sum(result.rehab_moves.get(m, 0) for m in months)),
    }


def main(people: int, months: int, seed: int) -> None:
    """Simulate, then print monthly rows and the before and after summary."""
    lines = list(simulate(people, months, seed))
    result = figures(lines)
    switch = months // 2
    print(f"lines: {len(lines)}  people: {people}  months: {months}  seed: {seed}")
    print("month  hub_people  secondary_referrals  median_wait  rehab_moves  hub_cost_per_person")
    for month in months_of((2024, 1), 0, months):
        print(month, len(result.hub_people.get(month, ())),
              result.secondary_referrals.get(month, 0), result.median_wait([month]),
              result.rehab_moves.get(month, 0), result.hub_cost_per_person(month))
    before = summary(result, months_of((2024, 1), 0, switch))
    after = summary(result, months_of((2024, 1), switch, months))
    for key in before:
        print(f"{key:32} before {before[key]!s:>22}  after {after[key]!s:>22}")


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:4]] or [DEFAULT_PEOPLE, 24, 1]
    main(*arguments)
