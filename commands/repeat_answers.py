"""Answering a repeat as the first request was answered: the Ledger's idempotency plumbing
(mixed into ``commands.Ledger``; the rule itself is in ``commands.idempotency``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from commands.erased_writes import erased_among
from commands.idempotency import KeyedRequest, keyed_request, repeat_of
from commands.receipts import Receipt
from ledger.claims import IdempotencyRecord
from ledger.errors import LedgerError


class RepeatAnswers:
    """Finding the key's record, and answering a repeat with the first answer."""

    repository: Any
    recorder: Any
    request_secret: str

    @contextmanager
    def _repeat_if_answered(self, request: KeyedRequest) -> Iterator[list[Receipt]]:
        """Decide and save; if refused meanwhile because a copy of this request landed first
        (same idempotency key, between our check and our decision), answer as that copy did."""
        answered: list[Receipt] = []
        try:
            yield answered
        except LedgerError:
            if (earlier := self._earlier_answer(request)) is None:
                raise
            answered[:] = [self._repeat(earlier)]

    def _idempotency(
        self, scope: str, key: str | None, route: str, person_id: UUID | None, body: Any
    ) -> KeyedRequest:
        return keyed_request(self.request_secret, scope, key, route, person_id, body)

    def _earlier_answer(self, request: KeyedRequest) -> Receipt | None:
        """The answer first given under the request's key, or None when the key is new; refused
        when the key answered another request (``commands.idempotency.repeat_of``)."""
        if request.key is None:
            return None
        try:
            record: object = self.repository.get(request.key)
        except AggregateNotFoundError:
            return None
        assert isinstance(record, IdempotencyRecord)
        return repeat_of(record, request, self._erased(Receipt.from_answer(record.answer).person_id))

    def _erased(self, person_id: UUID | None) -> bool:
        keys = getattr(getattr(self, "mapper", None), "keys", None)  # the sealing mapper's
        return person_id is not None and keys is not None and bool(erased_among(keys, [person_id]))

    def _repeat(self, answer: Receipt) -> Receipt:
        position = self.recorder.max_notification_id() or 0
        return Receipt(answer.person_id, answer.version, position, repeated=True)
