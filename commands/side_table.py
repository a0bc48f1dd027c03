"""A table of the ledger's own beside its events (revoked tokens, failed claims), named after
the events table in the same schema and made with the ledger's other tables."""

from __future__ import annotations

from typing import Any, ClassVar

from psycopg.sql import SQL, Composed, Identifier


class SideTable:
    """Names ``<schema>.<events table>_<SUFFIX>`` and creates it from ``COLUMNS``."""

    SUFFIX: ClassVar[str]
    COLUMNS: ClassVar[str]

    def __init__(self, datastore: Any, events_table: str) -> None:
        self.datastore = datastore
        self.table = SQL("{}.{}").format(Identifier(datastore.schema),
                                         Identifier(f"{events_table}_{self.SUFFIX}"))

    def create_statement(self) -> Composed:
        """The table, made with the ledger's other tables."""
        return SQL("CREATE TABLE IF NOT EXISTS {} (" + self.COLUMNS + ")").format(self.table)
