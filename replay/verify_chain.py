"""`ledger verify-chain`: walk the whole log and its links, and name the first broken one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from psycopg.sql import SQL, Identifier

from commands import Ledger
from commands.chain import GENESIS, log_link, story_link


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a walk: how many events, the head of the log, and the first broken link."""

    events: int
    head: str
    broken_at: dict[str, Any] | None = None


def _rows(ledger: Ledger) -> Iterator[dict[str, Any]]:
    recorder = ledger.log_recorder
    schema = Identifier(recorder.datastore.schema)
    events = SQL("{}.{}").format(schema, Identifier(recorder.events_table_name))
    query = SQL(
        "SELECT e.notification_id, coalesce(e.originator_id, c.originator_id) AS originator_id, "
        "coalesce(e.originator_version, c.originator_version) AS originator_version, "
        "e.topic, e.state, c.story_hash, c.log_hash FROM {} e FULL OUTER JOIN {} c "
        "ON e.originator_id = c.originator_id AND e.originator_version = c.originator_version "
        "ORDER BY c.position NULLS LAST, e.notification_id"
    ).format(events, recorder.chain.table)
    with (recorder.datastore.get_connection() as conn, conn.transaction(),
          conn.cursor(name="verify_chain") as cursor):
        cursor.itersize = 5000
        cursor.execute(query)
        yield from cursor


def verify_chain(ledger: Ledger) -> ChainReport:
    """Recompute every link from the stored bytes; stop at the first that does not match."""
    heads: dict[Any, str] = {}
    log_head, count = GENESIS, 0
    for row in _rows(ledger):
        where = {"notification_id": row["notification_id"], "stream_id": str(row["originator_id"]),
                 "version": row["originator_version"]}
        if row["state"] is None:
            return ChainReport(count, log_head, {**where, "reason": "a linked event is missing"})
        if row["story_hash"] is None:
            return ChainReport(count, log_head, {**where, "reason": "an event has no link"})
        story = story_link(heads.get(row["originator_id"], GENESIS), row["originator_id"],
                           row["originator_version"], row["topic"], bytes(row["state"]))
        log_head = log_link(log_head, story)
        if story != row["story_hash"] or log_head != row["log_hash"]:
            return ChainReport(count, log_head, {**where, "reason": "the stored event was altered"})
        heads[row["originator_id"]] = story
        count += 1
    return ChainReport(count, log_head)
