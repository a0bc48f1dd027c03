"""Arrivals: exactly the requested number of people, spread over the days by route, weekday, hour."""

from __future__ import annotations

from itertools import accumulate

from simulation import crisis, hub, primary_care, wards
from simulation.borough import Borough, Journey
from simulation.clock import weekday
from simulation.parameters import ArrivalParameters

DAYS_PER_MONTH = 365.25 / 12


def _start(borough: Borough, route: str) -> Journey:
    """The journey a route begins."""
    if route == "gp":
        return primary_care.presentation(borough)
    if route == "crisis":
        return crisis.presentation(borough)
    if route == "rehab":
        return wards.transfer_in(borough)
    return hub.self_referral(borough, route)


class ArrivalCalendar:
    """Each day's expected arrivals at the reference scale, and the routes people take."""

    def __init__(self, params: ArrivalParameters, switch_day: int) -> None:
        self._switch_day = switch_day
        week = params.weekday_weights
        means = {route: sum(week[route]) / 7 for route in week}
        self._routes: dict[tuple[bool, int], tuple[tuple[str, ...], tuple[float, ...]]] = {}
        for opened, monthly in ((False, params.monthly_before), (True, params.monthly_after)):
            for day in range(7):
                routes = tuple(route for route in monthly if monthly[route] > 0)
                weights = [monthly[r] * week[r][day] / means[r] / DAYS_PER_MONTH for r in routes]
                self._routes[opened, day] = routes, tuple(accumulate(weights))
        self.hours = {route: tuple(accumulate(hours)) for route, hours in params.hour_weights.items()}

    def _key(self, day: int) -> tuple[bool, int]:
        return day >= self._switch_day, weekday(day)

    def weight(self, day: int) -> float:
        """People expected to arrive on a day at the reference scale."""
        return self._routes[self._key(day)][1][-1]

    def expected(self, first_day: int, end_day: int) -> float:
        """People expected to arrive over a run of days at the reference scale."""
        return sum(self.weight(day) for day in range(first_day, end_day))

    def routes(self, day: int) -> tuple[tuple[str, ...], tuple[float, ...]]:
        """The routes open on a day with their cumulative weights."""
        return self._routes[self._key(day)]


def arrivals(borough: Borough, people: int, calendar: ArrivalCalendar, first_day: int,
             end_day: int) -> Journey:
    """Bring `people` people forward over the days, as sorted uniform draws on the day weights."""
    rng, clock = borough.rng, borough.clock
    total = calendar.expected(first_day, end_day)
    drawn, day, reached = 0.0, first_day, calendar.weight(first_day)
    for remaining in range(people, 0, -1):
        drawn += (total - drawn) * (1.0 - rng.random() ** (1.0 / remaining))
        while drawn > reached and day < end_day - 1:
            day += 1
            reached += calendar.weight(day)
        midnight = clock.at(day, 0)
        if midnight > borough.now:
            yield midnight
        routes, weights = calendar.routes(day)
        route = rng.choices(routes, cum_weights=weights)[0]
        hour = rng.choices(range(24), cum_weights=calendar.hours[route])[0]
        at = max(clock.at(day, hour * 60 + rng.below(60)), borough.now)
        borough.begin(_start(borough, route), at)
