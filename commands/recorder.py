"""The ledger's recorder: the library's PostgreSQL recorder plus a ``COPY`` path for imports.

The ``COPY`` path keeps the library's guarantees: the same table lock (so commit order equals
notification order and no tailing reader skips an event), the same ``NOTIFY``, one transaction,
and a duplicate (stream, version) refused by the primary key as ``IntegrityError``.
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg.errors
from eventsourcing.persistence import IntegrityError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.sql import SQL, Identifier

RECORDER_TOPIC = "commands.recorder:LedgerRecorder"


class LedgerRecorder(PostgresApplicationRecorder):
    """Stores the ledger's events; imports many at once through ``COPY``."""

    def copy_events(self, stored_events: Sequence[StoredEvent]) -> None:
        """Append many stored events in one transaction, under the log's write lock."""
        statement = SQL(
            "COPY {}.{} (originator_id, originator_version, topic, state) FROM STDIN"
        ).format(Identifier(self.datastore.schema), Identifier(self.events_table_name))
        try:
            with self.datastore.transaction(commit=True) as curs:
                self._insert_events(curs, stored_events)
                self._lock_table(curs)
                self._notify_channel(curs)
                with curs.copy(statement) as copy:
                    for event in stored_events:
                        copy.write_row((event.originator_id, event.originator_version,
                                        event.topic, event.state))
        except psycopg.errors.IntegrityError as error:
            raise IntegrityError(error) from error
