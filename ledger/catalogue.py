"""Catalogue v1: every event type's name, its payload model, and the envelope of an event line."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictStr

from ledger import payloads as person
from ledger import payloads_care as care
from ledger import payloads_person as own
from ledger.payloads import Payload
from ledger.values import Identifier, Instant, Money, Name
from ledger.vocabulary import Service, Tier

M = TypeVar("M", bound=BaseModel)


def _money_from_text(value: Any) -> Any:
    """Money travels as a decimal string, never a binary float."""
    if isinstance(value, float):
        raise ValueError("money is a decimal string such as \"38.00\"")
    return value


_FIELD_NAMES: dict[type[BaseModel], frozenset[str]] = {}  # each model's field names, read once


def assembled(cls: type[M], fields: dict[str, Any]) -> M:
    """A model from fields known valid, as pydantic's ``model_construct`` leaves it (without its
    per-field bookkeeping: an import builds two per line)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:  # ``cls.model_fields`` is a slow (deprecated-instance) property per read
        names = _FIELD_NAMES[cls] = frozenset(cls.model_fields)
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", fields)
    object.__setattr__(model, "__pydantic_fields_set__", names.intersection(fields))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


MoneyText = Annotated[Money, BeforeValidator(_money_from_text)]


class ProviderRegistered(Payload):
    """A provider joins the directory with its unit costs."""

    name: Name
    tier: Tier
    service: Service
    unit_cost_gbp: MoneyText = Decimal("0")
    bed_day_cost_gbp: MoneyText = Decimal("0")


class ProviderCostsChanged(Payload):
    """New unit costs in force from the event's ``occurred_at``."""

    unit_cost_gbp: MoneyText
    bed_day_cost_gbp: MoneyText


PERSON_EVENTS: dict[str, type[Payload]] = {
    "PersonRegistered": person.PersonRegistered,
    "DetailsUpdated": person.DetailsUpdated,
    "ConsentRecorded": person.ConsentRecorded,
    "ContactRecorded": person.ContactRecorded,
    "AssessmentRecorded": person.AssessmentRecorded,
    "ReferralMade": care.ReferralMade,
    "ReferralAccepted": care.ReferralAccepted,
    "ReferralDeclined": care.ReferralDeclined,
    "ReferralClosed": care.ReferralClosed,
    "KeyWorkerAssigned": care.KeyWorkerAssigned,
    "KeyWorkerEnded": care.KeyWorkerEnded,
    "PlanAgreed": care.PlanAgreed,
    "PlanReviewed": care.PlanReviewed,
    "AdmittedToWard": care.AdmittedToWard,
    "DischargedFromWard": care.DischargedFromWard,
    "EventRetracted": care.EventRetracted,
    "RelationshipClaimed": care.RelationshipClaimed,
    "PersonNoteAdded": own.PersonNoteAdded,
    "SelfAssessmentSubmitted": own.SelfAssessmentSubmitted,
    "EntryWithheldFromPerson": own.EntryWithheldFromPerson,
}
PROVIDER_EVENTS: dict[str, type[Payload]] = {
    "ProviderRegistered": ProviderRegistered,
    "ProviderCostsChanged": ProviderCostsChanged,
}


class Occurrence(BaseModel):
    """Who recorded what, and when it happened: the envelope around every event's data."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: StrictStr
    occurred_at: Instant
    provider_id: Identifier
    staff_id: Identifier
    payload: Payload

    @classmethod
    def checked(cls, type_: str, occurred_at: datetime, provider_id: str, staff_id: str,
                data: dict[str, Any]) -> Occurrence:
        """An occurrence validated already (by an import's worker process), rebuilt from its
        ``data()`` without validating it again. Only ``data()`` stands for its payload."""
        return assembled(cls, {"type": type_, "occurred_at": occurred_at, "provider_id": provider_id,
                               "staff_id": staff_id, "_data": data})  # ``_data``: as if cached

    def data(self) -> dict[str, Any]:
        """The payload as stored and shown: JSON natives, absent optional fields left out."""
        return self._data

    @cached_property
    def _data(self) -> dict[str, Any]:
        return payload_data(self.payload)


def payload_data(payload: Payload) -> dict[str, Any]:
    """A payload as stored and shown (``Occurrence.data``)."""
    return payload.model_dump(mode="json", exclude_none=True)
