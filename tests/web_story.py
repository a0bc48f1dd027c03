"""Stories the story-page tests build in the web borough over HTTP, as its staff would record them.

Each person gets a fresh NHS number; ``story_link`` opens ``/story`` signed in as a role.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

import httpx
from web_borough import token

from ledger.values import nhs_check_digit

TEAM = "cmht-1"
KEY_WORKER_STAFF = "key_worker-web"  # the staff id web_borough.token gives a key worker


def headers(role: str, provider: str) -> dict[str, str]:
    """A role's bearer header at a provider."""
    return {"Authorization": f"Bearer {token(role, provider)}"}


def fresh_nhs_number() -> str:
    """A valid NHS number no simulated person is likely to hold."""
    while True:
        first_nine = f"{random.randrange(10**8, 10**9):09d}"
        check = nhs_check_digit(first_nine)
        if check is not None:
            return first_nine + str(check)


def at(day: str) -> str:
    """An instant in August 2025: ``"17"`` or ``"17T14:30"``."""
    date, _, time = day.partition("T")
    return f"2025-08-{date}T{time or '10:00'}:00+01:00"


class Writer:
    """Appends to one person's story as a provider's staff member."""

    def __init__(self, base: str, person_id: str) -> None:
        self.base, self.person_id = base, person_id

    def append(self, provider: str, type_: str, day: str, **data: Any) -> int:
        """Appends an event; answers the story's version after it."""
        body = {"type": type_, "occurred_at": at(day), "data": data}
        answer = httpx.post(f"{self.base}/people/{self.person_id}/events",
                            headers=headers("provider", provider), json=body)
        assert answer.status_code == 201, answer.text
        return int(answer.json()["version"])

    def contact(self, provider: str, day: str, **more: Any) -> int:
        """An attended telephone review."""
        return self.append(provider, "ContactRecorded", day, contact_id=f"c-{uuid.uuid4().hex[:8]}",
                           channel="telephone", attendance="attended", purpose="review",
                           duration_minutes=30, **more)


def register(base: str, given: str, family: str, provider: str = "hub") -> Writer:
    """Registers a person at a provider; answers a writer for their story."""
    body = {"occurred_at": at("01"), "data": {"given_name": given, "family_name": family,
                                              "birth_date": "1984-05-09", "nhs_number": fresh_nhs_number()}}
    answer = httpx.post(f"{base}/people", headers=headers("provider", provider), json=body)
    assert answer.status_code == 201, answer.text
    return Writer(base, str(answer.json()["person_id"]))


def key_worked(base: str) -> Writer:
    """Referred by the Hub to the team, accepted, key worked by the web key worker, a plan agreed,
    and two contacts: the 17 August one written up after the 18 August one (late)."""
    story = register(base, "Grace", "Okafor")
    story.append("hub", "ReferralMade", "02", referral_id="r-1", to_provider_id=TEAM,
                 priority="urgent", source="hub", needs=["mental_health", "housing"])
    story.append(TEAM, "ReferralAccepted", "03", referral_id="r-1")
    story.append(TEAM, "KeyWorkerAssigned", "04", key_worker_staff_id=KEY_WORKER_STAFF)
    story.append(TEAM, "PlanAgreed", "05", plan_id="p-1", strengths=["keeps an allotment"],
                 goals=[{"goal_id": "g-1", "domain": "housing", "description": "a secure tenancy"}])
    story.contact(TEAM, "18", summary="Talked about the tenancy")
    story.contact(TEAM, "17", summary="Missed call returned")
    return story


def waiting_for_the_team(base: str) -> tuple[Writer, str]:
    """A GP practice's referral to the team, undecided; answers the story and the referral id."""
    story = register(base, "Tomasz", "Nowak", provider="gp-1")
    story.append("gp-1", "ReferralMade", "10", referral_id="r-gp", to_provider_id=TEAM,
                 priority="routine", source="gp", needs=["mental_health"])
    return story, "r-gp"


def story_link(base: str, role: str, provider: str, person_id: str, query: str = "") -> str:
    """The story page for a person, signed in as ``role`` at ``provider``."""
    return f"{base}/story?person={person_id}{query}#token={token(role, provider)}"


def summary(base: str, person_id: str, provider: str = TEAM) -> dict[str, Any]:
    """The summary as the team reads it over the API."""
    answer = httpx.get(f"{base}/people/{person_id}/summary", headers=headers("provider", provider))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())
