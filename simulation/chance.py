"""The borough's one random stream, with quick draws for the simulator's busiest paths."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class Chance(random.Random):
    """A seeded random stream; `below`, `between` and `pick` are quicker than their stdlib kin."""

    def below(self, bound: int) -> int:
        """A whole number from 0 up to, not including, `bound`."""
        return int(self.random() * bound)

    def between(self, low: int, high: int) -> int:
        """A whole number from `low` to `high`, both included."""
        return low + int(self.random() * (high - low + 1))

    def pick(self, options: Sequence[T]) -> T:
        """One of the options, each as likely."""
        return options[int(self.random() * len(options))]

    def geometric(self, mean: float) -> int:
        """A count (0, 1, 2, ...) where each further one is as likely as the mean implies."""
        if mean <= 0:
            return 0
        return int(math.log(1.0 - self.random()) / math.log(mean / (1.0 + mean)))
