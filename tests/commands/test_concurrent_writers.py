"""Concurrent writers on one story, on the real database: one winner per version."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from uuid import UUID

from builders import contact

from commands import Ledger
from ledger.errors import ConcurrentWrite, StoryMovedOn

WRITERS = 8


def race(env: dict[str, str], person: UUID, expected: int | None) -> list[str]:
    """Eight writers, each with its own application and pool, append at once."""
    small_pool = {**env, "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "0"}
    apps = [Ledger(env=small_pool) for _ in range(WRITERS)]

    def write(n: int) -> str:
        try:
            apps[n].append(person, [contact(f"c-{n}")], expected_version=expected)
        except (StoryMovedOn, ConcurrentWrite) as refusal:
            return type(refusal).__name__
        return "appended"

    try:
        with ThreadPoolExecutor(WRITERS) as pool:
            return list(pool.map(write, range(WRITERS)))
    finally:
        for app in apps:
            app.close()


def test_exactly_one_writer_wins_the_expected_version(
    env: dict[str, str], ledger: Ledger, person: UUID
) -> None:
    """Writers who all saw version 1: one appends version 2, the rest are refused."""
    outcomes = race(env, person, expected=1)
    assert outcomes.count("appended") == 1
    assert ledger.story(person).version == 2


def test_writers_without_an_expected_version_never_overwrite(
    env: dict[str, str], ledger: Ledger, person: UUID
) -> None:
    """Every acknowledged append is stored, with contiguous versions and no duplicates."""
    outcomes = race(env, person, expected=None)
    story = ledger.story(person)
    assert story.version == 1 + outcomes.count("appended")
    assert [e.version for e in story.entries] == list(range(1, story.version + 1))
