"""Trying again after a lost race or a dropped connection: the one retry loop of the ledger.

Domain-free and standard library only, so that both the write side (``commands``) and the
HTTP edge (``api``) retry the same way without importing each other.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

Answer = TypeVar("Answer")
Pause = Callable[[int], float]
Failures = type[Exception] | tuple[type[Exception], ...]


def jittered(step: float) -> Pause:
    """A random pause of up to ``step`` seconds per failure so far, so racers spread out."""
    return lambda failures: random.uniform(0, step * failures)  # noqa: S311 (jitter only)


def steady(seconds: float) -> Pause:
    """The same pause after every failure."""
    return lambda _failures: seconds


def always(_error: Exception) -> bool:
    """Every failure of the kinds named is worth another try."""
    return True


def retrying(
    action: Callable[[], Answer], retry_on: Failures, attempts: int, pause: Pause,
    worth_retrying: Callable[[Exception], bool] = always,
    sleep: Callable[[float], None] = time.sleep,
) -> Answer:
    """``action()``, tried up to ``attempts`` times while it fails with one of ``retry_on``.

    Between tries it sleeps ``pause(failures)`` seconds. A failure that is not worth retrying,
    or the last one, is raised as it came.
    """
    if attempts < 1:
        raise ValueError("attempts: at least one")
    for failures in range(1, attempts + 1):
        try:
            return action()
        except retry_on as error:
            if failures == attempts or not worth_retrying(error):
                raise
            sleep(pause(failures))
    raise AssertionError("unreachable")
