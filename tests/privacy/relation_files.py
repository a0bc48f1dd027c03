"""Every byte of every relation file of a database, as PostgreSQL keeps it on disk (dead tuples,
indexes and TOAST included), read after a ``CHECKPOINT``."""

from __future__ import annotations

import psycopg

SEGMENT = 1 << 30  # PostgreSQL splits a relation's file every gigabyte
CHUNK = 1 << 26  # read 64 MiB at a time (the function refuses a gigabyte)


def relation_files(url: str) -> dict[str, bytes]:
    """Each relation's main fork by name (tables, indexes, TOAST, materialised views)."""
    found: dict[str, bytes] = {}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")
        rows = conn.execute(
            "SELECT c.oid::regclass::text, pg_relation_filepath(c.oid), pg_relation_size(c.oid) "
            "FROM pg_class c WHERE c.relkind IN ('r', 'i', 't', 'm') "
            "AND pg_relation_filepath(c.oid) IS NOT NULL").fetchall()
        for name, path, size in rows:
            chunks = []
            for segment in range(0, max(1, -(-size // SEGMENT))):
                file = path if segment == 0 else f"{path}.{segment}"
                chunks.extend(file_chunks(conn, file))
            found[name] = b"".join(chunks)
    return found


def where_found(files: dict[str, bytes], needle: bytes) -> list[str]:
    """The relations whose files hold ``needle``."""
    return [name for name, data in files.items() if needle in data]


def file_chunks(conn: psycopg.Connection[tuple[object, ...]], file: str) -> list[bytes]:
    """A file under the data directory, a chunk at a time (none if it is missing)."""
    chunks: list[bytes] = []
    while True:
        row = conn.execute("SELECT pg_read_binary_file(%s, %s, %s, true)",
                           (file, len(chunks) * CHUNK, CHUNK)).fetchone()
        data = bytes(row[0]) if row and row[0] is not None else b""  # type: ignore[arg-type]
        chunks.append(data)
        if len(data) < CHUNK:
            return chunks
