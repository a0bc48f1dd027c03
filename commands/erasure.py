"""Crypto-shredding for the Ledger: its sealing mapper, its person keys, and erasure.

Erasure releases the person's NHS numbers (their claims then name nobody, and the number is free
for a new story), destroys the person's key (under the log's write lock, so that it falls
between two write turns: ``commands.erased_check``) and says so in the audit log. No story event is
written and no stored byte changes, so the hash chain still verifies and every figure stays as
it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Mapper

from commands.audit_log import AuditLog
from commands.key_wrapping import wrapper_of
from commands.person_keys import PersonKeys
from commands.recorder import LedgerRecorder
from commands.sealing import SealingMapper
from ledger.registration import no_story

REGISTERED_TOPIC = "ledger.PersonStory.PersonRegistered"


class IdentityErasure:
    """The Ledger's part in keeping identifying details erasable, one person at a time."""

    factory: Any
    mapper: Mapper[UUID]
    recorder: ApplicationRecorder
    construct_transcoder: Callable[[], Any]
    forget_stories: Callable[[UUID], None]

    def construct_mapper(self) -> Mapper[UUID]:
        """The sealing mapper, with the library's transcoder, cipher and compressor."""
        return self.factory.mapper(  # type: ignore[no-any-return]
            transcoder=self.construct_transcoder(), mapper_class=SealingMapper)

    def construct_recorder(self) -> Any:
        """The library's recorder, its person keys handed to the sealing mapper."""
        recorder = super().construct_recorder()  # type: ignore[misc]
        if isinstance(recorder, LedgerRecorder):
            recorder.keys.wrapper = wrapper_of(getattr(self, "env", {}))
            if isinstance(self.mapper, SealingMapper):
                self.mapper.keys = recorder.keys
            recorder.erased.heard = lambda person_id: self.forget_stories(person_id)
        return recorder

    @property
    def person_keys(self) -> PersonKeys:
        """The table of person keys."""
        assert isinstance(self.recorder, LedgerRecorder)
        return self.recorder.keys

    def erase_identity(self, person_id: UUID, audit_log: AuditLog, actor: str, role: str,
                       details: dict[str, Any] | None = None) -> int:
        """Destroy the person's key and record that in the audit log; answers its position."""
        first = self.recorder.select_events(person_id, limit=1)
        if not first or first[0].topic != REGISTERED_TOPIC:
            raise no_story(person_id)
        self.release_numbers(person_id)
        recorder = self.recorder
        assert isinstance(recorder, LedgerRecorder)
        recorder.erase_key(person_id)  # under the log's write lock
        self.forget_stories(person_id)  # every other process: commands.erasure_watch
        return audit_log.record(actor, role, "erase_identity",
                                {"person_id": str(person_id), **(details or {})})

    def release_numbers(self, person_id: UUID) -> None:
        """Release every NHS number the story has held (read while the key still opens them)."""
        ledger: Any = self
        numbers = {entry.data.get("nhs_number") for entry in ledger.story(person_id).entries}
        claims = [claim for number in numbers if isinstance(number, str)
                  if (claim := ledger.nhs_claim(number)) is not None and claim.person_id == person_id]
        for claim in claims:
            claim.release()
        if claims:
            ledger.save(*claims)
