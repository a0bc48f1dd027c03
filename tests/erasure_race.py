"""A race with an erasure, played in a fixed order: a thread stops at a chosen call, the person
is erased meanwhile, then the thread goes on.

``Paused`` wraps the call where the racing thread stops (its first call only; every later call,
the erasure's own included, goes straight through). ``raced`` runs the race. ``erase_elsewhere``
erases in a process of its own (``ledger erase``), which this process hears of only at its
erasure watch's next poll or its next write for the person.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from uuid import UUID

from console_script import ledger_command

from commands import Ledger
from commands.audit_log import AuditLog

WAIT_SECONDS = 30
ERASURE_WATCH_ASLEEP = {"LEDGER_ERASURE_POLL_SECONDS": "3600"}  # only the erasing process forgets


class Paused:
    """A callable that, on its first call, stops before or after answering until let go."""

    def __init__(self, function: Callable[..., Any], after: bool = False) -> None:
        self.function, self.after = function, after
        self.reached, self.go = threading.Event(), threading.Event()
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        first = self.calls == 1
        if first and not self.after:
            self.stop()
        answer = self.function(*args, **kwargs)
        if first and self.after:
            self.stop()
        return answer

    def stop(self) -> None:
        self.reached.set()
        assert self.go.wait(WAIT_SECONDS)


def raced(paused: Paused, racer: Callable[[], Any], meanwhile: Callable[[], Any]) -> None:
    """Run ``racer`` in a thread until it stops at ``paused``, then ``meanwhile``, then let the
    racer finish (its exception, if any, raised here)."""
    with ThreadPoolExecutor(1) as pool:
        racing = pool.submit(racer)
        assert paused.reached.wait(WAIT_SECONDS), racing.exception() if racing.done() else "stuck"
        try:
            meanwhile()
        finally:
            paused.go.set()
        racing.result(WAIT_SECONDS)


def erase(ledger: Ledger, env: dict[str, str], person_id: UUID) -> None:
    """The operator's erasure of the person, in this process."""
    with AuditLog(env=env) as audit_log:
        ledger.erase_identity(person_id, audit_log, "admin-1", "admin")


def erase_elsewhere(person_id: UUID, database_url: str, schema: str, home: Path,
                    signing_key: str | None = None) -> None:
    """``ledger erase`` of the person, in a process of its own (with the deployment's keys)."""
    cli_env = {**os.environ, "DATABASE_URL": database_url, "LEDGER_SCHEMA": schema,
               "LEDGER_HOME": str(home), **({"LEDGER_SIGNING_KEY": signing_key} if signing_key else {})}
    answer = ledger_command(["erase", str(person_id), "--reason", "asked in writing"], cli_env)
    assert answer.returncode == 0, answer.stderr
