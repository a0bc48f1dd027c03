"""What a story establishes so far, folded from its entries that are not retracted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

NEW_IDS = {
    "ContactRecorded": "contact_id",
    "AssessmentRecorded": "assessment_id",
    "ReferralMade": "referral_id",
    "PlanAgreed": "plan_id",
    "AdmittedToWard": "stay_id",
    "SelfAssessmentSubmitted": "self_assessment_id",
}


@dataclass(frozen=True)
class Entry:
    """One event of a story as the guards and the readers see it."""

    version: int
    type: str
    occurred_at: datetime
    recorded_at: datetime
    provider_id: str
    staff_id: str
    data: dict[str, Any]


def entry_of(event: Any) -> Entry:
    """The entry a stored story event stands for (its timestamp is when it was recorded)."""
    return Entry(
        version=event.originator_version, type=type(event).NAME, occurred_at=event.occurred_at,
        recorded_at=event.timestamp, provider_id=event.provider_id, staff_id=event.staff_id,
        data=event.data,
    )


@dataclass
class Referral:
    """Where a referral stands: open, accepted, declined or closed."""

    to_provider_id: str
    status: str = "open"


@dataclass
class StoryFacts:
    """The state the guards consult: referrals, plans, the open stay, the key worker, ids used."""

    registered: bool = False
    nhs_number: str | None = None
    ids: set[tuple[str, str]] = field(default_factory=set)
    referrals: dict[str, Referral] = field(default_factory=dict)
    plans: dict[str, frozenset[str]] = field(default_factory=dict)
    open_stay: tuple[str, datetime] | None = None
    key_worker: str | None = None
    key_worker_provider: str | None = None  # staff ids mean something only with their provider
    retractable: set[int] = field(default_factory=set)
    recorded: dict[int, tuple[str, str]] = field(default_factory=dict)  # version: type, provider
    withheld: set[int] = field(default_factory=set)  # versions withheld from the person's view

    def apply(self, entry: Entry) -> None:
        """Fold one admitted entry into the facts."""
        if entry.type in NEW_IDS:
            name = NEW_IDS[entry.type]
            self.ids.add((name, entry.data[name]))
        if entry.version > 1 and entry.type != "EventRetracted":
            self.retractable.add(entry.version)
        self.recorded[entry.version] = (entry.type, entry.provider_id)
        _APPLY.get(entry.type, _nothing)(self, entry)


def fold(entries: Iterable[Entry]) -> StoryFacts:
    """The facts established by entries, in order."""
    facts = StoryFacts()
    for entry in entries:
        facts.apply(entry)
    return facts


def _nothing(facts: StoryFacts, entry: Entry) -> None:
    """Events that change no fact the guards consult."""


def _registered(facts: StoryFacts, entry: Entry) -> None:
    facts.registered = True
    facts.nhs_number = entry.data.get("nhs_number")


def _details(facts: StoryFacts, entry: Entry) -> None:
    facts.nhs_number = entry.data.get("nhs_number", facts.nhs_number)


def _referral_made(facts: StoryFacts, entry: Entry) -> None:
    facts.referrals[entry.data["referral_id"]] = Referral(entry.data["to_provider_id"])


def _referral_status(status: str) -> Callable[[StoryFacts, Entry], None]:
    def settle(facts: StoryFacts, entry: Entry) -> None:
        facts.referrals[entry.data["referral_id"]].status = status

    return settle


def _plan_agreed(facts: StoryFacts, entry: Entry) -> None:
    goals = frozenset(goal["goal_id"] for goal in entry.data["goals"])
    facts.plans[entry.data["plan_id"]] = goals


def _admitted(facts: StoryFacts, entry: Entry) -> None:
    facts.open_stay = (entry.data["stay_id"], entry.occurred_at)


def _discharged(facts: StoryFacts, entry: Entry) -> None:
    facts.open_stay = None


def _key_worker_assigned(facts: StoryFacts, entry: Entry) -> None:
    facts.key_worker = entry.data["key_worker_staff_id"]
    facts.key_worker_provider = entry.provider_id


def _key_worker_ended(facts: StoryFacts, entry: Entry) -> None:
    facts.key_worker = None
    facts.key_worker_provider = None


def _retracted(facts: StoryFacts, entry: Entry) -> None:
    facts.retractable.discard(entry.data["version"])


_APPLY: dict[str, Callable[[StoryFacts, Entry], None]] = {
    "PersonRegistered": _registered,
    "DetailsUpdated": _details,
    "ReferralMade": _referral_made,
    "ReferralAccepted": _referral_status("accepted"),
    "ReferralDeclined": _referral_status("declined"),
    "ReferralClosed": _referral_status("closed"),
    "PlanAgreed": _plan_agreed,
    "AdmittedToWard": _admitted,
    "DischargedFromWard": _discharged,
    "KeyWorkerAssigned": _key_worker_assigned,
    "KeyWorkerEnded": _key_worker_ended,
    "EventRetracted": _retracted,
    "EntryWithheldFromPerson": lambda facts, entry: facts.withheld.add(entry.data["version"]),
}
