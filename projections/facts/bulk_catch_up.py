"""A catch-up far behind the head: ranges of the log decoded ahead by workers, written in order.

Each range of positions is one bulk batch (``projections.facts.bulk_encode``): read, decoded
and encoded by a worker, then written by the projector with its tracking position in one
transaction, oldest range first, so a crash resumes from the last committed range and nothing
is written twice. The workers are processes when the source can be opened from its settings
(``LedgerSource.env``) and the log is far enough behind to pay for starting them; otherwise one
thread. A few ranges are read ahead of the one being written; a range found already written
(another projector got there first) ends the bulk run, and the caller goes on from the position.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import AbstractContextManager
from functools import partial
from typing import Any

from eventsourcing.persistence import Tracking

from projections.facts.bulk_encode import EncodedBatch, encode_in_worker, encode_range, open_log
from projections.facts.log_sources import Source
from projections.facts.schema import FiguresView
from projections.summaries import cells
from projections.worklists.unsettled import mark_encoded

Locked = Callable[[], AbstractContextManager[Any]]


def workers(source: Source, processes: int) -> tuple[Executor, int]:
    """The executor decoding ranges, and how many ranges to keep in flight."""
    env: dict[str, str] | None = getattr(source, "env", None)
    if env is None or processes < 1:
        return ThreadPoolExecutor(1, thread_name_prefix="figures-read"), 2
    spawn = multiprocessing.get_context("spawn")  # never fork a process holding pools and threads
    return ProcessPoolExecutor(processes, mp_context=spawn, initializer=open_log,
                               initargs=(env,)), processes + 1


def encoded_batches(source: Source, executor: Executor, depth: int, start: int, head: int,
                    size: int) -> Iterator[EncodedBatch]:
    """The encoded ranges from ``start`` to ``head``, ``size`` positions each, in order."""
    in_process = isinstance(executor, ProcessPoolExecutor)
    ahead: list[Future[EncodedBatch]] = []
    position = start
    while ahead or position < head:
        while position < head and len(ahead) < depth:
            end = min(position + size, head)
            ahead.append(executor.submit(encode_in_worker, position, end) if in_process
                         else executor.submit(partial(encode_range, source, position, end)))
            position = end
        yield ahead.pop(0).result()


def write_encoded(view: FiguresView, locked: Locked, name: str, batch: EncodedBatch) -> bool:
    """Write one encoded range with its tracking position, unless the position has moved on
    from its start (answers whether it was written)."""
    with locked() as curs:
        if view.position(curs, name) != batch.start:
            return False
        cells.forget(curs, view)
        for table, data in batch.tables.items():
            view.copy_encoded(curs, table, data)
        mark_encoded(curs, view.table, batch.marks)
        view._insert_tracking(curs, Tracking(name, batch.end))
    return True


def catch_up_in_bulk(view: FiguresView, locked: Locked, source: Source, start: int, head: int,
                     size: int, processes: int) -> int:
    """Write the log from ``start`` to ``head`` in bulk batches; answers the position reached."""
    executor, depth = workers(source, processes)
    position = start
    try:
        for batch in encoded_batches(source, executor, depth, start, head, size):
            if not write_encoded(view, locked, source.name, batch):
                break
            position = batch.end
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return position
