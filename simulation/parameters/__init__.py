"""Every mechanism parameter of the simulated borough, gathered in one `BoroughParameters`."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from simulation.parameters.arrivals import ROUTES, ArrivalParameters
from simulation.parameters.pathways import NetworkService, PathwayParameters
from simulation.parameters.providers import ProviderSpec, default_providers
from simulation.parameters.teams import TeamParameters, default_teams
from simulation.parameters.wards import WardParameters

__all__ = [
    "ROUTES",
    "ArrivalParameters",
    "BoroughParameters",
    "NetworkService",
    "PathwayParameters",
    "ProviderSpec",
    "RecordingParameters",
    "TeamParameters",
    "WardParameters",
]


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


@dataclass(frozen=True)
class BoroughParameters:
    """The mechanisms of a simulated borough; figures are never parameters, only what they rest on.

    Rates, capacities and opening caseloads are given at the reference scale; a run asking for
    more or fewer people than the reference borough would see in its months scales them alike.
    """

    arrivals: ArrivalParameters = field(default_factory=ArrivalParameters)
    pathways: PathwayParameters = field(default_factory=PathwayParameters)
    teams: dict[str, TeamParameters] = field(default_factory=default_teams)
    wards: WardParameters = field(default_factory=WardParameters)
    recording: RecordingParameters = field(default_factory=RecordingParameters)
    providers: tuple[ProviderSpec, ...] = field(default_factory=default_providers)
