"""A server watches for erasures from its start, not from its first story read or write: a
process that has served only list pages and searches (names opened with cached keys, no story
kept) still closes an erased person's name within ``LEDGER_ERASURE_POLL_SECONDS``, not within
the key cache's minute."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_the_erasure_watch_runs_before_any_story_is_read_or_written(client: TestClient) -> None:
    """Started, its providers registered, nothing else: the watch is running."""
    watch = client.app.state.ledger.erasure_watch  # type: ignore[attr-defined]
    assert watch.thread is not None
    assert watch.thread.is_alive()
