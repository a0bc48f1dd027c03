"""The ledger's recorder: the library's PostgreSQL recorder plus a ``COPY`` path for imports.

Every other append goes through group commit (``commands.grouped_recorder``): the saves waiting
at the same moment share one transaction, each group checked for a repeated (stream, version)
first, under the lock, so that a conflicting save is refused alone.

The ``COPY`` path keeps the library's guarantees: the same table lock (so commit order equals
notification order and no tailing reader skips an event), the same ``NOTIFY``, one transaction,
and a duplicate (stream, version) refused by the primary key as ``IntegrityError``. A batch
giving sealed text to a person erased meanwhile (``commands.erased_check``) is refused whole, so
too, with nothing written: the importer redoes it line by line, the person now held erased.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import psycopg.errors
from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.sql import SQL, Identifier

from commands.chain import ChainTable
from commands.claim_attempts import ClaimAttempts
from commands.erased_check import ErasedCheck
from commands.group_commit import Groups
from commands.grouped_recorder import GroupedRecorder
from commands.person_keys import PersonKeys
from commands.revoked_tokens import RevokedTokens
from ledger.retrying import retrying, steady

RECORDER_TOPIC = "commands.recorder:LedgerRecorder"
library_insert = PostgresApplicationRecorder.insert_events.__wrapped__  # without its retries
TIMED_OUT = (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled)
ATTEMPTS = 10


class LedgerRecorder(GroupedRecorder):
    """Stores the ledger's events, each linked into the hash chain; imports through ``COPY``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The library's insert function (POSTGRES_ENABLE_DB_FUNCTIONS) skips ``_insert_events``:
        # no write lock, no chain links. The ledger always inserts through its own hook.
        self.datastore.enable_db_functions = False
        self.chain = ChainTable(self.datastore.schema, self.events_table_name)
        self.sql_create_statements.append(self.chain.create_statement())
        self.keys = PersonKeys(self.datastore, self.events_table_name)
        self.sql_create_statements.append(self.keys.create_statement())
        self.sql_create_statements.append(self.keys.index_statement())
        self.erased = ErasedCheck(self.keys)
        self.revoked_tokens = RevokedTokens(self.datastore, self.events_table_name)
        self.sql_create_statements.append(self.revoked_tokens.create_statement())
        self.claim_attempts = ClaimAttempts(self.datastore, self.events_table_name)
        self.sql_create_statements.append(self.claim_attempts.create_statement())

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        """Insert through group commit (the library's own insert when it passes a tracking record
        or other arguments), tried again after a dropped connection (as the library does), but not after a
        lock or statement timeout: a writer stuck behind the write lock fails after one timeout
        (503) instead of ten."""
        if any(value is not None for value in kwargs.values()) or not stored_events:
            action = lambda: library_insert(self, stored_events, **kwargs)  # noqa: E731
        else:
            action = lambda: self.group.write(stored_events)  # noqa: E731
        return retrying(action, (InterfaceError, OperationalError), ATTEMPTS, steady(0.2),
                        worth_retrying=lambda error: not isinstance(error.__cause__, TIMED_OUT))

    def ask_links(self, curs: Any, streams: Sequence[Any]) -> None:
        """Send the question of the chain's heads (the log's and the streams'), under the lock."""
        self.chain.ask_heads(curs, streams)

    def link_after(self, asked: Any, curs: Any, events: Sequence[StoredEvent]) -> None:
        """Link the events into the hash chain, in their transaction, from the heads asked."""
        self.chain.insert_links(curs, self.chain.read_heads(asked), events)

    def ask_refusals(self, conn: Any, groups: Groups) -> Any:
        """Send the question of the erased among the people whose sealed text is written."""
        return self.erased.ask(conn, groups)

    def refusals(self, asked: Any, groups: Groups) -> list[Exception | None]:
        """Refuse the groups giving sealed text to a person found erased (``erased_check``)."""
        return self.erased.refusals(asked, groups)

    def erase_key(self, person_id: UUID) -> None:
        """Destroy the person's key under the log's write lock, so that no write turn commits
        text for them after its check and after the key is gone (``commands.erased_check``)."""
        self.keys.erase(person_id, under=self.lock_table_statements)

    def _insert_events(self, curs: Any, stored_events: Sequence[StoredEvent], **_: Any) -> None:
        """Take the write lock first, then link the events into the chain, in one transaction."""
        if stored_events:
            for statement in self.lock_table_statements:
                curs.execute(statement, prepare=False)
            self.chain.link(curs, stored_events)

    def copy_events(self, stored_events: Sequence[StoredEvent]) -> None:
        """Append many stored events in one transaction, under the log's write lock, in
        PostgreSQL's binary ``COPY`` format (the state's bytes sent as they are, not as hex)."""
        statement = SQL(
            "COPY {}.{} (originator_id, originator_version, topic, state) FROM STDIN (FORMAT BINARY)"
        ).format(Identifier(self.datastore.schema), Identifier(self.events_table_name))
        id_type = self.datastore.originator_id_type
        as_id: Any = str if id_type == "text" else (lambda stream: stream)
        try:
            with self.datastore.transaction(commit=True) as curs:
                if not stored_events:
                    return
                notify = SQL("NOTIFY {}").format(Identifier(self.channel_name))
                erased = self.erased.question(stored_events)  # free text for the erased?
                # the write lock, the NOTIFY (and that question) in one round trip: one message
                curs.execute(SQL("; ").join([*self.lock_table_statements, notify, *erased]),
                             prepare=False)
                if erased and self.erased.any_erased(curs):  # redone line by line, refused there
                    raise IntegrityError("sealed text for a person erased meanwhile")
                self.chain.copy_links(curs, stored_events)
                with curs.copy(statement) as copy:
                    copy.set_types([id_type, "int8", "text", "bytea"])
                    for event in stored_events:
                        copy.write_row((as_id(event.originator_id), event.originator_version,
                                        event.topic, event.state))
        except psycopg.errors.IntegrityError as error:
            raise IntegrityError(error) from error
