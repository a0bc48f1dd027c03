"""The ``data`` of each person event in catalogue v1, validated at every boundary."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from ledger.values import BirthDate, Email, Identifier, Name, NhsNumber, Phone, Postcode, Text
from ledger.vocabulary import Attendance, Channel, ConsentScope, Need, Purpose, Risk

Strengths = Annotated[list[Text], Field(max_length=100)]
Needs = Annotated[list[Need], Field(max_length=20)]


class Payload(BaseModel):
    """Base of every event's data: unknown fields are refused, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonRegistered(Payload):
    """The first event of a story: who the person is."""

    nhs_number: NhsNumber | None = None
    given_name: Name
    family_name: Name
    birth_date: BirthDate
    postcode: Postcode | None = None
    phone: Phone | None = None
    email: Email | None = None


class DetailsUpdated(Payload):
    """A correction or change of identifying details; only the fields given change."""

    nhs_number: NhsNumber | None = None
    given_name: Name | None = None
    family_name: Name | None = None
    birth_date: BirthDate | None = None
    postcode: Postcode | None = None
    phone: Phone | None = None
    email: Email | None = None


class ConsentRecorded(Payload):
    """The person gave or withdrew consent for a scope."""

    scope: ConsentScope
    given: StrictBool


class ContactRecorded(Payload):
    """A contact between the person and a provider, attended or not."""

    contact_id: Identifier
    referral_id: Identifier | None = None
    summary: Text | None = None
    channel: Channel
    attendance: Attendance
    purpose: Purpose
    duration_minutes: Annotated[StrictInt, Field(ge=0, le=1440)]


class AssessmentRecorded(Payload):
    """An assessment of needs, strengths and risk."""

    assessment_id: Identifier
    needs: Needs
    strengths: Strengths = []
    risk: Risk
    summary: Text | None = None
