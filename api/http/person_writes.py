"""A person adding to their own story: a note or a self-assessment, as provider ``self``.

The token's story only: another id answers as an unknown story (404), before anything else is
looked at. Any other event type is refused (403, nothing written). An append that loses a race
with another writer is retried on the fresh story (with ``If-Match``, the retry answers 412).
The entry is recorded with provider ``self`` and the token's id as the staff id; its free text is
sealed like all free text.
"""

from __future__ import annotations

from uuid import UUID

from api.http.appending import ATTEMPTS
from api.http.request_bodies import AppendBody
from api.http.tokens import Caller
from commands import Ledger, Receipt
from commands.person_writes import append_own
from ledger.catalogue import Occurrence
from ledger.errors import ConcurrentWrite, InvalidEvent, NotPermitted
from ledger.event_lines import occurrence_of
from ledger.payloads_person import PERSON_EVENT_TYPES, SELF
from ledger.registration import no_story
from ledger.retrying import jittered, retrying


def append_as_person(person_id: UUID, body: AppendBody, caller: Caller, ledger: Ledger,
                     expected: int | None, idempotency_key: str | None) -> Receipt:
    """Append the person's own entries to their own story, all or nothing."""
    if caller.person_id != person_id:
        raise no_story(person_id)
    events = body.sent()
    prefixes = [""] if body.events is None else [f"events.{i}." for i in range(len(events))]
    occurrences: list[Occurrence] = []
    for event, prefix in zip(events, prefixes, strict=True):
        if event.type not in PERSON_EVENT_TYPES:
            raise NotPermitted(f"{prefix}type: a person adds only "
                               f"{' or '.join(PERSON_EVENT_TYPES)} to their story", f"{prefix}type")
        try:
            occurrences.append(occurrence_of(event.type, event.occurred_at, SELF,
                                             caller.token_id or caller.staff_id, event.data))
        except InvalidEvent as error:
            raise InvalidEvent(prefix + error.message, prefix + error.field) from None
    return retrying(lambda: append_own(ledger, person_id, occurrences, expected, idempotency_key),
                    ConcurrentWrite, ATTEMPTS, jittered(0.005))  # as staff appends: a lost race retried
