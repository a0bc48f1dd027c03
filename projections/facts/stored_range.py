"""A range of the log's positions read as plain rows, for a bulk batch's reader.

The recorder's ``select_notifications`` builds a dict and a ``Notification`` per event; a bulk
batch reads tens of thousands at once, so its reader asks for bare tuples in binary (no hex
bytea to unescape) and hands each stored event's parts straight to the source's facts
(``LedgerSource.stored_facts``; any other source is handed a ``Notification`` as usual).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventsourcing.persistence import Notification
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from projections.facts.event_rows import Row
from projections.facts.log_sources import Source

SELECT = ("SELECT notification_id, originator_id, originator_version, topic, state FROM {}.{}"
          " WHERE notification_id > %s AND notification_id <= %s{} ORDER BY notification_id")


def stored_range(source: Source, start: int, end: int) -> list[tuple[Any, ...]]:
    """The stored events of the source's topics in positions (start, end], as tuples:
    position, originator, version, topic, state."""
    recorder = source.recorder
    topics = SQL(" AND topic = ANY(%s)") if source.topics else SQL("")
    statement = SQL(SELECT).format(Identifier(recorder.datastore.schema),
                                   Identifier(recorder.events_table_name), topics)
    params: tuple[Any, ...] = (start, end, list(source.topics)) if source.topics else (start, end)
    with recorder.datastore.get_connection() as conn, \
            conn.cursor(row_factory=tuple_row, binary=True) as curs:
        curs.execute(statement, params)
        found: list[tuple[Any, ...]] = curs.fetchall()
    return found


def facts_in_range(source: Source, stored: list[tuple[Any, ...]]) -> Iterator[tuple[str, Row]]:
    """The fact rows of a range's stored events, in order."""
    direct = getattr(source, "stored_facts", None)
    for position, person, version, topic, state in stored:
        if direct is not None:
            yield from direct(person, version, topic, state)
        else:
            yield from source.facts(Notification(id=position, originator_id=person,
                                                 originator_version=version, topic=topic,
                                                 state=bytes(state)))
