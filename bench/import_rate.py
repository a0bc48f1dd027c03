"""`ledger import` speed against the raw-SQL limit and the plain library path, in one run.

    .venv/bin/python -m bench.import_rate --people 46000     # a simulated borough, ~520k events
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

from api.deployment.database import server_url, store_env
from api.settings import Settings
from bench.raw_sql import raw_insert_rate
from commands import Ledger
from commands.bulk_import import BulkImport
from ledger.event_lines import parse_line
from simulation import simulate


def fresh_ledger(url: str) -> Ledger:
    """A Ledger on a new, empty schema."""
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return Ledger(env=store_env(url, Settings(schema_name=schema)))


def bulk_rate(url: str, path: Path) -> tuple[int, float]:
    ledger = fresh_ledger(url)
    started = time.perf_counter()
    with path.open("rb") as stream:
        report = BulkImport(ledger).run(enumerate(stream, 1), lambda n: None)
    elapsed = time.perf_counter() - started
    assert not report.rejections, report.rejections[:3]
    ledger.close()
    return report.appended, report.appended / elapsed


def library_rate(url: str, lines: list[str]) -> float:
    """One command per event: load, decide, save (the plain library path)."""
    ledger = fresh_ledger(url)
    started = time.perf_counter()
    for raw in lines:
        parsed = parse_line(raw)
        if parsed.is_provider_event:
            ledger.register_provider(parsed.occurrence)
        elif parsed.occurrence.type == "PersonRegistered":
            assert parsed.person_id is not None
            ledger.register_person(parsed.person_id, parsed.occurrence)
        else:
            assert parsed.person_id is not None
            ledger.append(parsed.person_id, [parsed.occurrence])
    rate = len(lines) / (time.perf_counter() - started)
    ledger.close()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=46_000, help="people in the simulated borough")
    parser.add_argument("--sample", type=int, default=5_000, help="events on the library path")
    args = parser.parse_args()
    url = server_url(Settings())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "borough.ndjson"
        with path.open("w") as out:
            for line in simulate(args.people, 24, seed=1):
                out.write(line + "\n")
        appended, bulk = bulk_rate(url, path)
    sample = [line for _, line in zip(range(args.sample), simulate(args.people, 24, seed=1), strict=False)]
    library = library_rate(url, sample)
    raw = raw_insert_rate(url, rows=min(appended, 200_000))
    print(f"ledger import: {appended} events at {bulk:,.0f} events/s")
    print(f"plain library path (one command per event): {library:,.0f} events/s")
    print(f"raw SQL limit (1000 rows per commit): {raw:,.0f} rows/s")
    print(f"import / library = {bulk / library:.1f}x; import / raw SQL = {bulk / raw:.2f}")


if __name__ == "__main__":
    main()
