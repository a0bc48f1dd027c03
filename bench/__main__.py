"""Every benchmark beside its baselines, on a fresh schema: ``python -m bench [--quick] --out FILE``.

``--quick`` measures at 100 thousand and one million events (about ten minutes on two idle
cores); the full run adds ten million, and imports a million lines. Writes the JSON that
``bench.report`` describes (with the ratios the issue judges by) to ``--out`` and prints it.
Uses ``DATABASE_URL`` like the ``ledger`` command; every schema it makes is dropped at the end.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from api.deployment.database import server_url
from api.settings import Settings
from bench.suite import Plan, run_suite


def main() -> None:
    """Run the plan asked for and write its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100k and 1M events only")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSON")
    parser.add_argument("--sizes", type=int, nargs="+", help="other sizes (events), smallest first")
    options = parser.parse_args()
    plan = Plan.quick() if options.quick else Plan.full()
    if options.sizes:
        plan = replace(plan, sizes=tuple(options.sizes))

    def write(result: dict[str, Any]) -> None:
        options.out.write_text(json.dumps(result, indent=2) + "\n")

    result = run_suite(server_url(Settings()), plan, progress=write)
    write(result)
    print(json.dumps(result["ratios"], indent=2))


if __name__ == "__main__":
    main()
