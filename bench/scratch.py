"""A benchmark run's throwaway schemas: each made on demand, every one dropped when the run ends."""

from __future__ import annotations

import uuid
from types import TracebackType

import psycopg


class ScratchSchemas:
    """Schemas named ``bench_<label>_<random>``, dropped on leaving the ``with`` block, always."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.made: list[str] = []

    def new(self, label: str = "run") -> str:
        """A new, empty schema."""
        name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        self.made.append(name)
        return name

    def keep(self, name: str) -> None:
        """Leave this schema in place when the run ends (to measure it again later)."""
        self.made.remove(name)

    def __enter__(self) -> ScratchSchemas:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            for name in self.made:
                conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        self.made.clear()
