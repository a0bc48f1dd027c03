"""One data key per person, in its own table: created on first need, destroyed on erasure.

Keys are stored wrapped by the master key (``commands.key_wrapping``). An erased person's row
stays, key NULL and ``erased_at`` set, so they never get a fresh key (``commands.erased_writes``).
Keys are cached in process for 60 s (``commands.held_keys``); an erasure marks the person erased
in every cache of this process at once, of every other at its next write for them
(``commands.erased_check``) or within ``LEDGER_ERASURE_POLL_SECONDS`` (``commands.erasure_watch``);
a key read before it and cached after never replaces that mark.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from psycopg.abc import Query
from psycopg.sql import SQL, Composed, Identifier

from commands.held_keys import HeldKeys
from commands.key_wrapping import KeyWrapper, Unwrapped
from ledger.indexes import index_if_missing

ERASED = b""  # the cached stand-in for a destroyed key
LEDGER_EVENTS = "ledger_events"  # the Ledger's events table, whose key table the access log shares


class PersonKeys:
    """The table of person keys and a small in-process cache of them."""

    def __init__(self, datastore: Any, events_table: str, cache_seconds: float = 60.0,
                 wrapper: KeyWrapper | None = None) -> None:
        self.datastore = datastore
        self.wrapper: KeyWrapper = wrapper or Unwrapped()
        self.table = SQL("{}.{}").format(Identifier(datastore.schema),
                                         Identifier(f"{events_table}_person_keys"))
        self.cache_seconds = cache_seconds
        self._cache = HeldKeys(cache_seconds)
        self._name = f"{datastore.schema}.{events_table}"
        self._events_table = events_table
        _LIVE.add(self)

    def create_statement(self) -> Composed:
        return SQL("CREATE TABLE IF NOT EXISTS {} (person_id uuid PRIMARY KEY, key bytea, "
                   "created_at timestamptz NOT NULL DEFAULT now(), erased_at timestamptz)"
                   ).format(self.table)

    def index_statement(self) -> Composed:
        """The index by which every process finds the erasures of the last minute, cheaply."""
        return index_if_missing(self.datastore.schema, self.table,
                                f"{self._events_table}_person_keys_erased", "erased_at",
                                "erased_at IS NOT NULL")

    def key_for(self, person_id: UUID, create: bool) -> bytes | None:
        """The person's key; None once erased (or, unless ``create``, never made)."""
        cached = self._cache.get(person_id, time.monotonic())
        if cached is not None:
            return cached or None
        found = self._select([person_id])  # most people asked for have a key: one statement
        if create and person_id not in found:
            found = self.ensure([person_id])
        return found.get(person_id) or None

    def existing(self, person_ids: Iterable[UUID]) -> dict[UUID, bytes | None]:
        """Many people's keys at once (cached ones, the rest in one statement); None once erased
        or never made. Nothing is created."""
        now = time.monotonic()
        cached = {person_id: self._cache.get(person_id, now) for person_id in person_ids}
        found = {person_id: key or None for person_id, key in cached.items() if key is not None}
        missing = [person_id for person_id, key in cached.items() if key is None]
        return {**found, **{p: key or None for p, key in self._select(missing).items()}}

    def ensure(self, person_ids: Iterable[UUID]) -> dict[UUID, bytes]:
        """Make sure each person has a key row (one statement); answers their keys."""
        ids = list(dict.fromkeys(person_ids))
        if ids:
            keys = [self.wrapper.wrap(AESGCM.generate_key(bit_length=256), person_id)
                    for person_id in ids]
            with self.datastore.cursor() as curs:  # one statement: no transaction block
                curs.execute(SQL(
                    "INSERT INTO {} (person_id, key) SELECT * FROM unnest(%s::uuid[], %s::bytea[]) "
                    "ON CONFLICT DO NOTHING").format(self.table), (ids, keys), prepare=False)
        return self._select(ids)

    def ensure_uncached(self, person_ids: Iterable[UUID]) -> None:
        """``ensure`` for the people whose key is not in this process's cache (an import's
        batch: most of its people were given their key by an earlier batch)."""
        now = time.monotonic()
        self.ensure(p for p in person_ids if self._cache.get(p, now) is None)

    def erase(self, person_id: UUID, under: Iterable[Query] = ()) -> None:
        """Destroy the person's key (a row is kept, marked erased, even if none was made), after
        the statements ``under`` (the log's write lock: ``commands.erased_check``)."""
        with self.datastore.transaction(commit=True) as curs:
            for statement in under:
                curs.execute(statement, prepare=False)
            curs.execute(SQL(
                "INSERT INTO {} (person_id, key, erased_at) VALUES (%s, NULL, now()) "
                "ON CONFLICT (person_id) DO UPDATE SET key = NULL, "
                "erased_at = COALESCE({}.erased_at, now())"
            ).format(self.table, self.table), (person_id,), prepare=False)
        self.mark_erased(person_id)

    def erased_lately(self, seconds: float) -> list[UUID]:
        """The people erased (by any process) in the last ``seconds``, each now ``mark_erased``."""
        with self.datastore.cursor() as curs:  # one statement: no transaction block
            curs.execute(SQL("SELECT person_id FROM {} WHERE erased_at > now() - "
                             "make_interval(secs => %s)").format(self.table), (seconds,), prepare=False)
            erased = [row["person_id"] for row in curs.fetchall()]
        for person_id in erased:
            self.mark_erased(person_id)
        return erased

    def mark_erased(self, person_id: UUID) -> None:
        """Hold the person erased in every key cache of this process (for good)."""
        with _CACHING:
            for keys in list(_LIVE):
                if keys._name == self._name:
                    keys._cache.put(person_id, ERASED, time.monotonic())

    def _select(self, ids: list[UUID]) -> dict[UUID, bytes]:
        if not ids:
            return {}
        with self.datastore.cursor() as curs:  # one statement: no transaction block
            curs.execute(SQL("SELECT person_id, key FROM {} WHERE person_id = ANY(%s)")
                         .format(self.table), (ids,), prepare=False)
            rows = curs.fetchall()
        found = {row["person_id"]: self._opened(row["person_id"], row["key"]) for row in rows}
        now = time.monotonic()
        with _CACHING:  # a key read before an erasure marked here stays erased: erasure is final
            for person_id, key in found.items():
                found[person_id] = ERASED if self._cache.holds(person_id, ERASED) else key
                self._cache.put(person_id, found[person_id], now)
        return found

    def _opened(self, person_id: UUID, stored: bytes | None) -> bytes:
        return ERASED if stored is None else self.wrapper.unwrap(bytes(stored), person_id) or ERASED

    def held(self) -> int:
        """How many keys (and erasure marks) this table's cache holds now."""
        return len(self._cache)

    def forget_all(self) -> None:
        """Empty this table's cache in this process (after its keys were re-wrapped)."""
        self._cache.clear()


_LIVE: weakref.WeakSet[PersonKeys] = weakref.WeakSet()  # every key table's cache in this process
_CACHING = threading.Lock()  # a key read and a key erased are cached one at a time
