"""The revocation list answers from memory without waiting (``known``), or says it cannot: a
request on the event loop asks it there and leaves the look at the table to a worker thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from commands import Ledger
from commands.revoked_tokens import RevokedTokens


def revoked_list(ledger: Ledger) -> RevokedTokens:
    """The ledger's revocation list, with one token withdrawn and the list just read."""
    revoked: RevokedTokens = ledger.log_recorder.revoked_tokens
    revoked.revoke("stolen", datetime.now(UTC) + timedelta(hours=1), "admin-1")
    revoked.is_revoked("anything")
    return revoked


def test_a_fresh_list_answers_from_memory(ledger: Ledger) -> None:
    """Within a poll of its last look: the same answers ``is_revoked`` gives."""
    revoked = revoked_list(ledger)
    assert (revoked.known("stolen"), revoked.known("honest")) == (True, False)


def test_a_list_due_a_look_at_the_table_does_not_answer(ledger: Ledger) -> None:
    """Older than a poll: no answer (``is_revoked`` must look at the table)."""
    revoked = revoked_list(ledger)
    revoked.every = 0.0
    assert revoked.known("stolen") is None


def test_a_list_never_read_does_not_answer(ledger: Ledger) -> None:
    """A process's first question always goes to the table."""
    assert ledger.log_recorder.revoked_tokens.known("stolen") is None


def test_a_list_being_refreshed_does_not_wait(ledger: Ledger) -> None:
    """While another thread holds the list (refreshing it), no answer, at once."""
    revoked = revoked_list(ledger)
    held, release = threading.Event(), threading.Event()

    def refresh_slowly() -> None:
        with revoked._lock:
            held.set()
            release.wait(10)

    refresher = threading.Thread(target=refresh_slowly)
    refresher.start()
    held.wait(10)
    try:
        assert revoked.known("stolen") is None
    finally:
        release.set()
        refresher.join()
