"""A Hypothesis strategy of random valid journeys: each step is allowed by the story so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from builders import at, event
from hypothesis import strategies as st

from ledger.catalogue import Occurrence

STEPS = ("contact", "assessment", "refer", "accept", "decline", "close", "admit", "discharge",
         "plan", "review", "assign", "end", "retract", "consent")
PROVIDERS = ("hub", "gp-1", "cmht", "rehab-ward")


@dataclass
class JourneyModel:
    """What the generator knows of the story it is writing."""

    version: int = 1
    open_referrals: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    stay: str | None = None
    plan: bool = False
    key_worker: tuple[str, str] | None = None  # (staff id, employing provider)
    contacts: list[tuple[int, str]] = field(default_factory=list)  # (version, recorder)
    serial: int = 0

    def next_id(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial}"


def _step(model: JourneyModel, kind: str, day: float, who: str) -> Occurrence | None:
    when = at(day)
    if kind == "contact":
        model.contacts.append((model.version + 1, who))
        return event("ContactRecorded", {"contact_id": model.next_id("c"), "channel": "video",
                     "attendance": "attended", "purpose": "review", "duration_minutes": 15}, who, when)
    if kind == "assessment":
        return event("AssessmentRecorded", {"assessment_id": model.next_id("a"), "needs": ["debt"],
                     "risk": "low"}, who, when)
    if kind == "refer":
        referral_id = model.next_id("r")
        model.open_referrals.append(referral_id)
        return event("ReferralMade", {"referral_id": referral_id, "to_provider_id": "cmht",
                     "priority": "urgent", "source": "hub", "needs": ["housing"]}, who, when)
    if kind in ("accept", "decline") and model.open_referrals:
        referral_id = model.open_referrals.pop(0)
        if kind == "accept":
            model.accepted.append(referral_id)
            return event("ReferralAccepted", {"referral_id": referral_id}, "cmht", when)
        return event("ReferralDeclined", {"referral_id": referral_id, "reason": "signposted"},
                     "cmht", when)
    if kind == "close" and model.accepted:
        return event("ReferralClosed", {"referral_id": model.accepted.pop(0),
                     "reason": "treatment_complete"}, "cmht", when)
    return _care_step(model, kind, when, who)


def _care_step(model: JourneyModel, kind: str, when: Any, who: str) -> Occurrence | None:
    if kind == "admit" and model.stay is None:
        model.stay = model.next_id("st")
        return event("AdmittedToWard", {"stay_id": model.stay, "ward_type": "rehab",
                     "out_of_area": False}, "rehab-ward", when)
    if kind == "discharge" and model.stay is not None:
        stay, model.stay = model.stay, None
        return event("DischargedFromWard", {"stay_id": stay, "destination": "family"},
                     "rehab-ward", when)
    if kind == "plan":
        model.plan = True
        return event("PlanAgreed", {"plan_id": model.next_id("p"), "goals": [
            {"goal_id": "g-1", "domain": "isolation", "description": "join a group"}]}, who, when)
    if kind == "assign":
        model.key_worker = (model.next_id("kw"), who)
        return event("KeyWorkerAssigned", {"key_worker_staff_id": model.key_worker[0]}, who, when)
    if kind == "end" and model.key_worker is not None:
        (ended, employer), model.key_worker = model.key_worker, None
        return event("KeyWorkerEnded", {"key_worker_staff_id": ended}, employer, when)
    if kind == "retract" and model.contacts:
        version, recorder = model.contacts.pop()
        return event("EventRetracted", {"version": version, "reason": "error"}, recorder, when)
    if kind == "consent":
        return event("ConsentRecorded", {"scope": "share_with_network", "given": True}, who, when)
    return None


@st.composite
def journeys(draw: st.DrawFn) -> list[Occurrence]:
    """The events after a registration of one random, valid journey."""
    model, events, day = JourneyModel(), [], 0.0
    for kind in draw(st.lists(st.sampled_from(STEPS), max_size=25)):
        day += draw(st.floats(min_value=0, max_value=40, allow_nan=False))
        occurrence = _step(model, kind, day, draw(st.sampled_from(PROVIDERS[:2])))
        if occurrence is not None:
            events.append(occurrence)
            model.version += 1
    return events
