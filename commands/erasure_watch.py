"""Every process hears of every erasure within a few seconds, and forgets the person at once.

An erasure (``DELETE /people/{id}/identity``, ``ledger erase``) forgets the person in the erasing
process there and then. Every other process runs one ``ErasureWatch`` per Ledger, a daemon
thread that every ``LEDGER_ERASURE_POLL_SECONDS`` (default 1) asks the key table which people
were erased since a minute before its last look (``PersonKeys.erased_lately``, one indexed
query; a look missed widens the next), marks their keys erased in every key cache of the process
and forgets their kept stories. So a person erased anywhere leaves every process's caches within
the poll interval plus one query (two seconds by default). The watch starts with the first story
kept (a server starts it at once) and stops when the Ledger closes.

The watch keeps caches tidy; it is not what keeps free text from an erased person's story. A
write in that window would seal its text under the cached, destroyed key, so the write turn
asks the key table itself, under the log's write lock, and refuses it (``commands.erased_check``);
the process then holds the person erased at once, as a poll would.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from uuid import UUID

from eventsourcing.persistence import PersistenceError
from psycopg_pool import PoolClosed

from commands.person_keys import PersonKeys

DEFAULT_POLL_SECONDS = 1.0
WINDOW_SECONDS = 60.0  # longer than any erasure's transaction (statement timeout 30 s)


class ErasureWatch:
    """Polls for erasures and hands each erased person to ``forget``."""

    def __init__(self, keys: PersonKeys, forget: Callable[[UUID], None],
                 every: float = DEFAULT_POLL_SECONDS) -> None:
        self.keys = keys
        self.forget = forget
        self.every = every
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()
        self.heard_at = time.monotonic()  # when the last good look began (or the watch was made)

    def start(self) -> None:
        """Start watching, unless already started or stopped."""
        if self.thread is not None or self.stopping.is_set():
            return
        with self.lock:
            if self.thread is None:
                self.thread = threading.Thread(target=self._watch, name="erasure-watch", daemon=True)
                self.thread.start()

    def poll(self) -> list[UUID]:
        """One look at the erasures since a minute before the last good look (or since the watch
        was made); each person forgotten here. Looks missed (the database away, a poll interval
        past a minute) widen the next, so no erasure falls between two."""
        began = time.monotonic()
        erased = self.keys.erased_lately(WINDOW_SECONDS + began - self.heard_at)
        for person_id in erased:
            self.forget(person_id)
        self.heard_at = began
        return erased

    def stop(self) -> None:
        """Stop watching (the thread ends within one poll interval)."""
        self.stopping.set()
        if self.thread is not None and self.thread is not threading.current_thread():
            self.thread.join(timeout=self.every + 5)

    def _watch(self) -> None:
        while not self.stopping.wait(self.every):
            try:
                self.poll()
            except PoolClosed:
                return
            except PersistenceError:  # the database away for a moment: look again next time
                continue
