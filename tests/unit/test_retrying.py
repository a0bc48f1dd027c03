"""The one retry loop: how often it tries, what it waits, what it lets through."""

from __future__ import annotations

import pytest

from ledger.retrying import jittered, retrying, steady


class Lost(Exception):
    """A race lost (the kind of failure retried)."""


class Broken(Exception):
    """A failure of another kind."""


class Flaky:
    """An action that fails ``failures`` times, then answers how many calls it took."""

    def __init__(self, failures: int, error: Exception | None = None) -> None:
        self.failures = failures
        self.error = error or Lost()
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return self.calls


def test_an_action_that_succeeds_is_called_once() -> None:
    """No failure, no retry and no pause."""
    pauses: list[float] = []
    action = Flaky(0)
    assert retrying(action, Lost, 5, steady(1.0), sleep=pauses.append) == 1
    assert pauses == []


def test_failures_are_retried_until_success() -> None:
    """Two lost races, then success on the third try, with a pause before each retry."""
    pauses: list[float] = []
    assert retrying(Flaky(2), Lost, 5, steady(0.2), sleep=pauses.append) == 3
    assert pauses == [0.2, 0.2]


def test_the_last_failure_is_raised_as_it_came() -> None:
    """After ``attempts`` failures the last error itself is raised."""
    action = Flaky(10)
    with pytest.raises(Lost):
        retrying(action, Lost, 3, steady(0.0), sleep=lambda _: None)
    assert action.calls == 3


def test_other_failures_are_not_retried() -> None:
    """An error outside ``retry_on`` goes straight through."""
    action = Flaky(1, Broken())
    with pytest.raises(Broken):
        retrying(action, Lost, 3, steady(0.0), sleep=lambda _: None)
    assert action.calls == 1


def test_a_failure_not_worth_retrying_is_raised_at_once() -> None:
    """``worth_retrying`` can refuse a retry (a lock timeout, say) for a failure of the kind."""
    action = Flaky(2)
    with pytest.raises(Lost):
        retrying(action, Lost, 5, steady(0.0), worth_retrying=lambda _: False, sleep=lambda _: None)
    assert action.calls == 1


def test_jittered_pauses_grow_with_the_failures_and_stay_in_bounds() -> None:
    """The n-th pause lies between 0 and n steps."""
    pause = jittered(0.01)
    for failures in (1, 2, 10):
        assert all(0 <= pause(failures) <= 0.01 * failures for _ in range(50))


def test_at_least_one_attempt() -> None:
    """Zero attempts is a mistake, not a silent no-op."""
    with pytest.raises(ValueError, match="attempts"):
        retrying(Flaky(0), Lost, 0, steady(0.0))
