"""The rules of catalogue v1: each guard refuses an event the story's facts do not allow."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from ledger.errors import InvalidEvent
from ledger.facts import NEW_IDS, Entry, StoryFacts, fold
from ledger.guards_person import check_author, check_withholding
from ledger.values import check_not_in_future


def check(facts: StoryFacts, entry: Entry, story: Sequence[Entry], retracted: set[int]) -> None:
    """Raise ``InvalidEvent`` unless ``entry`` may follow a story with these facts."""
    if entry.type == "PersonRegistered":
        if facts.registered or entry.version != 1:
            raise InvalidEvent("type: the person is already registered", "type")
        return
    if not facts.registered:
        raise InvalidEvent("person_id: no story starts with a registration here", "person_id")
    check_author(entry)
    _check_new_id(facts, entry)
    if entry.type == "EventRetracted":
        check_retraction(facts, entry, story, retracted)
        return
    _GUARDS.get(entry.type, _allowed)(facts, entry)


def check_time(occurred_at: datetime, now: datetime) -> None:
    """Refuse an event dated more than five minutes ahead of the ledger's clock."""
    try:
        check_not_in_future(occurred_at, now)
    except ValueError as error:
        raise InvalidEvent(f"occurred_at: {error}", "occurred_at") from None


def _allowed(facts: StoryFacts, entry: Entry) -> None:
    """Events with no rule beyond a registered story."""


def _check_new_id(facts: StoryFacts, entry: Entry) -> None:
    name = NEW_IDS.get(entry.type)
    if name is not None and (name, entry.data[name]) in facts.ids:
        raise InvalidEvent(f"data.{name}: already used in this story", f"data.{name}")


def _check_open_referral(facts: StoryFacts, entry: Entry, wanted: str = "open") -> None:
    referral = facts.referrals.get(entry.data["referral_id"])
    if referral is None:
        raise InvalidEvent("data.referral_id: no such referral in this story", "data.referral_id")
    if referral.status != wanted:
        message = f"data.referral_id: the referral is {referral.status}, not {wanted}"
        raise InvalidEvent(message, "data.referral_id")
    if entry.provider_id != referral.to_provider_id:
        message = "provider_id: only the receiving provider decides on a referral"
        raise InvalidEvent(message, "provider_id")


def _check_contact(facts: StoryFacts, entry: Entry) -> None:
    referral_id = entry.data.get("referral_id")
    if referral_id is not None and referral_id not in facts.referrals:
        raise InvalidEvent("data.referral_id: no such referral in this story", "data.referral_id")


def _check_closure(facts: StoryFacts, entry: Entry) -> None:
    _check_open_referral(facts, entry, wanted="accepted")


def _check_key_worker_ended(facts: StoryFacts, entry: Entry) -> None:
    current = (facts.key_worker_provider, facts.key_worker)
    if current != (entry.provider_id, entry.data["key_worker_staff_id"]):
        message = "data.key_worker_staff_id: not the person's current key worker at this provider"
        raise InvalidEvent(message, "data.key_worker_staff_id")


def _check_review(facts: StoryFacts, entry: Entry) -> None:
    goals = facts.plans.get(entry.data["plan_id"])
    if goals is None:
        raise InvalidEvent("data.plan_id: no such plan agreed in this story", "data.plan_id")
    if any(progress["goal_id"] not in goals for progress in entry.data["progress"]):
        raise InvalidEvent("data.progress: a goal_id is not a goal of that plan", "data.progress")


def _check_admission(facts: StoryFacts, entry: Entry) -> None:
    if facts.open_stay is not None:
        raise InvalidEvent("type: another ward stay is still open", "type")


def _check_discharge(facts: StoryFacts, entry: Entry) -> None:
    if facts.open_stay is None or facts.open_stay[0] != entry.data["stay_id"]:
        raise InvalidEvent("data.stay_id: no such open ward stay", "data.stay_id")
    if entry.occurred_at < facts.open_stay[1]:
        raise InvalidEvent("occurred_at: a discharge cannot precede its admission", "occurred_at")


def check_retraction(
    facts: StoryFacts, entry: Entry, story: Sequence[Entry], retracted: set[int]
) -> None:
    """Retract only an existing, retractable event on which no later event depends."""
    version = entry.data["version"]
    if version not in facts.retractable:
        message = f"data.version: version {version} is not an event that can be retracted"
        raise InvalidEvent(message, "data.version")
    recorder = next(e.provider_id for e in story if e.version == version)
    if recorder != entry.provider_id:
        message = f"data.version: only the provider that recorded version {version} may retract it"
        raise InvalidEvent(message, "data.version")
    remaining = [e for e in story if e.version != version and e.version not in retracted]
    try:
        replay_with_guards(remaining)
    except InvalidEvent as refusal:
        message = f"data.version: later events depend on version {version} ({refusal.message})"
        raise InvalidEvent(message, "data.version") from None


def replay_with_guards(entries: Sequence[Entry]) -> StoryFacts:
    """Fold entries, checking each against the facts before it (retractions are skipped)."""
    facts = fold(())
    for entry in entries:
        if entry.type != "EventRetracted":
            check(facts, entry, (), set())
        facts.apply(entry)
    return facts


_GUARDS: dict[str, Callable[[StoryFacts, Entry], None]] = {
    "ContactRecorded": _check_contact,
    "ReferralAccepted": _check_open_referral,
    "ReferralDeclined": _check_open_referral,
    "ReferralClosed": _check_closure,
    "KeyWorkerEnded": _check_key_worker_ended,
    "PlanReviewed": _check_review,
    "AdmittedToWard": _check_admission,
    "DischargedFromWard": _check_discharge,
    "EntryWithheldFromPerson": check_withholding,
}
