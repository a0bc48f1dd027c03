"""Who goes where: needs, referral and decline rates, and how the Network resolves social needs."""

from __future__ import annotations

from dataclasses import dataclass, field

ByRisk = dict[str, float]
"""A probability for each level of risk: low, medium, high."""


@dataclass(frozen=True)
class NetworkService:
    """A Network provider resolving one trigger of ill health: how likely, in how many sessions."""

    provider_id: str
    resolve_probability: float
    sessions_mean: float
    gap_days: tuple[int, int]


def _risk() -> ByRisk:
    return {"low": 0.5, "medium": 0.35, "high": 0.15}


def _social_needs() -> dict[str, float]:
    return {"housing": 0.32, "debt": 0.22, "benefits": 0.26, "employment": 0.2,
            "isolation": 0.3, "physical_health": 0.15, "substance_use": 0.1, "caring": 0.08}


def _network() -> dict[str, NetworkService]:
    return {
        "housing": NetworkService("housing-1", 0.55, 3.0, (5, 12)),
        "debt": NetworkService("debt-1", 0.7, 2.5, (5, 10)),
        "benefits": NetworkService("benefits-1", 0.75, 2.0, (3, 8)),
        "employment": NetworkService("employment-1", 0.5, 4.0, (5, 10)),
        "isolation": NetworkService("peer-1", 0.65, 4.0, (4, 7)),
    }


def _by_risk(low: float, medium: float, high: float) -> ByRisk:
    return {"low": low, "medium": medium, "high": high}


@dataclass(frozen=True)
class PathwayParameters:
    """Mechanism rates along the care pathway; probabilities per person unless stated."""

    risk_shares: ByRisk = field(default_factory=_risk)
    social_needs: dict[str, float] = field(default_factory=_social_needs)
    gp_refers_secondary_before: ByRisk = field(default_factory=lambda: _by_risk(0.3, 0.55, 0.9))
    gp_refers_secondary_after: ByRisk = field(default_factory=lambda: _by_risk(0.08, 0.15, 0.6))
    gp_refers_hub_after: ByRisk = field(default_factory=lambda: _by_risk(0.5, 0.75, 0.45))
    hub_refers_secondary: ByRisk = field(default_factory=lambda: _by_risk(0.06, 0.3, 0.85))
    urgent_when_high_risk: float = 0.35
    psychosis_share: float = 0.15
    """Share of routine secondary referrals that go to early intervention in psychosis."""
    triage_decline: ByRisk = field(default_factory=lambda: _by_risk(0.3, 0.08, 0.02))
    assessment_accept: ByRisk = field(default_factory=lambda: _by_risk(0.35, 0.78, 0.95))
    decline_reversal: float = 0.03
    """Share of declines after assessment that are retracted on appeal and then accepted."""
    gp_review: float = 0.5
    hub_sessions_mean: float = 2.0
    """Mean Hub sessions after the first one (geometric)."""
    hub_gap_days: tuple[int, int] = (3, 6)
    complex_needs: int = 2
    """Social needs from which the Hub gives a key worker and a shared plan (or any high risk)."""
    network_referral: float = 0.7
    network: dict[str, NetworkService] = field(default_factory=_network)
    crisis_contact_rate: float = 0.06
    waiting_list_review: float = 0.7
    """Share of people waiting for secondary care whom the Hub takes on when it opens."""
    crisis_admission_before: float = 0.45
    crisis_admission_after: float = 0.25
    home_treatment_visits_mean: float = 5.0
    crisis_to_cmht_before: float = 0.35
    crisis_to_cmht_after: float = 0.15
    crisis_to_hub_after: float = 0.5
    treatment_contacts_mean: float = 6.0
    treatment_gap_days: tuple[int, int] = (10, 21)
    treatment_admission: ByRisk = field(default_factory=lambda: _by_risk(0.0, 0.02, 0.08))
