"""Growing a seeded borough to millions of events quickly: copies of its stories under new people.

The first borough is imported for real (``BulkImport``: parsed, checked against the story's
rules, sealed, chained). Each copy of a story gets a new person id and, if it had one, a new
valid NHS number with its own claim; its events keep their types, times, providers and data.
Events that hold a sealed value (names, free text) have it opened and sealed again under the
new person's key, so every copy reads back as the original does; the other events' stored
bytes do not depend on the person and are reused as they are. A page's keys are read (and the
new people's made) in one statement each. Every copy goes in through the ledger's ``COPY``
path (write lock, hash chain, notification).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.persistence import OperationalError, StoredEvent

from commands import Ledger
from commands.sealed_fields import STORY_PREFIX
from commands.sealing import seal, unseal
from ledger.claims import NhsNumberClaim
from ledger.identity import SEALED_FIELDS, reseal
from simulation.identities import check_digit

PAGE = 20_000
LOCK_ATTEMPTS = 5  # a page waits for the write lock up to five lock timeouts
COPY_BASE = 800_000_000  # nine-digit bases below the simulation's (900000000 and up)
MARKER = b'"sealed"'  # in a stored state only if some value in it is sealed


def copy_numbers(head: int = 0) -> Iterator[str]:
    """Valid NHS numbers the simulated borough never issues, none issued by an earlier growth:
    a growth to ``head`` events uses fewer than ``head`` bases, so the next starts above them."""
    for base in itertools.count(COPY_BASE + 2 * head):
        check = check_digit(str(base))
        if check is not None:
            yield f"{base}{check}"


class Replicator:
    """Appends copies of the stories at log positions 1..``head`` until ``target`` events are stored."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.head = int(ledger.recorder.max_notification_id() or 0)
        self.numbers = copy_numbers(self.head)
        self.keys: dict[UUID, bytes | None] = {}

    def grow(self, target: int) -> int:
        """Copy the first ``head`` positions again and again until ``target``; answers the head."""
        stored = self.head
        while stored < target:
            new_ids: dict[UUID, UUID] = {}
            position = 0
            while position < self.head and stored < target:
                page = self.ledger.recorder.select_notifications(
                    position, min(PAGE, target - stored), stop=self.head, inclusive_of_start=False)
                if not page:
                    break
                position = page[-1].id
                people = [n.originator_id for n in page if n.originator_id not in new_ids
                          and n.topic.startswith(STORY_PREFIX)]
                new_ids.update((old, uuid4()) for old in people)
                self._keys(page, people, new_ids)
                events = [e for n in page for e in self._copies(n, new_ids)]
                self._copy(events)
                stored += len(events)
        return int(self.ledger.recorder.max_notification_id() or 0)

    def _copy(self, events: list[StoredEvent]) -> None:
        """Append a page's copies, waiting again when the write lock stays taken past the
        lock timeout (on a busy machine a writer can hold it that long; the page's transaction
        rolled back whole, so the same copies go in again, once)."""
        for attempt in itertools.count(1):
            try:
                self.ledger.log_recorder.copy_events(events)
                return
            except OperationalError as error:
                if "lock timeout" not in str(error) or attempt == LOCK_ATTEMPTS:
                    raise

    def _keys(self, page: list[Any], people: list[UUID], new_ids: dict[UUID, UUID]) -> None:
        """The keys a page's copies need: new rows for the people first met on this page, then
        the old and new keys of every person with a sealed event on it (a story can run on from
        an earlier page, its copy's key made there)."""
        keys = self.ledger.person_keys
        keys.ensure(new_ids[old] for old in people)
        sealed = {n.originator_id for n in page if MARKER in n.state
                  or n.topic == f"{STORY_PREFIX}PersonRegistered"}
        self.keys = keys.existing([*sealed, *(new_ids[old] for old in sealed if old in new_ids)])

    def _copies(self, stored: Any, new_ids: dict[UUID, UUID]) -> list[StoredEvent]:
        if not stored.topic.startswith(STORY_PREFIX):
            return []  # claims are made afresh; providers are registered once
        old, person = stored.originator_id, new_ids[stored.originator_id]
        name = stored.topic.removeprefix(STORY_PREFIX)
        if name not in SEALED_FIELDS or (name != "PersonRegistered" and MARKER not in stored.state):
            return [StoredEvent(person, stored.originator_version, stored.topic, stored.state)]
        state = json.loads(stored.state)
        old_key, new_key = self.keys.get(old), self.keys.get(person)
        assert new_key is not None, "keys are made for a page's new people before it is copied"
        claims: list[StoredEvent] = []
        if name == "PersonRegistered" and "nhs_number" in state["data"]:
            number = next(self.numbers)
            state["data"]["nhs_number"] = seal(old_key or b"", old, "nhs_number", number)
            claim = NhsNumberClaim.claim(number, person, self.ledger.claim_namespace)
            claims = [self.ledger.mapper.to_stored_event(e) for e in claim.collect_events()]

        def again(field: str, value: Any) -> Any:
            return seal(new_key, person, field, unseal(old_key, old, field, value))

        state["data"] = reseal(name, state["data"], again)
        body = json.dumps(state, separators=(",", ":"), ensure_ascii=False).encode()
        return [StoredEvent(person, stored.originator_version, stored.topic, body), *claims]
