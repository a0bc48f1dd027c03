"""commands.held_keys: a key is answered for its time, and keys past it leave as more come."""

from __future__ import annotations

from uuid import UUID

from commands.held_keys import HeldKeys

KEY = b"k" * 32


def test_a_key_past_its_time_is_not_answered() -> None:
    """Read at 0 and held for 60 seconds, a key is answered at 59 and not at 60."""
    keys = HeldKeys(60.0)
    keys.put(UUID(int=1), KEY, 0.0)
    assert (keys.get(UUID(int=1), 59.0), keys.get(UUID(int=1), 60.0)) == (KEY, None)


def test_only_the_keys_read_lately_are_held_however_many_were_read() -> None:
    """5,000 keys read at 0 and 5,000 more at 100: only the 5,000 read lately are held."""
    keys = HeldKeys(60.0)
    for number in range(5000):
        keys.put(UUID(int=number), KEY, 0.0)
    for number in range(5000, 10_000):
        keys.put(UUID(int=number), KEY, 100.0)
    assert len(keys) == 5000


def test_no_more_keys_are_held_than_the_most_however_lately_read() -> None:
    """50,000 keys read within a second, 20,000 at most: never more than 20,000 held."""
    keys = HeldKeys(60.0, most=20_000)
    held = []
    for number in range(50_000):
        keys.put(UUID(int=number), KEY, number / 50_000)
        held.append(len(keys))
    assert max(held) <= 20_000


def test_an_erased_mark_stays_however_many_keys_come_after() -> None:
    """An erasure's mark, then 500 keys past a most of 100: the mark is still held."""
    keys = HeldKeys(60.0, most=100)
    keys.put(UUID(int=0), b"", 0.0)
    for number in range(1, 501):
        keys.put(UUID(int=number), KEY, 1.0)
    assert keys.holds(UUID(int=0), b"")


def test_the_keys_read_last_are_the_ones_kept() -> None:
    """Past a most of 100, the key read last is held and the first one read is not."""
    keys = HeldKeys(60.0, most=100)
    for number in range(101):
        keys.put(UUID(int=number), KEY, 1.0)
    assert (keys.get(UUID(int=100), 2.0), keys.get(UUID(int=0), 2.0)) == (KEY, None)
