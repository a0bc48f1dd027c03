"""The idempotency keys of an import batch's lines, decided with the batch instead of line by line.

A line with a key is fingerprinted as ``Ledger.register_person`` or ``Ledger.append`` would
fingerprint it (the route, the person and the whole validated event), so a line imported in a
batch and the same line sent alone (an import's fallback, or a repeat) meet as the same request.
A key answered before (stored, or earlier in the batch) with the same fingerprint makes the line a
repeat; with another fingerprint the line is refused; once the person was erased, as a request
sent alone is answered (``commands.idempotency.repeat_of``). A new key's record is saved with the
batch's events, in its transaction: the line and its key land together or not at all.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from commands.application import Ledger
from commands.idempotency import KeyedRequest, repeat_of
from commands.receipts import Receipt
from ledger.claims import IdempotencyRecord
from ledger.event_lines import ParsedLine, occurrence_of

ANSWERED = IdempotencyRecord.Answered.TOPIC


class BatchKeys:
    """Each keyed line's key and fingerprint, the fingerprints already answered, the new records."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.of_line: dict[int, KeyedRequest] = {}
        self.answered: dict[UUID, Any] = {}  # each key's first record, stored or of this batch
        self.records: list[IdempotencyRecord] = []

    def read(self, batch: list[tuple[int, ParsedLine]]) -> set[UUID]:
        """Fingerprint the keyed lines; answers the keys' stream ids, to look up."""
        for number, parsed in batch:
            if parsed.idempotency_key is not None and parsed.person_id is not None:
                self.of_line[number] = self._fingerprint(parsed)
        return {request.key for request in self.of_line.values() if request.key is not None}

    def found(self, rows: list[Any]) -> None:
        """Keep the fingerprints of the records among rows of the log."""
        for row in rows:
            if row["topic"] == ANSWERED:
                stored = StoredEvent(row["originator_id"], row["originator_version"], row["topic"],
                                     bytes(row["state"]))
                event: Any = self.ledger.mapper.to_domain_event(stored)  # its fingerprint opened
                self.answered[row["originator_id"]] = event.mutate(None)

    def repeated(self, number: int, erased: bool) -> bool:
        """Whether the line's key was answered before (``erased``: the line's person was);
        refused if for a different line."""
        if number not in self.of_line:
            return False
        request = self.of_line[number]
        earlier = self.answered.get(request.key) if request.key is not None else None
        if earlier is None:
            return False
        repeat_of(earlier, request, erased)
        return True

    def answer(self, number: int, person_id: UUID, version: int) -> None:
        """Record the answer to a keyed line that was decided (saved with the batch)."""
        if number in self.of_line:
            request = self.of_line[number]
            assert request.key is not None
            answer = Receipt(person_id, version, 0).as_answer()  # a repeat answers the log's head
            record = IdempotencyRecord.answered(request.key, request.fingerprint, answer,
                                                request.outline)
            self.records.append(record)
            self.answered[request.key] = record

    def _fingerprint(self, parsed: ParsedLine) -> KeyedRequest:
        checked = parsed.occurrence  # rebuilt from a worker's text: validated whole again here
        occurrence = occurrence_of(checked.type, checked.occurred_at, checked.provider_id,
                                   checked.staff_id, checked.data())
        body: Any = occurrence
        route = "register"
        if occurrence.type != "PersonRegistered":
            route, body = "append", {"expected_version": None, "events": [occurrence]}
        return self.ledger._idempotency(occurrence.provider_id, parsed.idempotency_key,
                                        route, parsed.person_id, body)
