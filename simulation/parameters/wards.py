"""Wards and IPSA: admissions, lengths of stay, where people go on discharge, support after it."""

from __future__ import annotations

from dataclasses import dataclass, field


def _destinations_before() -> dict[str, float]:
    return {"supported_housing": 0.35, "care_home": 0.3, "own_home": 0.15, "family": 0.1,
            "other": 0.1}


def _destinations_ipsa() -> dict[str, float]:
    return {"supported_housing": 0.6, "own_home": 0.27, "family": 0.13}


@dataclass(frozen=True)
class WardParameters:
    """Rehabilitation and acute stays, and the IPSA moves out of rehab after the switch.

    `opening_rehab_inpatients` (reference scale) are on the rehab ward when the ledger starts,
    admitted up to `opening_stay_days` ago. Before the switch a rehab stay ends after a mean of
    `rehab_months_before`; once IPSA opens, its teams move people out after a mean of
    `ipsa_months` and support them in the community for `ipsa_support_months`.
    """

    opening_rehab_inpatients: float = 90.0
    opening_stay_days: tuple[int, int] = (30, 1100)
    rehab_months_before: float = 36.0
    ipsa_months: float = 4.0
    destinations_before: dict[str, float] = field(default_factory=_destinations_before)
    destinations_ipsa: dict[str, float] = field(default_factory=_destinations_ipsa)
    acute_stay_days: float = 26.0
    acute_to_rehab: float = 0.12
    readmission_before: float = 0.2
    readmission_ipsa: float = 0.07
    ipsa_support_months: float = 6.0
    ipsa_gap_days: tuple[int, int] = (7, 14)
