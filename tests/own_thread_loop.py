"""Running an event loop in a thread of its own, for tests that need one of their own making.

The browser tests' session-wide Playwright (its sync API) keeps an asyncio loop marked as
running in the test worker's main thread for the rest of the session, so ``asyncio.run`` or an
``asyncio.Runner`` called there afterwards fails ("cannot be called from a running event loop")
in whichever test the worker happens to run next. A new thread has no running loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_own_thread(main: Coroutine[Any, Any, T],
                      loop_factory: Callable[[], asyncio.AbstractEventLoop] | None = None) -> T:
    """``main`` run to completion on a new loop (``loop_factory``'s, if given) in a new thread;
    its result, or its exception raised here."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            with asyncio.Runner(loop_factory=loop_factory) as runner:
                outcome["result"] = runner.run(main)
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive(), "the loop did not finish within 60 s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]
