"""Shared simulated boroughs for the simulation tests, generated once per session."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from simulation import simulate

SMALL: dict[str, Any] = {"people": 3000, "months": 12, "seed": 11, "switch_month": 6}
"""A small borough: six months before the Hub opens, six after."""


@pytest.fixture(scope="session")
def small_borough() -> list[str]:
    """The lines of the small borough."""
    return list(simulate(**SMALL))
