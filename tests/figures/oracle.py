"""A plain-Python oracle: every figure worked out straight from the definitions, from the events.

Deliberately naive (day-by-day loops, linear scans) and sharing no code with ``projections``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/London")
DIRECT = {"face_to_face", "telephone", "video", "talk_type"}


@dataclass
class Ev:
    """One live event."""

    person: Any
    version: int
    type: str
    at: datetime
    provider: str
    data: dict[str, Any]

    @property
    def on(self) -> date:
        return self.at.astimezone(TZ).date()


class World:
    """The live events of a ledger, and the directory."""

    def __init__(self, app: Any) -> None:
        raw = [app.mapper.to_domain_event(n) for n in app.recorder.select_notifications(0, 10**7)]
        story = [e for e in raw if type(e).TOPIC.startswith("ledger.PersonStory.")]
        gone = {(e.originator_id, e.data["version"]) for e in story if type(e).NAME == "EventRetracted"}
        self.events = [Ev(e.originator_id, e.originator_version, type(e).NAME, e.occurred_at,
                          e.provider_id, e.data) for e in story
                       if (e.originator_id, e.originator_version) not in gone
                       and type(e).NAME != "EventRetracted"]
        registered = [e for e in raw if type(e).TOPIC.endswith("ProviderRegistered")]
        names = {e.originator_id: e.provider_id for e in registered}
        self.tier = {e.provider_id: e.data["tier"] for e in registered}
        self.costs = sorted(((names[e.originator_id], e.occurred_at, e.originator_version, e.data)
                            for e in raw if type(e).TOPIC.startswith("ledger.Provider.")),
                            key=lambda c: (c[0], c[1], c[2]))

    def of(self, *types: str) -> list[Ev]:
        return [e for e in self.events if e.type in types]

    def direct(self) -> list[Ev]:
        return [e for e in self.of("ContactRecorded")
                if e.data["attendance"] == "attended" and e.data["channel"] in DIRECT]

    def ended(self, r: Ev) -> Ev | None:
        ends = [e for e in self.of("ReferralDeclined", "ReferralClosed")
                if e.person == r.person and e.data["referral_id"] == r.data["referral_id"]]
        return min(ends, key=lambda e: e.at) if ends else None

    def decided(self, r: Ev, type_: str) -> bool:
        return any(e.person == r.person and e.data["referral_id"] == r.data["referral_id"]
                   for e in self.of(type_))

    def seen(self, r: Ev) -> Ev | None:
        end = self.ended(r)
        hits = [c for c in self.direct() if c.person == r.person and c.provider == r.data["to_provider_id"]
                and c.at >= r.at and (end is None or c.at < end.at)]
        return min(hits, key=lambda c: (c.at, c.version)) if hits else None

    def cost(self, provider: str, field: str, in_force: Any) -> Decimal:
        book = [c for c in self.costs if c[0] == provider]
        chosen = [c for c in book if in_force(c)]
        return Decimal((chosen[-1] if chosen else book[0])[3][field])

    def stays(self) -> list[tuple[Ev, Ev | None]]:
        out = []
        for a in self.of("AdmittedToWard"):
            ds = [d for d in self.of("DischargedFromWard")
                  if d.person == a.person and d.data["stay_id"] == a.data["stay_id"]]
            out.append((a, ds[0] if ds else None))
        return out


def median(xs: list[int]) -> Any:
    if not xs:
        return None
    xs = sorted(xs)
    n = len(xs)
    value = Fraction(xs[n // 2]) if n % 2 else Fraction(xs[n // 2 - 1] + xs[n // 2], 2)
    return int(value) if value.denominator == 1 else float(value)


def p90(xs: list[int]) -> Any:
    if not xs:
        return None
    k = -(-9 * len(xs) // 10)
    return sorted(xs)[k - 1]


def ratio(n: Any, d: Any) -> Any:
    return None if not d else float(round(Fraction(n) / Fraction(d), 4))


def pence(x: Decimal) -> str:
    return str(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]
