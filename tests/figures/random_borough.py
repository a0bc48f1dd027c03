"""Random valid boroughs for property tests: random actions, kept only when the guards allow them."""

from __future__ import annotations

import contextlib
import random
from datetime import UTC, datetime, timedelta
from uuid import UUID

from ledger.errors import LedgerError
from tests.figures.scribe import Scribe

START = datetime(2025, 1, 1, tzinfo=UTC)
PROVIDERS = [("hub", "community", "hub", "40.00", "0"), ("gp", "primary", "gp", "30.00", "0"),
             ("cmht", "secondary", "cmht", "100.00", "0"),
             ("rehab", "inpatient", "rehab_ward", "0", "300.00"),
             ("acute", "inpatient", "acute_ward", "0", "500.00")]
CARERS = ["hub", "gp", "cmht"]
CHANNELS = ["face_to_face", "telephone", "video", "talk_type", "email", "sms", "web_chat"]
ATTENDANCE = ["attended", "attended", "attended", "did_not_attend", "cancelled_by_person"]
DESTINATIONS = ["own_home", "supported_housing", "family", "care_home", "another_ward"]


def moment(rng: random.Random) -> str:
    """An instant in the first half of 2025, often near a London midnight or month end."""
    day = START + timedelta(days=rng.randrange(180))
    if rng.random() < 0.25:
        return (day.replace(day=1) - timedelta(minutes=30)).isoformat()
    return (day + timedelta(minutes=rng.randrange(0, 24 * 60, 30))).isoformat()


def build(scribe: Scribe, rng: random.Random, people: int, actions: int) -> None:
    """Providers, a few cost changes, then random actions on random people."""
    for provider in PROVIDERS:
        scribe.provider(*provider, when="2024-12-01T09:00")
    ids = [UUID(int=n + 1, version=4) for n in range(people)]
    for person in ids:
        scribe.person(person, "hub", "2024-12-15T10:00")
    for _ in range(actions):
        # the guards refuse some random actions; a valid borough holds only what they allow
        with contextlib.suppress(LedgerError):
            _act(scribe, rng, rng.choice(ids))


def _act(s: Scribe, rng: random.Random, person: UUID) -> None:
    n = rng.randrange(13)
    when, carer = moment(rng), rng.choice(CARERS)
    to = ["hub", "cmht", "cmht", "gp"][rng.randrange(4)]
    if n <= 1:
        s.referral(person, rng.choice(CARERS), to, when, f"r{rng.randrange(4)}")
    elif n <= 4:
        s.contact(person, carer, when, f"c{rng.randrange(10**6)}", rng.choice(CHANNELS),
                  rng.choice(ATTENDANCE))
    elif n == 5:
        _decide(s, rng, person, when)
    elif n == 6:
        s.event(person, "AssessmentRecorded", when, carer, assessment_id=f"a{rng.randrange(10**6)}",
                needs=["housing"], risk="low")
    elif n == 7:
        s.event(person, "KeyWorkerAssigned", when, carer, key_worker_staff_id=f"k{rng.randrange(3)}")
    elif n == 8:
        s.event(person, "KeyWorkerEnded", when, carer, key_worker_staff_id=f"k{rng.randrange(3)}")
    elif n == 9:
        s.event(person, "AdmittedToWard", when, rng.choice(["rehab", "acute"]),
                stay_id=f"s{rng.randrange(10**6)}", ward_type=rng.choice(["rehab", "acute"]),
                out_of_area=False)
    elif n == 10:
        _discharge(s, rng, person)
    elif n == 11:
        _decide(s, rng, person, when)
    else:
        retractable = sorted(s.ledger.story(person).facts.retractable)
        if retractable:
            s.retract(person, rng.choice(retractable), carer, when)
    if rng.random() < 0.03:
        provider = rng.choice(PROVIDERS)
        s.costs(provider[0], f"{rng.randrange(20, 120)}.{rng.randrange(100):02d}", "350.00", moment(rng))


def _decide(s: Scribe, rng: random.Random, person: UUID, when: str) -> None:
    referrals = s.ledger.story(person).facts.referrals
    if not referrals:
        return
    ref = rng.choice(sorted(referrals))
    referral = referrals[ref]
    if referral.status == "accepted":
        s.event(person, "ReferralClosed", when, referral.to_provider_id, referral_id=ref,
                reason="no_contact")
    elif rng.random() < 0.6:
        s.event(person, "ReferralAccepted", when, referral.to_provider_id, referral_id=ref)
    else:
        s.event(person, "ReferralDeclined", when, referral.to_provider_id, referral_id=ref, reason="no")


def _discharge(s: Scribe, rng: random.Random, person: UUID) -> None:
    facts = s.ledger.story(person).facts
    if facts.open_stay is None:
        return
    stay_id, admitted = facts.open_stay
    when = admitted + timedelta(days=rng.randrange(0, 60), hours=rng.randrange(24))
    s.event(person, "DischargedFromWard", min(when, datetime.now(UTC)).isoformat(), "rehab",
            stay_id=stay_id, destination=rng.choice(DESTINATIONS))
