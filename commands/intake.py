"""The intake application: the Hub's self-referrals, each its own sealed stream, apart from the
ledger's log, with the alert outbox and the front door's request counts beside its events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, Mapper

from commands.configured import ConfiguredApplication
from commands.intake_mapper import IntakeMapper
from commands.intake_recorder import INTAKE_RECORDER_TOPIC, IntakeRecorder
from commands.log_side_table import every_event
from commands.sealing import ledger_keys
from ledger.errors import ConcurrentWrite, UnknownPerson
from ledger.intake import SelfReferral, new_reference, stream_of
from ledger.self_referral import SelfReferralDetails

NOT_AWAITING = "reference: no self-referral awaits confirmation under this reference"


@dataclass(frozen=True)
class AwaitingReferral:
    """A self-referral awaiting confirmation: its reference, when, how urgent, and what it says."""

    reference: str
    received_at: datetime
    urgent: bool
    details: SelfReferralDetails | None  # None once its key is destroyed


class Intake(ConfiguredApplication):
    """The Hub's intake of self-referrals."""

    name = "intake"
    env: ClassVar[dict[str, str]] = {"APPLICATION_RECORDER_TOPIC": INTAKE_RECORDER_TOPIC}

    def construct_mapper(self) -> Mapper[UUID]:
        """The sealing mapper, with the library's transcoder."""
        return self.factory.mapper(transcoder=self.construct_transcoder(), mapper_class=IntakeMapper)

    def construct_recorder(self) -> Any:
        """The intake's recorder; the mapper seals with the ledger's key table."""
        recorder = super().construct_recorder()
        if isinstance(self.mapper, IntakeMapper):
            self.mapper.keys = ledger_keys(recorder, self.env)
        return recorder

    @property
    def intake_recorder(self) -> IntakeRecorder:
        """The recorder, with its outbox and request counts."""
        assert isinstance(self.recorder, IntakeRecorder)
        return self.recorder

    def receive(self, details: SelfReferralDetails) -> str:
        """Take a request into the intake; answers its reference."""
        for _ in range(5):  # a reference already used (one in a billion) gets another
            reference = new_reference()
            request = SelfReferral.receive(reference, details.in_crisis, details.referrer,
                                           details.model_dump(mode="json", exclude_none=True))
            try:
                self.save(request)
            except IntegrityError:
                continue
            return reference
        raise ConcurrentWrite("reference: no free reference; try again", "reference")

    def awaiting(self) -> list[AwaitingReferral]:
        """Every request not yet confirmed: urgent first, then oldest first (from the awaiting
        table, ``commands.intake_awaiting``: the cost of what awaits, not of the intake's past)."""
        events = (self.mapper.to_domain_event(e) for e in self.intake_recorder.awaiting.first_events())
        return [_awaiting(event) for event in events if isinstance(event, SelfReferral.Received)]

    def awaiting_in_log(self) -> list[AwaitingReferral]:
        """The same, by replaying the intake's whole log: the check of the table."""
        found: dict[UUID, AwaitingReferral] = {}
        for event in every_event(self):
            if isinstance(event, SelfReferral.Received):
                found[event.originator_id] = _awaiting(event)
            elif isinstance(event, SelfReferral.Confirmed):
                found.pop(event.originator_id, None)
        return sorted(found.values(), key=lambda r: (not r.urgent, r.received_at, r.reference))

    def request(self, reference: str) -> SelfReferral:
        """The request under a reference while it awaits confirmation; else 404."""
        try:
            request: object = self.repository.get(stream_of(reference))
        except AggregateNotFoundError:
            raise UnknownPerson(NOT_AWAITING, "reference") from None
        if not isinstance(request, SelfReferral) or request.person_id is not None:
            raise UnknownPerson(NOT_AWAITING, "reference")
        return request

    def confirm(self, request: SelfReferral, person_id: UUID, how: str, provider_id: str,
                staff_id: str) -> None:
        """Record that the request was confirmed into a story, then destroy the intake's copy of
        its details (its key): they are in the story now, so erasing the person erases them."""
        request.confirm(person_id, how, provider_id, staff_id)
        try:
            self.save(request)
        except IntegrityError:
            raise ConcurrentWrite("reference: confirmed by someone else just now", "reference") from None
        if isinstance(self.mapper, IntakeMapper) and self.mapper.keys is not None:
            self.mapper.keys.erase(request.id)  # the details live on in the story, sealed there


def details_of(request: SelfReferral) -> SelfReferralDetails | None:
    """The request's details, or None once its key is destroyed."""
    return None if request.details is None else SelfReferralDetails.model_validate(request.details)


def _awaiting(event: SelfReferral.Received) -> AwaitingReferral:
    details = None if event.details is None else SelfReferralDetails.model_validate(event.details)
    return AwaitingReferral(event.reference, event.timestamp, event.urgent, details)
