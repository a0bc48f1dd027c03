"""Import lines saved one at a time, as the API saves them; cost changes queued on the writer.

Provider lines, and the lines of a batch that lost a race, are saved alone (``saved_alone``), each
idempotency key honoured. A ``ProviderCostsChanged`` line used to stop the import's pipeline: the
batch before it written and waited for, the change saved, only then the next batch decided. No
later line's decision depends on a provider's costs (a story's line only needs its providers
registered), so the change is now queued on the writer thread right behind the batch before it
(``QueuedCosts``) while the next batch is decided: the log holds the same events in the same
order. If that batch loses a race (``IntegrityError``) and the importer redoes it line by line,
the writer leaves the change to the importer, which saves it after the redo, so it still follows
those lines in the log.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from commands.application import Ledger
from commands.receipts import Receipt
from ledger.errors import LedgerError
from ledger.event_lines import ParsedLine, occurrence_of

Outcome = Receipt | LedgerError | None
"""The change's receipt, the reason it was refused, or None: left for the importer to save."""


def saved_alone(ledger: Ledger, parsed: ParsedLine) -> Receipt:
    """Save one line alone, as the API would (its key honoured; an import asks no care
    relationship)."""
    occurrence, key = parsed.occurrence, parsed.idempotency_key
    if key is not None:  # the key's fingerprint covers the payload, which a checked line lacks
        occurrence = occurrence_of(occurrence.type, occurrence.occurred_at,
                                   occurrence.provider_id, occurrence.staff_id, occurrence.data())
    if occurrence.type == "ProviderRegistered":
        return ledger.register_provider(occurrence, key)
    if occurrence.type == "ProviderCostsChanged":
        return ledger.change_provider_costs(occurrence, key)
    assert parsed.person_id is not None
    if occurrence.type == "PersonRegistered":
        return ledger.register_person(parsed.person_id, occurrence, key)
    return ledger.append(parsed.person_id, [occurrence], idempotency_key=key, migrating=True)


@dataclass
class QueuedChange:
    """A cost change waiting on the writer thread, with its line's number."""

    number: int
    parsed: ParsedLine
    outcome: Future[Outcome]


class QueuedCosts:
    """The cost changes queued behind the batch in flight, in the file's order."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.queued: list[QueuedChange] = []

    def queue(self, writer: ThreadPoolExecutor, number: int, parsed: ParsedLine,
              before: Future[None] | None) -> None:
        """Write the change after ``before`` (the batch in flight), unless that batch fails."""
        self.queued.append(QueuedChange(number, parsed, writer.submit(self._write, parsed, before)))

    def _write(self, parsed: ParsedLine, before: Future[None] | None) -> Outcome:
        if before is not None and before.exception() is not None:
            return None  # the importer redoes that batch first, then saves this change
        try:
            return saved_alone(self.ledger, parsed)
        except LedgerError as refusal:
            return refusal

    def settle(self, saved: Callable[[int, Receipt | LedgerError], None]) -> None:
        """Wait for every queued change, in order; each outcome goes to ``saved`` with its line's
        number, a change left by the writer saved here first."""
        queued, self.queued = self.queued, []
        for change in queued:
            outcome = change.outcome.result()
            if outcome is None:
                try:
                    outcome = saved_alone(self.ledger, change.parsed)
                except LedgerError as refusal:
                    outcome = refusal
            saved(change.number, outcome)
