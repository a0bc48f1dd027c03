"""``finished_within``, the deadline's wait for a request's work: whether the work ended in time,
and the work never cancelled by the wait (an overdue write may still land, whole)."""

from __future__ import annotations

import asyncio

from own_thread_loop import run_in_own_thread

from api.http.deadline import finished_within


async def work_of(seconds: float) -> None:
    """Work that takes ``seconds``."""
    await asyncio.sleep(seconds)


def test_work_done_in_time_is_finished() -> None:
    """Quick work: True, as soon as it ends."""
    async def run() -> bool:
        return await finished_within(asyncio.ensure_future(work_of(0)), 5)

    assert run_in_own_thread(run())


def test_overdue_work_goes_on_after_the_wait() -> None:
    """Slow work: False at the deadline, and it still finishes afterwards."""
    async def run() -> tuple[bool, bool]:
        work = asyncio.ensure_future(work_of(0.2))
        in_time = await finished_within(work, 0.01)
        await work
        return in_time, work.done() and not work.cancelled()

    assert run_in_own_thread(run()) == (False, True)
