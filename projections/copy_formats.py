"""Rows encoded for ``COPY ... FROM STDIN`` away from the connection that sends them.

A bulk batch's reader encodes its rows (in a worker process) and the writer sends the bytes as
they are. Binary is the cheaper format on both sides: about a third of text's encoding time for
the fact tables' rows, and the server parses no text for their times, dates and ids. It needs
each column's type and values of the matching Python types; a table whose rows do not dump so
(``numeric`` costs kept as strings, say) is encoded as text instead. The writer tells the two
apart by binary's signature (``copy_statement``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import postgres
from psycopg._copy_base import format_row_binary, format_row_text
from psycopg.adapt import Transformer
from psycopg.pq import Format
from psycopg.sql import SQL, Composable, Composed

SIGNATURE = b"PGCOPY\n\xff\r\n\0"
HEADER, TRAILER = SIGNATURE + bytes(8), b"\xff\xff"  # no flags, no extension; end of rows
FORMAT_BINARY = SQL(" (FORMAT BINARY)")


def type_oid(name: str) -> int:
    """The oid of a column type named as in a ``CREATE TABLE`` (``uuid``, ``text[]``)."""
    if name.endswith("[]"):
        return int(postgres.types[name[:-2]].array_oid)
    return int(postgres.types[name].oid)


def copy_text(rows: Sequence[Sequence[Any]]) -> bytes:
    """Rows in ``COPY``'s text format, formatted straight into one buffer."""
    transformer, out = Transformer(None), bytearray()
    for row in rows:
        format_row_text(row, transformer, out)
    return bytes(out)


def copy_binary(rows: Sequence[Sequence[Any]], types: Sequence[str]) -> bytes:
    """Rows in ``COPY``'s binary format, for columns of the ``types`` named."""
    transformer, out = Transformer(None), bytearray(HEADER)
    transformer.set_dumper_types([type_oid(name) for name in types], Format.BINARY)
    for row in rows:
        format_row_binary(row, transformer, out)
    out += TRAILER
    return bytes(out)


def copy_encoded(rows: Sequence[Sequence[Any]], types: Sequence[str]) -> bytes:
    """Rows in binary when their values dump as the column types, else in text."""
    if not rows:
        return b""
    try:
        return copy_binary(rows, types)
    except (TypeError, ValueError, AttributeError, psycopg.Error):
        return copy_text(rows)


def copy_statement(statement: Composed, data: bytes) -> Composable:
    """``statement`` (a ``COPY ... FROM STDIN``) for ``data`` in the format it is in."""
    return statement + FORMAT_BINARY if data.startswith(SIGNATURE) else statement
