"""The shape of a story's summary as the API answers it (``GET /people/{person_id}/summary``).

Everything a person reads is in words (``*_name`` for providers, ``*_words`` for codes); the codes
and ids stay beside them for the pages' forms (a review names its plan's goals, a discharge its
stay, a decision its referral).
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel


class Person(BaseModel):
    """Who the story is about (``null`` fields once their details are erased)."""

    given_name: str | None
    family_name: str | None
    nhs_number: str | None
    birth_date: str | None
    postcode: str | None


class KeyWorker(BaseModel):
    """The current key worker: a staff id at the provider that assigned them."""

    staff_id: str
    provider_id: str
    provider_name: str
    since: datetime


class Goal(BaseModel):
    """A plan goal with its latest reviewed status."""

    goal_id: str
    domain: str
    domain_words: str
    description: str | None
    status: str
    status_words: str


class Plan(BaseModel):
    """The person's current plan: the newest agreed (by when it was agreed)."""

    plan_id: str
    agreed_at: datetime
    provider_name: str
    strengths: list[str] | None
    goals: list[Goal]
    reviewed_at: datetime | None


class OpenReferral(BaseModel):
    """A referral neither declined nor closed, and how long it has waited (or waited till seen)."""

    referral_id: str
    from_provider_id: str
    from_provider_name: str
    to_provider_id: str
    to_provider_name: str
    priority: str
    priority_words: str
    needs_words: str
    received_at: datetime
    accepted: bool
    seen_on: date | None
    days_waited: int


class WardStay(BaseModel):
    """The open ward stay."""

    stay_id: str
    ward_type: str
    ward_words: str
    out_of_area: bool
    admitted_at: datetime
    provider_name: str
    days: int


class TimelineEntry(BaseModel):
    """One entry in the order things happened; ``late`` when recorded after a later-dated entry."""

    version: int
    type: str
    heading: str
    words: str
    occurred_at: datetime
    recorded_at: datetime
    provider_id: str
    provider_name: str
    staff_id: str
    late: bool
    retracted: bool
    retracts: int | None


class RecentRead(BaseModel):
    """One read of the story, newest first."""

    at: datetime
    role: str
    provider_name: str | None
    staff_id: str
    outcome: str
    break_glass: bool
    reason: str | None


class SummaryAnswer(BaseModel):
    """A story's summary, its timeline by occurrence and (for whoever may see them) recent reads."""

    person_id: UUID
    version: int
    on: date
    person: Person
    key_worker: KeyWorker | None
    plan: Plan | None
    open_referrals: list[OpenReferral]
    ward_stay: WardStay | None
    timeline: list[TimelineEntry]
    recent_reads: list[RecentRead] | None
