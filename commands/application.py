"""The Ledger application: every write to a story or the directory is load, decide, save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar
from uuid import UUID, uuid4

from eventsourcing.persistence import IntegrityError

from commands.configured import ConfiguredApplication
from commands.directory import DirectoryLookups, claim_namespace
from commands.erased_writes import refuse_if_lost
from commands.erasure import IdentityErasure
from commands.idempotency import KeyedRequest
from commands.provider_writes import ProviderWrites
from commands.receipts import Receipt
from commands.recent_stories import StoriesInMemory
from commands.recorder import RECORDER_TOPIC, LedgerRecorder
from commands.relationship_claims import RelationshipClaims
from commands.repeat_answers import RepeatAnswers
from commands.write_access import check_may_write
from ledger.catalogue import Occurrence
from ledger.claims import IdempotencyRecord
from ledger.errors import ConcurrentWrite, StoryMovedOn
from ledger.story import PersonStory

Aggregate = Any  # the library's aggregates share no nominal base type worth naming here


def utc_now() -> datetime:
    """The ledger's clock: when an event is recorded."""
    return datetime.now(UTC)


class Ledger(ProviderWrites, RepeatAnswers, RelationshipClaims, IdentityErasure, DirectoryLookups,
             StoriesInMemory, ConfiguredApplication):
    """Every person's story and the provider directory, on one append-only log."""

    name = "ledger"
    env: ClassVar[dict[str, str]] = {"APPLICATION_RECORDER_TOPIC": RECORDER_TOPIC}

    def __init__(self, env: dict[str, str] | None = None, clock: Callable[[], datetime] = utc_now):
        super().__init__(env)
        self.clock = clock
        self.known_providers = set()
        self.services = {}
        self.claim_namespace = claim_namespace(self.env.get("LEDGER_IDENTITY_KEY"))
        self.request_secret = self.env.get("LEDGER_IDENTITY_KEY") or ""
        self.keep_recent_stories(self.env)

    @property
    def log_recorder(self) -> LedgerRecorder:
        """The recorder of the log, with its ``COPY`` path for imports."""
        assert isinstance(self.recorder, LedgerRecorder)
        return self.recorder

    def register_person(
        self, person_id: UUID | None, occurrence: Occurrence, idempotency_key: str | None = None
    ) -> Receipt:
        """Start a person's story; one story per NHS number (until that story is erased).

        With no ``person_id`` the ledger chooses one (after looking for an earlier answer, so a
        repeat sent with the same idempotency key answers the story the first one started).
        """
        keyed = self._idempotency(
            occurrence.provider_id, idempotency_key, "register", person_id, occurrence)
        if (answer := self._earlier_answer(keyed)) is not None:
            return self._repeat(answer)
        person_id = person_id or uuid4()
        with self._repeat_if_answered(keyed) as answered:
            self.check_registration(person_id, occurrence)
            story = PersonStory.register(person_id, occurrence, self.clock())
            claims = self.claims_for(person_id, occurrence)
            conflict = lambda: self.registration_conflict(person_id, occurrence)  # noqa: E731
            answered.append(self._save([story, *claims], story, keyed, conflict))
        return answered[0]

    def append(
        self, person_id: UUID, occurrences: Sequence[Occurrence],
        expected_version: int | None = None, idempotency_key: str | None = None,
        migrating: bool = False,
    ) -> Receipt:
        """Append events to a story, all or nothing, if the story is where the caller saw it.

        The recording provider needs a care relationship (``commands.write_access``), unless an
        operator is ``migrating`` records, as ``ledger import`` does: no route ever passes it.
        """
        request = {"expected_version": expected_version, "events": list(occurrences)}
        keyed = self._idempotency(
            occurrences[0].provider_id, idempotency_key, "append", person_id, request)
        if (answer := self._earlier_answer(keyed)) is not None:
            return self._repeat(answer)
        with self._repeat_if_answered(keyed) as answered:
            service = self.service_of(occurrences[0].provider_id)  # 403 if not in the directory
            story, mark = self.story_to_append(person_id, expected_version)
            entries_before = len(story.entries)
            if not migrating:  # before If-Match says anything about the story
                check_may_write(story, occurrences[0], self.clock(), service)
            if expected_version is not None and story.version != expected_version:
                message = f"If-Match: the story is at version {story.version}, not {expected_version}"
                raise StoryMovedOn(message, "If-Match")
            refuse_if_lost(self.mapper.keys, person_id, occurrences)  # type: ignore[attr-defined]
            claims: list[Aggregate] = []
            for occurrence in occurrences:
                self.check_providers(occurrence)
                if not migrating:
                    check_may_write(story, occurrence, self.clock(), service)
                story.record(occurrence, self.clock())
                claims.extend(self.claims_for(person_id, occurrence))
            answered.append(self._save([story, *claims], story, keyed, self._concurrent_write))
        if not answered[0].repeated:
            self.keep_appended(story, entries_before, mark)
        return answered[0]

    def _save(
        self, aggregates: list[Aggregate], story: PersonStory | None, keyed: KeyedRequest,
        conflict: Callable[[], Exception],
    ) -> Receipt:
        person_id = story.id if story is not None else None
        version = story.version if story is not None else aggregates[0].version
        answer = Receipt(person_id, version, 0).as_answer()
        if keyed.key is not None:
            aggregates.append(IdempotencyRecord.answered(keyed.key, keyed.fingerprint, answer,
                                                         keyed.outline))
        pending = [event for aggregate in aggregates for event in aggregate.pending_events]
        try:
            recordings = self.save(*aggregates)
        except IntegrityError:
            if (earlier := self._earlier_answer(keyed)) is not None:
                return self._repeat(earlier)
            if self._already_stored(pending):
                return Receipt(person_id, version, self.recorder.max_notification_id() or 0)
            raise conflict() from None
        return Receipt(person_id, version, recordings[-1].notification.id)

    def _already_stored(self, pending: list[Any]) -> bool:
        """Whether exactly these events are stored: our own commit, whose answer was lost
        (the library's retry of a dropped connection then meets them as a conflict)."""
        for event in pending:
            version = event.originator_version
            stored = self.recorder.select_events(event.originator_id, gt=version - 1, lte=version)
            if not stored or self.mapper.to_domain_event(stored[0]) != event:
                return False
        return True

    def _concurrent_write(self) -> Exception:
        return ConcurrentWrite("version: another writer appended to this story first", "version")
