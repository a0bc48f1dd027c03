"""The ``data`` of referral, key-worker, plan, ward and retraction events in catalogue v1."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool, StrictInt

from ledger.payloads import Needs, Payload, Strengths
from ledger.values import Identifier, Text
from ledger.vocabulary import (
    ClosureReason,
    Destination,
    GoalStatus,
    Need,
    Priority,
    ReferralSource,
    WardType,
)


class ReferralMade(Payload):
    """A referral received by ``to_provider_id``; the recording provider is the sender."""

    referral_id: Identifier
    to_provider_id: Identifier
    priority: Priority
    source: ReferralSource
    needs: Needs
    reason: Text | None = None


class ReferralAccepted(Payload):
    """The receiving provider accepted an open referral."""

    referral_id: Identifier


class ReferralDeclined(Payload):
    """The receiving provider declined an open referral, perhaps signposting elsewhere."""

    referral_id: Identifier
    reason: Text
    signposted_to_provider_id: Identifier | None = None


class ReferralClosed(Payload):
    """The receiving provider closed an accepted referral."""

    referral_id: Identifier
    reason: ClosureReason


class KeyWorkerAssigned(Payload):
    """A key worker now supports the person, replacing any earlier one."""

    key_worker_staff_id: Identifier


class KeyWorkerEnded(Payload):
    """The current key worker no longer supports the person."""

    key_worker_staff_id: Identifier


class Goal(Payload):
    """One goal of a shared plan, in a domain of need."""

    goal_id: Identifier
    domain: Need
    description: Text


class PlanAgreed(Payload):
    """One shared, asset-based plan; a new one supersedes the old."""

    plan_id: Identifier
    goals: Annotated[list[Goal], Field(max_length=50)]
    strengths: Strengths = []


class GoalProgress(Payload):
    """Progress on one goal at a review."""

    goal_id: Identifier
    status: GoalStatus


class PlanReviewed(Payload):
    """A review of an agreed plan."""

    plan_id: Identifier
    progress: Annotated[list[GoalProgress], Field(max_length=50)]


class AdmittedToWard(Payload):
    """The start of a ward stay."""

    stay_id: Identifier
    ward_type: WardType
    out_of_area: StrictBool


class DischargedFromWard(Payload):
    """The end of the open ward stay."""

    stay_id: Identifier
    destination: Destination
    support_provider_id: Identifier | None = None


class RelationshipClaimed(Payload):
    """A provider at the open front door (the Hub, the person's GP) met someone who already has
    a story, proved it with their NHS number and birth date, and said why it needs the story."""

    reason: Text


class EventRetracted(Payload):
    """A correction: the named version is treated as never having happened."""

    version: Annotated[StrictInt, Field(ge=1)]
    reason: Text
