"""A simulated borough's care journeys, streamed in the ledger's NDJSON import format.

`simulate(people, months, seed)` yields import lines; `BoroughParameters` holds every mechanism
behind them. Figures are never written, only the events they are computed from. The modules:

- `stream`: `simulate` itself, setting up and running a `borough`;
- `parameters`: arrivals, pathways, team capacities, wards, recording habits, providers;
- `borough`: instants, journeys resuming in order, staff, working days;
- `arrivals`: exactly `people` people spread over the days by route, weekday and hour;
- `opening`: who is already waiting for secondary care, or on the rehab ward, at the start;
- journeys: `primary_care`, `hub`, `network`, `secondary_care`, `crisis`, `wards` (with IPSA);
- `waiting_lists`: a team's list for first appointments, worked at its daily capacity;
- `people`, `identities`, `story`: who someone is and what their story holds so far;
- records: `care_records`, `referral_records`, `support_records` format each event;
- `recording`: lines leave in the order they were recorded, each story's versions counted;
- `directory`: the providers' registrations and April cost uplifts; `clock`, `chance`: time and
  the one seeded random stream.
"""

from __future__ import annotations

from simulation.parameters import BoroughParameters
from simulation.stream import DEFAULT_PEOPLE, simulate

__all__ = ["DEFAULT_PEOPLE", "BoroughParameters", "simulate"]
