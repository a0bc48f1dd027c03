"""A scratch schema beside the live one: the same fact tables, built by the projections' own view.

A replay writes only here, so the live figures are never touched; the schema is dropped when the
audit is done, unless the analyst keeps it to look inside.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from psycopg.sql import SQL, Identifier

from projections.facts.runner import build_view
from projections.facts.schema import FiguresView

SCRATCH_PREFIX = "replay_"


@dataclass
class ScratchSpace:
    """A fresh schema and the figures' view inside it."""

    schema: str
    view: FiguresView

    @classmethod
    def create(cls, live: FiguresView, env: dict[str, str]) -> ScratchSpace:
        """Create an empty schema on the live view's server and the fact tables in it."""
        schema = f"{SCRATCH_PREFIX}{uuid.uuid4().hex[:12]}"
        with live.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("CREATE SCHEMA {}").format(Identifier(schema)))
        scratch_env = {**env, "POSTGRES_SCHEMA": schema, "FIGURES_POSTGRES_SCHEMA": schema,
                       "FIGURES_POSTGRES_POOL_SIZE": "2", "FIGURES_POSTGRES_MAX_OVERFLOW": "2"}
        return cls(schema, build_view(scratch_env))

    def close(self, keep: bool = False) -> None:
        """Release the scratch view's connections; drop the schema unless ``keep``."""
        if not keep:
            with self.view.datastore.transaction(commit=True) as curs:
                curs.execute(SQL("DROP SCHEMA {} CASCADE").format(Identifier(self.schema)))
        self.view.datastore.close()
