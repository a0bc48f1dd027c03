"""`simulate`: a simulated borough streamed as import lines, the same lines for the same arguments."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

from simulation.arrivals import ArrivalCalendar, arrivals
from simulation.borough import Borough
from simulation.clock import MINUTES_PER_DAY, LondonClock, add_months, day_number
from simulation.directory import cost_uplifts, registrations
from simulation.opening import SECONDARY_TEAMS, opening_caseload, opening_size
from simulation.parameters import BoroughParameters
from simulation.waiting_lists import WaitingList

DEFAULT_PEOPLE = 11_500
"""People in the default two-year borough: about 470 a month supported by the Hub once open."""


def simulate(people: int, months: int, seed: int, start: str = "2024-01",
             switch_month: int | None = None,
             params: BoroughParameters | None = None, keyed: bool = False) -> Iterator[str]:
    """Yield NDJSON lines (each a complete JSON object, no trailing newline) in the import format.

    `people` people come forward over `months` months from `start` (YYYY-MM); the Hub, the
    Network and IPSA open `switch_month` months in (half way by default). The lines are the
    same, byte for byte, for the same arguments. With ``keyed`` each line carries its
    ``idempotency_key`` (see ``keyed_lines``), so a file imported twice adds nothing the second time.
    """
    lines = recorded_lines(people, months, seed, start, switch_month, params)
    return (line for _, line in (keyed_lines(lines, seed) if keyed else lines))


def keyed_lines(lines: Iterator[tuple[int, str]], seed: int) -> Iterator[tuple[int, str]]:
    """Each line with a stable ``idempotency_key``: ``sim-<seed>-<place>``, its place in the
    stream counted from 1, so the same simulation gives the same keys (and a shorter run, or
    one stopped ``until`` a date, the same keys for the lines it shares)."""
    for place, (minute, line) in enumerate(lines, start=1):
        yield minute, f'{line[:-1]}, "idempotency_key": "sim-{seed}-{place}"}}'



def recorded_lines(people: int, months: int, seed: int, start: str = "2024-01",
                   switch_month: int | None = None, params: BoroughParameters | None = None,
                   until: date | None = None) -> Iterator[tuple[int, str]]:
    """``simulate``'s lines, each with the instant it was recorded at (minutes since the epoch).

    With ``until`` (a London date, today at the latest) the borough stops at that date's first
    minute: nothing happens or is recorded from then on, even within the months asked for.
    """
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", start):
        raise ValueError("start must be YYYY-MM")
    if people < 0 or months < 1:
        raise ValueError("people must be at least 0 and months at least 1")
    switch = months // 2 if switch_month is None else switch_month
    if not 0 <= switch <= months:
        raise ValueError("switch_month must lie within the months simulated")
    year, month = int(start[:4]), int(start[5:])
    days = tuple(day_number(*add_months(year, month, n)) for n in (0, switch, months))
    if until is not None:
        last = (until - date(1970, 1, 1)).days
        if LondonClock().at(last, 0) * 60 > time.time():  # its first minute, London time
            raise ValueError("until must not be later than today")
        days = (days[0], days[1], min(days[2], last))
    elif (days[2] + 14) * MINUTES_PER_DAY * 60 > time.time():
        raise ValueError("the simulated months must end at least two weeks ago")
    params = params or BoroughParameters()
    calendar = ArrivalCalendar(params.arrivals, days[1])
    scale = people / (calendar.expected(days[0], days[2]) + opening_size(params))
    borough = Borough(params, seed, (days[0], days[1], days[2]), scale)
    if until is not None:
        borough.last_release = borough.end  # nothing recorded after the end
    return _stream(borough, people, calendar, (days[0], days[2]), (year, month))


def with_recorded_at(lines: Iterator[tuple[int, str]]) -> Iterator[str]:
    """Each line with its recording time added as ``recorded_at`` (UTC, ISO 8601)."""
    for minute, line in lines:
        when = datetime.fromtimestamp(minute * 60, UTC).isoformat()
        yield f'{line[:-1]}, "recorded_at": "{when}"}}'


def _stream(borough: Borough, people: int, calendar: ArrivalCalendar, days: tuple[int, int],
            start: tuple[int, int]) -> Iterator[tuple[int, str]]:
    """Register the providers (on 1 January, before the longest opening stay began), open the
    borough, and run it."""
    years_back = 1 + borough.params.wards.opening_stay_days[1] // 365
    registered = borough.clock.at(day_number(start[0] - years_back, 1), 540)
    yield from ((registered, line) for line in registrations(borough, registered))
    for provider, team in borough.params.teams.items():
        borough.lists[provider] = WaitingList(borough, team)
        borough.begin(borough.lists[provider].work(), borough.start)
    already = opening_caseload(borough, people)
    borough.begin(arrivals(borough, people - already, calendar, *days), borough.start)
    borough.begin(cost_uplifts(borough, *start), borough.start)
    borough.call_at(borough.switch, lambda: _switch(borough))
    yield from borough.run()


def _switch(borough: Borough) -> None:
    """The Hub opens and reviews the secondary teams' waiting lists."""
    for team in SECONDARY_TEAMS:
        borough.lists[team].review(borough.params.pathways.waiting_list_review)
