"""An import's lines checked in worker processes, handed back in the file's order.

Each chunk of lines goes to a worker (``ledger.checked_lines.checked_chunk``), which parses and
validates them and answers each line's verdict as compact text. At most ``2 * workers + 1`` chunks
are in flight at once, so however long the file, memory stays the same: the file is read only as
fast as the importer takes the verdicts. Workers are started with ``spawn`` (they share nothing
with the importer: no connection, no key, no story), need no database, log nothing, and leave
when the importer does, even if it is killed. With no workers, lines are checked in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from ledger.checked_lines import (
    Decided,
    NumberedLine,
    Verdict,
    checked_chunk,
    decided,
    decided_chunk,
    leave_with,
)

CHUNK_LINES = 500


def default_workers() -> int:
    """One worker per core beyond two (the importer's and PostgreSQL's), at most four: on two
    cores a worker and multiprocessing's resource tracker held 79 MB and 3 s more CPU per 200,000
    lines for no rate that stood out of the noise (docs/scale.md), so there the importer checks
    its lines itself."""
    return max(0, min(4, (os.cpu_count() or 1) - 2))


class LineCheckers:
    """Checks numbered lines ``CHUNK_LINES`` at a time, in ``workers`` processes (0: here)."""

    def __init__(self, workers: int, chunk_lines: int = CHUNK_LINES) -> None:
        self.workers = workers
        self.chunk_lines = chunk_lines

    def verdicts(self, lines: Iterable[NumberedLine]) -> Iterator[tuple[list[Decided], int]]:
        """Each chunk's lines decided, in order, with the bytes the chunk held."""
        numbered = iter(lines)
        if self.workers <= 0:
            while chunk := list(islice(numbered, self.chunk_lines)):
                raws = [raw.removesuffix(b"\n") for _, raw in chunk]  # as a worker has them
                yield decided_chunk(chunk[0][0], raws), sum(map(len, raws)) + len(raws)
            return
        yield from self._checked(numbered)

    def _checked(self, lines: Iterator[NumberedLine]) -> Iterator[tuple[list[Decided], int]]:
        """Each chunk's lines checked by the workers, in order, with the bytes the chunk held."""
        chunks = self._chunks(lines)
        pool = ProcessPoolExecutor(self.workers, multiprocessing.get_context("spawn"),
                                   initializer=leave_with, initargs=(os.getpid(),))
        in_flight: deque[tuple[Future[list[Verdict]], int]] = deque()
        try:
            for first, chunk in chunks:
                in_flight.append((pool.submit(checked_chunk, first, chunk), len(chunk)))
                if len(in_flight) > 2 * self.workers:
                    done, size = in_flight.popleft()
                    yield decided(done.result()), size
            while in_flight:
                done, size = in_flight.popleft()
                yield decided(done.result()), size
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # the last batch is written meanwhile

    def _chunks(self, lines: Iterator[NumberedLine]) -> Iterator[tuple[int, bytes]]:
        """Consecutive lines joined (each ends in a newline, but perhaps the file's last), with
        the first one's number."""
        while chunk := list(islice(lines, self.chunk_lines)):
            yield chunk[0][0], b"".join(raw if raw.endswith(b"\n") else raw + b"\n"
                                        for _, raw in chunk)
