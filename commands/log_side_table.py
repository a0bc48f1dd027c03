"""A side table derived from its application's own log: kept in the transactions that store the
events it follows, and filled from the log when it is first made (so a deployment whose log
predates the table gets it whole, once).

The fill is one ``CREATE TABLE IF NOT EXISTS ... AS SELECT`` over the events table, reading each
event's state as JSON (``STATE``): the intake's and the access log's events are sealed field by
field, never enciphered whole, so the fields a table keeps are there in clear.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from psycopg.sql import SQL, Composed, Identifier

from commands.side_table import SideTable

STATE = SQL("convert_from(e.state, 'UTF8')::jsonb")  # the state of the events table aliased ``e``


class LogSideTable(SideTable):
    """A ``SideTable`` made from its log (``filled``) with indexes named after it (``index``)."""

    COLUMNS = ""  # made from the log, not from a column list

    def __init__(self, datastore: Any, events_table: str) -> None:
        super().__init__(datastore, events_table)
        self.events = SQL("{}.{}").format(Identifier(datastore.schema), Identifier(events_table))
        self.prefix = f"{events_table}_{self.SUFFIX}"

    def filled(self, select: str, **values: Any) -> Composed:
        """The table made as ``select`` (``{events}`` and ``{state}`` named for it), if it is not
        there yet."""
        return SQL("CREATE TABLE IF NOT EXISTS {table} AS " + select).format(
            table=self.table, events=self.events, state=STATE, **values)

    def index(self, name: str, columns: str, unique: bool = False) -> Composed:
        """An index of the table on ``columns``, named ``<table>_<name>``."""
        kind = "UNIQUE INDEX" if unique else "INDEX"
        return SQL("CREATE " + kind + " IF NOT EXISTS {} ON {} (" + columns + ")").format(
            Identifier(f"{self.prefix}_{name}"), self.table)


def every_event(app: Any, topics: Sequence[str] = (), page: int = 1000) -> Iterator[Any]:
    """Every event of an application's log (of ``topics``, when named), decoded, in the log's
    order, a page at a time: the whole-log replay a side table's check compares it with."""
    start = 1
    while found := app.recorder.select_notifications(start, page, topics=topics):
        yield from (app.mapper.to_domain_event(notification) for notification in found)
        start = found[-1].id + 1
