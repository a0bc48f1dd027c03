"""`ledger import` speed against the raw-SQL limit and the plain library path, in one run.

    .venv/bin/python -m bench.import_rate --people 46000     # a simulated borough, ~520k events
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench.raw_sql import raw_insert_rate
from bench.scratch import ScratchSchemas
from commands import Ledger
from commands.bulk_import import BulkImport
from commands.line_checking import default_workers
from ledger.event_lines import ParsedLine, parse_line
from simulation import simulate


def bulk_rate(env: dict[str, str], path: Path) -> tuple[int, float]:
    """Events appended by ``BulkImport`` from the file (lines checked in worker processes, as
    ``ledger import`` does), and its rate."""
    with Ledger(env=env) as ledger:
        started = time.perf_counter()
        with path.open("rb") as stream:
            report = BulkImport(ledger, workers=default_workers()).run(enumerate(stream, 1), lambda n: None)
        elapsed = time.perf_counter() - started
    assert not report.rejections, report.rejections[:3]
    return report.appended, report.appended / elapsed


def library_rate(env: dict[str, str], lines: list[str]) -> float:
    """One command per event: load, decide, save (the plain library path)."""
    with Ledger(env=env) as ledger:
        started = time.perf_counter()
        for raw in lines:
            command(ledger, parse_line(raw))
        return len(lines) / (time.perf_counter() - started)


def command(ledger: Ledger, parsed: ParsedLine) -> None:
    """The one command that carries out a line."""
    kind = parsed.occurrence.type
    if kind == "ProviderRegistered":
        ledger.register_provider(parsed.occurrence)
    elif kind == "ProviderCostsChanged":
        ledger.change_provider_costs(parsed.occurrence)
    elif kind == "PersonRegistered":
        ledger.register_person(parsed.person_id, parsed.occurrence)
    else:
        assert parsed.person_id is not None
        ledger.append(parsed.person_id, [parsed.occurrence], migrating=True)  # as an import


def run(url: str, people: int, sample: int) -> dict[str, float]:
    """Measure the three rates on one simulated borough; answers the import's ratios."""
    with ScratchSchemas(url) as schemas, tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "borough.ndjson"
        with path.open("w") as out:
            for line in simulate(people, 24, seed=1):
                out.write(line + "\n")
        appended, bulk = bulk_rate(store_env(url, Settings(schema_name=schemas.new("import"))), path)
        lines = path.read_text().splitlines()[:sample]
        library = library_rate(store_env(url, Settings(schema_name=schemas.new("library"))), lines)
    raw = raw_insert_rate(url, rows=min(appended, 200_000))
    print(f"ledger import: {appended} events at {bulk:,.0f} events/s")
    print(f"plain library path (one command per event): {library:,.0f} events/s")
    print(f"raw SQL limit (1000 rows per commit): {raw:,.0f} rows/s")
    return {"import / library path": bulk / library, "import / raw SQL": bulk / raw}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=46_000, help="people in the simulated borough")
    parser.add_argument("--sample", type=int, default=5_000, help="events on the library path")
    args = parser.parse_args()
    ratios = run(server_url(Settings()), args.people, args.sample)
    print("; ".join(f"{name} = {value:.2f}" for name, value in ratios.items()))


if __name__ == "__main__":
    main()
