"""Answering a repeat as the first request was answered: the Ledger's idempotency plumbing
(mixed into ``commands.Ledger``; the rule itself is in ``commands.idempotency``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from commands.idempotency import earlier_answer, fingerprint
from commands.receipts import Receipt
from ledger.claims import idempotency_key_id
from ledger.errors import LedgerError


class RepeatAnswers:
    """Finding the key's record, and answering a repeat with the first answer."""

    repository: Any
    recorder: Any
    request_secret: str

    @contextmanager
    def _repeat_if_answered(self, key: UUID | None, digest: str) -> Iterator[list[Receipt]]:
        """Decide and save; if refused meanwhile because a copy of this request landed first
        (same idempotency key, between our check and our decision), answer as that copy did."""
        answered: list[Receipt] = []
        try:
            yield answered
        except LedgerError:
            if (earlier := earlier_answer(self.repository, key, digest)) is None:
                raise
            answered[:] = [self._repeat(earlier)]

    def _idempotency(
        self, scope: str, key: str | None, route: str, person_id: UUID | None, body: Any
    ) -> tuple[UUID | None, str]:
        if key is None:
            return None, ""
        return idempotency_key_id(scope, key), fingerprint(self.request_secret, route, person_id, body)

    def _repeat(self, answer: Receipt) -> Receipt:
        position = self.recorder.max_notification_id() or 0
        return Receipt(answer.person_id, answer.version, position, repeated=True)
