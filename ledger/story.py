"""A person's story: one append-only stream, one aggregate, guarded by the catalogue's rules."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.domain import AggregateCreated, AggregateEvent, BaseAggregate

from ledger.catalogue import PERSON_EVENTS, Occurrence
from ledger.errors import InvalidEvent
from ledger.facts import Entry, entry_of, fold
from ledger.guards import check, check_time


class PersonStory(BaseAggregate[UUID]):
    """Everything that happened in one person's care, told once and shared."""

    TOPIC = "ledger.PersonStory"

    class Event(AggregateEvent):
        """Base of every story event: when it happened and who recorded it."""

        TOPIC = "ledger.PersonStory.Event"
        NAME: ClassVar[str] = ""
        occurred_at: datetime
        provider_id: str
        staff_id: str
        data: dict[str, Any]

        def apply(self, aggregate: Any) -> None:
            """Add the entry to the story and fold it into the facts."""
            aggregate.admit(self)

    class PersonRegistered(AggregateCreated, Event):
        """The first event of every story (a story event like the others, and the one that
        creates the story: its ``apply`` adds it as the first entry)."""

        TOPIC = "ledger.PersonStory.PersonRegistered"
        NAME = "PersonRegistered"

    class DetailsUpdated(Event):
        TOPIC, NAME = "ledger.PersonStory.DetailsUpdated", "DetailsUpdated"

    class ConsentRecorded(Event):
        TOPIC, NAME = "ledger.PersonStory.ConsentRecorded", "ConsentRecorded"

    class ContactRecorded(Event):
        TOPIC, NAME = "ledger.PersonStory.ContactRecorded", "ContactRecorded"

    class AssessmentRecorded(Event):
        TOPIC, NAME = "ledger.PersonStory.AssessmentRecorded", "AssessmentRecorded"

    class ReferralMade(Event):
        TOPIC, NAME = "ledger.PersonStory.ReferralMade", "ReferralMade"

    class ReferralAccepted(Event):
        TOPIC, NAME = "ledger.PersonStory.ReferralAccepted", "ReferralAccepted"

    class ReferralDeclined(Event):
        TOPIC, NAME = "ledger.PersonStory.ReferralDeclined", "ReferralDeclined"

    class ReferralClosed(Event):
        TOPIC, NAME = "ledger.PersonStory.ReferralClosed", "ReferralClosed"

    class KeyWorkerAssigned(Event):
        TOPIC, NAME = "ledger.PersonStory.KeyWorkerAssigned", "KeyWorkerAssigned"

    class KeyWorkerEnded(Event):
        TOPIC, NAME = "ledger.PersonStory.KeyWorkerEnded", "KeyWorkerEnded"

    class PlanAgreed(Event):
        TOPIC, NAME = "ledger.PersonStory.PlanAgreed", "PlanAgreed"

    class PlanReviewed(Event):
        TOPIC, NAME = "ledger.PersonStory.PlanReviewed", "PlanReviewed"

    class AdmittedToWard(Event):
        TOPIC, NAME = "ledger.PersonStory.AdmittedToWard", "AdmittedToWard"

    class DischargedFromWard(Event):
        TOPIC, NAME = "ledger.PersonStory.DischargedFromWard", "DischargedFromWard"

    class RelationshipClaimed(Event):
        TOPIC, NAME = "ledger.PersonStory.RelationshipClaimed", "RelationshipClaimed"

    class PersonNoteAdded(Event):
        TOPIC, NAME = "ledger.PersonStory.PersonNoteAdded", "PersonNoteAdded"

    class SelfAssessmentSubmitted(Event):
        TOPIC, NAME = "ledger.PersonStory.SelfAssessmentSubmitted", "SelfAssessmentSubmitted"

    class EntryWithheldFromPerson(Event):
        TOPIC, NAME = "ledger.PersonStory.EntryWithheldFromPerson", "EntryWithheldFromPerson"

    class EventRetracted(Event):
        TOPIC, NAME = "ledger.PersonStory.EventRetracted", "EventRetracted"

    def __init__(self) -> None:
        """An empty story: the registration's ``apply`` then adds its first entry."""
        self.entries: list[Entry] = []
        self.retracted: set[int] = set()
        self.facts = fold(())

    @classmethod
    def register(cls, person_id: UUID, occurrence: Occurrence, now: datetime) -> PersonStory:
        """Start a person's story with their registration."""
        if occurrence.type != "PersonRegistered":
            raise InvalidEvent("type: a story starts with PersonRegistered", "type")
        check_time(occurrence.occurred_at, now)
        return cls._create(
            cls.PersonRegistered, id=person_id, occurred_at=occurrence.occurred_at,
            provider_id=occurrence.provider_id, staff_id=occurrence.staff_id,
            data=occurrence.data(),
        )

    def admit(self, event: Any) -> None:
        """Append the event's entry; a retraction refolds the facts without the retracted one."""
        entry = entry_of(event)
        self.entries.append(entry)
        if entry.type == "EventRetracted":
            self.retracted.add(entry.data["version"])
            self.facts = fold(e for e in self.entries if e.version not in self.retracted)
        else:
            self.facts.apply(entry)

    def record(self, occurrence: Occurrence, now: datetime) -> None:
        """Check an occurrence against the rules and, if allowed, append it to the story."""
        check_time(occurrence.occurred_at, now)
        candidate = Entry(
            version=self.version + 1, type=occurrence.type, occurred_at=occurrence.occurred_at,
            recorded_at=now, provider_id=occurrence.provider_id, staff_id=occurrence.staff_id,
            data=occurrence.data(),
        )
        check(self.facts, candidate, self.entries, self.retracted)
        self.trigger_event(
            EVENT_CLASSES[occurrence.type], occurred_at=candidate.occurred_at,
            provider_id=candidate.provider_id, staff_id=candidate.staff_id, data=candidate.data,
        )


EVENT_CLASSES: dict[str, type[PersonStory.Event]] = {
    cls.NAME: cls for cls in vars(PersonStory).values()
    if isinstance(cls, type) and issubclass(cls, PersonStory.Event) and cls.NAME
}
assert set(EVENT_CLASSES) == set(PERSON_EVENTS), "every catalogue type has a stored event class"
