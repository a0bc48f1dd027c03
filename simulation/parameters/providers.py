"""The simulated borough's provider directory: who delivers care, in which tier, at what unit cost."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ProviderSpec:
    """One provider as the administrator registers it, with the size of its staff team."""

    provider_id: str
    name: str
    tier: str
    service: str
    unit_cost_gbp: Decimal
    bed_day_cost_gbp: Decimal = Decimal("0")
    staff: int = 10


def _gp(number: int) -> ProviderSpec:
    """A general practice in the borough."""
    return ProviderSpec(
        f"gp-{number}", f"Lambeth Practice {number}", "primary", "gp", Decimal("39.00"), staff=6
    )


def default_providers(practices: int = 8) -> tuple[ProviderSpec, ...]:
    """The default directory: the Hub, practices, the Network, secondary teams, wards and IPSA."""
    spec = ProviderSpec
    return (
        spec("hub", "Living Well Hub", "community", "hub", Decimal("49.00"), staff=24),
        *(_gp(n) for n in range(1, practices + 1)),
        spec("housing-1", "Network: Housing Advice", "community", "housing", Decimal("32.00")),
        spec("debt-1", "Network: Debt Advice", "community", "debt", Decimal("30.00")),
        spec("employment-1", "Network: Employment Support", "community", "employment",
             Decimal("34.00")),
        spec("benefits-1", "Network: Welfare Benefits", "community", "benefits", Decimal("29.00")),
        spec("peer-1", "Network: Peer Support", "community", "peer_support", Decimal("22.00")),
        spec("cmht-1", "Community Mental Health Team", "secondary", "cmht", Decimal("148.00"),
             staff=30),
        spec("home-tx", "Home Treatment Team", "secondary", "home_treatment", Decimal("176.00"),
             staff=14),
        spec("psychosis-1", "Early Intervention in Psychosis", "secondary", "psychosis",
             Decimal("162.00"), staff=12),
        spec("rehab-ward", "Rehabilitation Ward", "inpatient", "rehab_ward", Decimal("0"),
             Decimal("455.00"), staff=20),
        spec("acute-ward", "Acute Admissions Ward", "inpatient", "acute_ward", Decimal("0"),
             Decimal("520.00"), staff=30),
        spec("ipsa", "Integrated Personalised Support Alliance", "community", "supported_housing",
             Decimal("58.00"), Decimal("0"), staff=16),
    )
