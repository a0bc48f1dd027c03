"""The demo's key worker: the Hub staff member who key-works the most people as the ledger stands,
so that the "My people" page the demo's sign-in link opens is not empty.

Read from the log's events alone: each person's key worker is the last of their key-worker
events (assigned or ended) not retracted; the staff member holding most people at the Hub wins,
the smallest staff id among equals. A ledger where the Hub key-works nobody gets ``FALLBACK``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from uuid import UUID

from commands import Ledger
from commands.log_side_table import every_event

FALLBACK = "hub-s-1"  # one of the simulated Hub's staff
ASSIGNED, ENDED, RETRACTED = (f"ledger.PersonStory.{name}" for name in
                              ("KeyWorkerAssigned", "KeyWorkerEnded", "EventRetracted"))
PAGE = 5000


def _events(ledger: Ledger) -> list[Any]:
    return list(every_event(ledger, topics=[ASSIGNED, ENDED, RETRACTED], page=PAGE))


def current_key_workers(ledger: Ledger) -> dict[UUID, tuple[str, str] | None]:
    """Each person's current key worker, as (provider, staff), or None when it ended."""
    events = _events(ledger)
    retracted = {(e.originator_id, e.data["version"]) for e in events
                 if type(e).__name__ == "EventRetracted"}
    current: dict[UUID, tuple[int, tuple[str, str] | None]] = {}
    for e in events:
        if type(e).__name__ == "EventRetracted" or (e.originator_id, e.originator_version) in retracted:
            continue
        worker = (e.provider_id, e.data["key_worker_staff_id"])
        held = worker if type(e).__name__ == "KeyWorkerAssigned" else None
        if e.originator_id not in current or current[e.originator_id][0] < e.originator_version:
            current[e.originator_id] = (e.originator_version, held)
    return {person: worker for person, (_, worker) in current.items()}


def busiest_key_worker(ledger: Ledger, provider: str = "hub") -> str:
    """The staff member at ``provider`` with the most people key-worked now (``FALLBACK`` if none)."""
    counts = Counter(worker[1] for worker in current_key_workers(ledger).values()
                     if worker is not None and worker[0] == provider)
    if not counts:
        return FALLBACK
    return min(counts, key=lambda staff: (-counts[staff], staff))
