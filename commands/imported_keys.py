"""The idempotency keys of an import batch's lines, decided with the batch instead of line by line.

A line with a key is fingerprinted as ``Ledger.register_person`` or ``Ledger.append`` would
fingerprint it (the route, the person and the whole validated event), so a line imported in a
batch and the same line sent alone (an import's fallback, or a repeat) meet as the same request.
A key answered before (stored, or earlier in the batch) with the same fingerprint makes the line a
repeat; with another fingerprint the line is refused. A new key's record is saved with the batch's
events, in its transaction: the line and its key land together or not at all.
"""

from __future__ import annotations

import hmac
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent

from commands.application import Ledger
from commands.receipts import Receipt
from ledger.claims import IdempotencyRecord
from ledger.errors import IdempotencyKeyReused
from ledger.event_lines import ParsedLine, occurrence_of

ANSWERED = IdempotencyRecord.Answered.TOPIC


class BatchKeys:
    """Each keyed line's key and fingerprint, the fingerprints already answered, the new records."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.of_line: dict[int, tuple[UUID, str]] = {}
        self.answered: dict[UUID, str] = {}
        self.records: list[IdempotencyRecord] = []

    def read(self, batch: list[tuple[int, ParsedLine]]) -> set[UUID]:
        """Fingerprint the keyed lines; answers the keys' stream ids, to look up."""
        for number, parsed in batch:
            if parsed.idempotency_key is not None and parsed.person_id is not None:
                self.of_line[number] = self._fingerprint(parsed)
        return {key for key, _ in self.of_line.values()}

    def found(self, rows: list[Any]) -> None:
        """Keep the fingerprints of the records among rows of the log."""
        for row in rows:
            if row["topic"] == ANSWERED:
                stored = StoredEvent(row["originator_id"], row["originator_version"], row["topic"],
                                     bytes(row["state"]))
                record: Any = Mapper.to_domain_event(self.ledger.mapper, stored)
                self.answered[row["originator_id"]] = record.fingerprint

    def repeated(self, number: int) -> bool:
        """Whether the line's key was answered before; refused if for a different line."""
        if number not in self.of_line:
            return False
        key, digest = self.of_line[number]
        earlier = self.answered.get(key)
        if earlier is None:
            return False
        if not hmac.compare_digest(earlier, digest):
            raise IdempotencyKeyReused(
                "Idempotency-Key: already used for a different request", "Idempotency-Key")
        return True

    def answer(self, number: int, person_id: UUID, version: int) -> None:
        """Record the answer to a keyed line that was decided (saved with the batch)."""
        if number in self.of_line:
            key, digest = self.of_line[number]
            answer = Receipt(person_id, version, 0).as_answer()  # a repeat answers the log's head
            self.records.append(IdempotencyRecord.answered(key, digest, answer))
            self.answered[key] = digest

    def _fingerprint(self, parsed: ParsedLine) -> tuple[UUID, str]:
        checked = parsed.occurrence  # rebuilt from a worker's text: validated whole again here
        occurrence = occurrence_of(checked.type, checked.occurred_at, checked.provider_id,
                                   checked.staff_id, checked.data())
        body: Any = occurrence
        route = "register"
        if occurrence.type != "PersonRegistered":
            route, body = "append", {"expected_version": None, "events": [occurrence]}
        key, digest = self.ledger._idempotency(occurrence.provider_id, parsed.idempotency_key,
                                               route, parsed.person_id, body)
        assert key is not None
        return key, digest
