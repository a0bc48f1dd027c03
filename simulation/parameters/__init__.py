"""Every mechanism parameter of the simulated borough, gathered in one `BoroughParameters`."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulation.parameters.arrivals import ROUTES, ArrivalParameters
from simulation.parameters.pathways import NetworkService, PathwayParameters
from simulation.parameters.providers import ProviderSpec, default_providers
from simulation.parameters.recording import RecordingParameters
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
