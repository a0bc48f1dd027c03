"""Running the projector: catch up in batches, then follow the log; positions, lag, read-your-writes."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from eventsourcing.application import Application
from eventsourcing.utils import Environment

from ledger.idle_checks import check_idle_only
from projections.facts.leader import Leadership
from projections.facts.log_sources import (
    ACCESS_LOG,
    AccessLogReader,
    AccessLogSource,
    LedgerLog,
    LedgerSource,
)
from projections.facts.projector import BATCH_SIZE, Projector
from projections.facts.schema import PREFIX, FiguresView

log = logging.getLogger(__name__)
POLL_SECONDS = 0.2


def build_view(env: dict[str, str]) -> FiguresView:
    """The figures' view (fact tables and tracking) in the store ``env`` names."""
    from eventsourcing.persistence import InfrastructureFactory

    factory = InfrastructureFactory.construct(env=Environment(PREFIX, env))  # never os.environ
    view = factory.tracking_recorder(FiguresView)
    assert isinstance(view, FiguresView)
    check_idle_only(view.datastore)  # the readers borrow per request: no ping at every borrow
    return view


class FiguresRunner:
    """Keeps the figures' facts up to the ledger (and the access log, once it exists)."""

    def __init__(self, env: dict[str, str], app: Application[Any] | None = None,
                 batch_size: int = BATCH_SIZE, wait_seconds: float = 5.0) -> None:
        self.env = env
        self.wait_seconds = wait_seconds
        self.view = build_view(env)
        self.projector = Projector(self.view, batch_size)
        self._own_app = app is None
        self.ledger = (LedgerSource(app) if app is not None
                       else LedgerSource(LedgerLog(env=env), env=env))
        self.access_log: AccessLogSource | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.leadership: Leadership | None = None  # while following
        self.last_error: str | None = None

    def sources(self) -> list[Any]:
        """The logs being projected: the ledger, and the access log when it has a table."""
        if self.access_log is None and self._table_exists(f"{ACCESS_LOG}_events"):
            self.access_log = AccessLogSource(AccessLogReader(env={**self.env, "CREATE_TABLE": "n"}))
        return [self.ledger] if self.access_log is None else [self.ledger, self.access_log]

    def catch_up(self) -> dict[str, int]:
        """Project everything appended before this call; answers each log's position."""
        return {source.name: self.projector.catch_up(source) for source in self.sources()}

    def wait(self, position: int, timeout: float | None = None) -> None:
        """Block until the ledger's facts reach ``position`` with every list row derived (none
        left marked by a bulk catch-up); ``TimeoutError`` after ``timeout`` (by default the
        runner's ``wait_seconds``)."""
        deadline = time.monotonic() + (self.wait_seconds if timeout is None else timeout)
        while self.projector.position(self.ledger) < position or self.projector.unsettled():
            if time.monotonic() >= deadline:
                raise TimeoutError(f"figures have not reached position {position}")
            time.sleep(0.05)

    def lag(self) -> dict[str, dict[str, int]]:
        """Each log's head, the projected position and the lag between them (an upper bound)."""
        report = {}
        for source in self.sources():
            head = int(source.recorder.max_notification_id() or 0)
            position = self.projector.position(source)
            report[source.name] = {"position": position, "head": head, "lag": max(head - position, 0)}
        return report

    def follow(self) -> None:
        """Catch up, then keep following new events until ``stop()``, while this process leads
        (one follower at a time across processes: ``projections.facts.leader``)."""
        with Leadership(self.view.datastore) as self.leadership:
            while not self._stopping.is_set():
                try:
                    if self.leadership.leads():
                        self.catch_up()
                    self.last_error = None
                except Exception as error:
                    self.last_error = f"{type(error).__name__}: {error}"
                    log.exception("projection batch failed; retrying")
                    self._stopping.wait(1.0)
                self._stopping.wait(POLL_SECONDS)

    def stop_following(self) -> None:
        """Ask ``follow()`` to return after its current batch (safe from a signal handler)."""
        self._stopping.set()

    def start(self) -> None:
        """Follow the log in a background thread."""
        self._thread = threading.Thread(target=self.follow, name="figures", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop following and release connections."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
        if self._own_app:
            self.ledger.app.close()
        if self.access_log is not None:
            self.access_log.app.close()
        self.view.datastore.close()

    def _table_exists(self, table: str) -> bool:
        with self.view.datastore.transaction(commit=False) as curs:
            curs.execute("SELECT to_regclass(%s) AS found", (f'"{self.view.datastore.schema}"."{table}"',))
            row = curs.fetchone()
        return row is not None and row["found"] is not None
