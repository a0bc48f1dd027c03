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
