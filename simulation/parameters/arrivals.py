"""How people first arrive: by route or channel, by weekday and by hour of the London day."""

from __future__ import annotations

from dataclasses import dataclass, field

ROUTES = ("gp", "walk_in", "phone", "email", "web", "crisis", "rehab")
"""Ways in: a GP appointment, the Hub's four open-access channels, a crisis (police, A&E), or a
transfer into the local rehab ward from a placement elsewhere."""

Weekdays = tuple[float, float, float, float, float, float, float]


def _hours(*spans: tuple[int, int, float]) -> tuple[float, ...]:
    """Twenty-four hourly weights from (first hour, end hour, weight) spans; other hours weigh 0."""
    weights = [0.0] * 24
    for first, end, weight in spans:
        for hour in range(first, end):
            weights[hour] = weight
    return tuple(weights)


def _before() -> dict[str, float]:
    return {"gp": 400.0, "crisis": 20.0, "rehab": 5.0}


def _after() -> dict[str, float]:
    return {"gp": 300.0, "walk_in": 65.0, "phone": 75.0, "email": 15.0, "web": 25.0,
            "crisis": 20.0, "rehab": 5.0}


def _weekdays() -> dict[str, Weekdays]:
    return {
        "gp": (1.25, 1.1, 1.0, 1.0, 0.95, 0.0, 0.0),
        "walk_in": (1.2, 1.05, 1.0, 1.0, 0.9, 0.35, 0.0),
        "phone": (1.2, 1.05, 1.0, 1.0, 0.95, 0.5, 0.4),
        "email": (1.1, 1.0, 1.0, 1.0, 0.95, 0.7, 0.8),
        "web": (1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 1.0),
        "crisis": (1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 1.1),
        "rehab": (1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0),
    }


def _hour_weights() -> dict[str, tuple[float, ...]]:
    return {
        "gp": _hours((8, 12, 1.0), (12, 14, 0.5), (14, 18, 0.9)),
        "walk_in": _hours((9, 12, 1.0), (12, 14, 1.2), (14, 17, 0.8)),
        "phone": _hours((8, 10, 1.3), (10, 17, 1.0), (17, 21, 0.5)),
        "email": _hours((0, 7, 0.15), (7, 18, 1.0), (18, 24, 0.6)),
        "web": _hours((0, 7, 0.3), (7, 18, 0.8), (18, 24, 1.0)),
        "crisis": _hours((0, 8, 0.7), (8, 17, 0.8), (17, 24, 1.2)),
        "rehab": _hours((10, 16, 1.0)),
    }


@dataclass(frozen=True)
class ArrivalParameters:
    """Arrival rates by route before and after the switch, and their weekly and daily rhythm.

    `monthly_before` and `monthly_after` are people per month at the reference scale, by route;
    the Hub's channels (walk_in, phone, email, web) exist only after the switch, when open
    access also reaches people who never went to their GP. A run of a given number of people
    scales every rate (and every capacity) alike. Weekday weights run Monday to Sunday and are
    relative to the week's mean; hour weights cover the 24 London hours.
    """

    monthly_before: dict[str, float] = field(default_factory=_before)
    monthly_after: dict[str, float] = field(default_factory=_after)
    weekday_weights: dict[str, Weekdays] = field(default_factory=_weekdays)
    hour_weights: dict[str, tuple[float, ...]] = field(default_factory=_hour_weights)
