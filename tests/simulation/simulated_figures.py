"""A plain-Python oracle for the headline figures, computed from import lines per domain.md."""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DIRECT = {"face_to_face", "telephone", "video", "talk_type"}
HOME_MOVES = {"own_home", "supported_housing", "family"}
ANSWERS = {"ReferralAccepted", "ReferralDeclined"}
Event = dict[str, Any]


def london_date(instant: str) -> date:
    """The London calendar date of an ISO 8601 instant."""
    return datetime.fromisoformat(instant).astimezone(LONDON).date()


def month_of(instant: str) -> str:
    """The London calendar month (YYYY-MM) of an instant."""
    return london_date(instant).isoformat()[:7]


def attended_direct(event: Event) -> bool:
    """An attended contact by face to face, telephone, video or talk type."""
    data = event["data"]
    return bool(data["attendance"] == "attended" and data["channel"] in DIRECT)


@dataclass
class Figures:
    """Monthly figures: Hub people and cost, secondary referrals and waits, rehab moves."""

    hub_people: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    hub_cost: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    secondary_referrals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    waits: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    """Days waited by the referrals seen, by (month seen, receiving provider)."""
    rehab_moves: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    answers: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """How each secondary referral received in the month was answered, as known now."""

    def hub_cost_per_person(self, month: str) -> Decimal | None:
        """Hub cost in the month divided by the people it supported then."""
        people = len(self.hub_people.get(month, ()))
        return self.hub_cost[month] / people if people else None

    def acceptance_rate(self, months: Iterable[str]) -> float | None:
        """Secondary referrals accepted over those accepted or declined, received in the months."""
        answers = [answer for month in months for answer in self.answers.get(month, [])]
        decided = answers.count("ReferralAccepted") + answers.count("ReferralDeclined")
        return answers.count("ReferralAccepted") / decided if decided else None

    def median_wait(self, months: Iterable[str], provider: str | None = None) -> float | None:
        """The median wait of the secondary referrals seen in the months (at one provider)."""
        wanted = set(months)
        pooled = [days for (month, to), waited in self.waits.items() for days in waited
                  if month in wanted and provider in (None, to)]
        return statistics.median(pooled) if pooled else None


def stories(lines: Iterable[str]) -> tuple[dict[str, list[Event]], list[Event]]:
    """Each person's events in file order with retracted ones removed, and the provider lines."""
    people: dict[str, list[Event]] = defaultdict(list)
    providers: list[Event] = []
    for line in lines:
        event = json.loads(line)
        if "person_id" in event:
            people[event["person_id"]].append(event)
        else:
            providers.append(event)
    for person, events in people.items():
        gone = {e["data"]["version"] for e in events if e["type"] == "EventRetracted"}
        people[person] = [e for n, e in enumerate(events, 1)
                          if n not in gone and e["type"] != "EventRetracted"]
    return people, providers


def hub_unit_cost(providers: list[Event]) -> list[tuple[datetime, Decimal]]:
    """The Hub's unit cost from each change on, oldest first."""
    changes = [(datetime.fromisoformat(p["occurred_at"]), Decimal(p["data"]["unit_cost_gbp"]))
               for p in providers if p["provider_id"] == "hub"]
    return sorted(changes)


def figures(lines: Iterable[str]) -> Figures:
    """Compute the headline figures from import lines."""
    people, providers = stories(lines)
    tiers = {p["provider_id"]: p["data"]["tier"] for p in providers
             if p["type"] == "ProviderRegistered"}
    costs, result = hub_unit_cost(providers), Figures()
    for person, events in people.items():
        _person_figures(person, events, tiers, costs, result)
    return result


def _person_figures(person: str, events: list[Event], tiers: dict[str, str],
                    costs: list[tuple[datetime, Decimal]], result: Figures) -> None:
    """Add one person's contributions to the figures."""
    stays: dict[str, str] = {}
    for event in events:
        kind, data, at = event["type"], event["data"], event["occurred_at"]
        if kind == "ContactRecorded" and event["provider_id"] == "hub" and attended_direct(event):
            when = datetime.fromisoformat(at)
            result.hub_people[month_of(at)].add(person)
            result.hub_cost[month_of(at)] += [c for t, c in costs if t <= when][-1]
        elif kind == "ReferralMade" and tiers[data["to_provider_id"]] == "secondary":
            result.secondary_referrals[month_of(at)] += 1
            result.answers[month_of(at)] += [e["type"] for e in events if e["type"] in ANSWERS
                                             and e["data"]["referral_id"] == data["referral_id"]]
            _wait(event, events, result)
        elif kind == "AdmittedToWard":
            stays[data["stay_id"]] = data["ward_type"]
        elif kind == "DischargedFromWard" and stays.get(data["stay_id"]) == "rehab" \
                and data["destination"] in HOME_MOVES:
            result.rehab_moves[month_of(at)] += 1


def _wait(referral: Event, events: list[Event], result: Figures) -> None:
    """The days from a referral to its first attended direct contact, if it was seen."""
    ref, team, received = (referral["data"]["referral_id"], referral["data"]["to_provider_id"],
                           datetime.fromisoformat(referral["occurred_at"]))
    ends = [datetime.fromisoformat(e["occurred_at"]) for e in events
            if e["type"] in ("ReferralDeclined", "ReferralClosed") and e["data"]["referral_id"] == ref]
    contacts = sorted(datetime.fromisoformat(e["occurred_at"]) for e in events
                      if e["type"] == "ContactRecorded" and e["provider_id"] == team
                      and attended_direct(e))
    for seen in contacts:
        if seen >= received and all(seen < end for end in ends):
            days = (seen.astimezone(LONDON).date() - received.astimezone(LONDON).date()).days
            result.waits[seen.astimezone(LONDON).date().isoformat()[:7], team].append(days)
            return
