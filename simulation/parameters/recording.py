"""How staff record what happened: late entries, entries made in error, identifying details."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class RecordingParameters:
    """Recording habits that shape the log but not the care.

    A share `late_entry_rate` of contacts and assessments is written up 1 to `late_days` days
    after it happened. A share `retraction_rate` of contacts is entered twice by mistake and the
    duplicate retracted within `retraction_days`. Every April unit costs rise by `cost_uplift`.
    """

    late_entry_rate: float = 0.04
    late_days: int = 7
    retraction_rate: float = 0.01
    retraction_days: int = 5
    nhs_number_known: float = 0.96
    postcode_known: float = 0.88
    consent_given: float = 0.93
    cost_uplift: Decimal = Decimal("0.02")
