"""The simulator's idempotency keys: one per line, the same for the same simulation."""

from __future__ import annotations

import json

from simulation import simulate


def keys(seed: int) -> list[str]:
    return [json.loads(line)["idempotency_key"] for line in simulate(60, 2, seed, "2025-01",
                                                                     keyed=True)]


def test_every_line_has_its_own_key() -> None:
    """No two lines share a key, provider lines included."""
    found = keys(4)
    assert len(found) == len(set(found))


def test_the_same_simulation_gives_the_same_keys() -> None:
    """Keys come from the seed and each line's place, nothing else."""
    assert keys(4) == keys(4)


def test_another_seed_gives_other_keys() -> None:
    """Two simulations with different seeds never share a key."""
    assert not set(keys(4)) & set(keys(5))


def test_keys_change_nothing_else_in_a_line() -> None:
    """A keyed line is the keyless line with its key added."""
    for keyed, plain in zip(simulate(60, 2, 4, "2025-01", keyed=True),
                            simulate(60, 2, 4, "2025-01"), strict=True):
        body = json.loads(keyed)
        body.pop("idempotency_key")
        assert body == json.loads(plain)
