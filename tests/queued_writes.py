"""Writes queued together for one batch of group commit, for the write path's tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from commands import Ledger
from commands.group_commit import GroupCommit


def queued_together(ledger: Ledger | None, writes: list[Callable[[], object]],
                    group: GroupCommit[Any] | None = None) -> list[object]:
    """Run the writes in threads while the write turn is held, so that they all wait; then let
    one batch take them (the ledger's group commit's, unless ``group`` is named). Answers each
    write's result or the exception it raised."""
    if group is None:
        assert ledger is not None
        group = ledger.log_recorder.group
    results: list[object] = [None] * len(writes)

    def run(n: int) -> None:
        try:
            results[n] = writes[n]()
        except Exception as error:
            results[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(writes))]
    with group.turn:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while len(group.queue) < len(writes) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(group.queue) == len(writes)
    for thread in threads:
        thread.join(timeout=30)
    return results
