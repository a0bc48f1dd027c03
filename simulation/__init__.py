"""A simulated borough's care journeys, streamed in the ledger's NDJSON import format."""

from __future__ import annotations

from simulation.parameters import BoroughParameters
from simulation.stream import DEFAULT_PEOPLE, simulate

__all__ = ["DEFAULT_PEOPLE", "BoroughParameters", "simulate"]
