"""The benchmarks run end to end at a small size and leave no schema behind."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest

from bench import import_rate

pytestmark = pytest.mark.xdist_group("bench")  # one worker: a run's bench schemas are counted


def bench_schemas(url: str) -> set[str]:
    """The benchmark schemas present in the database."""
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench%'")
        return {row[0] for row in rows}


def test_the_import_benchmark_runs_on_a_borough_with_cost_changes(database_url: str) -> None:
    """Every line of a small simulated borough, cost changes included, goes the library path."""
    ratios = import_rate.run(database_url, people=20, sample=300)
    assert set(ratios) == {"import / library path", "import / raw SQL"}


def test_the_import_benchmark_drops_its_schemas(database_url: str) -> None:
    """The benchmark's schemas are dropped when it ends, even when it fails."""
    before = bench_schemas(database_url)
    import_rate.run(database_url, people=5, sample=50)
    assert bench_schemas(database_url) == before


def test_make_bench_runs_a_module_that_exists() -> None:
    """``make bench`` names ``python -m bench``, and the package can be run."""
    makefile = (Path(__file__).parents[2] / "Makefile").read_text()
    assert re.search(r"^bench:.*\n\t\$\(BIN\)/python -m bench .*--out ", makefile, re.MULTILINE)
    assert (Path(__file__).parents[2] / "bench" / "__main__.py").exists()
