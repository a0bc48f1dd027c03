"""One bulk batch read, decoded and encoded for ``COPY``, ready to be written as it is.

A catch-up far behind reads the log in ranges of positions, each range one bulk batch. Whoever
reads a range (a worker process, or a thread when the log cannot be opened from settings) hands
back only bytes: each fact table's rows encoded for ``COPY`` (binary where the values dump as
the column types, else text: ``projections.copy_formats``), in the table's column order, and the
list-table marks of the people they touch (``projections.worklists.unsettled``). The
writer then sends them within its transaction and decodes nothing, so the decoding runs beside
the writing instead of sharing its interpreter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from projections.copy_formats import copy_encoded
from projections.facts.event_rows import Row
from projections.facts.log_sources import LedgerLog, LedgerSource, Source
from projections.facts.schema import column_types
from projections.facts.stored_range import facts_in_range, stored_range
from projections.worklists.refresh import touched
from projections.worklists.unsettled import MARK_TYPES


@dataclass
class EncodedBatch:
    """The facts of the log's positions (start, end]: ``COPY`` data per table, and the marks."""

    start: int
    end: int
    tables: dict[str, bytes] = field(default_factory=dict)
    marks: bytes = b""
    events: int = 0


def encode_range(source: Source, start: int, end: int) -> EncodedBatch:
    """Read the source's log in (start, end] and encode its fact rows and marks."""
    stored = stored_range(source, start, end)
    rows: dict[str, list[Row]] = defaultdict(list)
    for table, row in facts_in_range(source, stored):
        rows[table].append(row)
    marks = [(name, person) for name, people in touched(rows).items() for person in people]
    tables = {table: copy_encoded(found, column_types(table)) for table, found in rows.items()}
    return EncodedBatch(start, end, tables, copy_encoded(marks, MARK_TYPES), len(stored))


_reader: LedgerSource | None = None  # the worker process's own handle on the log


def open_log(env: dict[str, str]) -> None:
    """A worker process's start: open the ledger's log read-only from ``env``."""
    global _reader
    _reader = LedgerSource(LedgerLog(env=env))


def encode_in_worker(start: int, end: int) -> EncodedBatch:
    """``encode_range`` on the worker process's own handle (``open_log`` made it)."""
    assert _reader is not None, "open_log runs first in every worker"
    return encode_range(_reader, start, end)
