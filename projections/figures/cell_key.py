"""Keyed draws for disclosure control: each published cell's rounding and suppression come from an
HMAC of the cell (metric, figure, month, provider) and its exact value under a deployment secret.

The draw depends on the cell and its value only, never on the rest of the question, so the same
cell always gets the same answer (no fresh noise to average away), and a cell whose value has not
changed between two ``as_of`` instants answers the same at both. Without the secret, nobody can
work out which way a value was rounded. Never Python's ``hash()``: it is salted per process.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

LABEL = b"care-journey-ledger: disclosure cell key v1"
UNIT_BITS = 64


def disclosure_secret(deployment_key: str) -> bytes:
    """The disclosure secret derived from a deployment key (the identity key, which never rotates,
    so that a cell's answer never changes), separated from the key's own use by a label."""
    return hmac.new(deployment_key.encode(), LABEL, hashlib.sha256).digest()


@dataclass(frozen=True)
class Cell:
    """One published cell: a figure of a metric in a month, for a provider or borough-wide."""

    metric: str
    figure: str
    month: str
    provider: str | None

    def named(self, figure: str) -> Cell:
        """Another figure of the same row."""
        return Cell(self.metric, figure, self.month, self.provider)


def draw(secret: bytes, purpose: str, cell: Cell, value: object) -> float:
    """A number in [0, 1) fixed by the secret, the purpose, the cell and its exact value."""
    message = "\x1f".join([purpose, cell.metric, cell.figure, cell.month,
                           cell.provider if cell.provider is not None else "\x00borough",
                           str(value)]).encode()
    digest = hmac.digest(secret, message, "sha256")  # one call in C: the same bytes as hmac.new
    return int.from_bytes(digest[: UNIT_BITS // 8], "big") / float(1 << UNIT_BITS)


def randomly_rounded(value: Decimal, base: Decimal, chance: float) -> Decimal:
    """``value`` rounded to a multiple of ``base``: up with probability equal to the distance
    from the multiple below (so unbiased), deciding with ``chance``; multiples stay as they are."""
    below = (value / base).to_integral_value(rounding=ROUND_FLOOR) * base
    share = (value - below) / base
    return below + base if Decimal(chance) < share else below
