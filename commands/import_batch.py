"""One import batch: decide every line against the stories in memory, then save them together."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent
from psycopg.sql import SQL, Composed, Identifier

from commands.application import Ledger
from commands.imported_stories import StoryCache
from commands.recent_stories import withhold
from ledger.claims import NhsNumberClaim, nhs_claim_key
from ledger.errors import LedgerError
from ledger.event_lines import ParsedLine
from ledger.registration import check_new_story, nhs_number_claim, no_story
from ledger.story import PersonStory


class ImportBatch:
    """The stories and claims a batch touches, decided in memory and saved in one transaction."""

    def __init__(self, ledger: Ledger, cache: StoryCache) -> None:
        self.ledger = ledger
        self.cache = cache
        self.now = ledger.clock()
        self.touched: dict[UUID, PersonStory] = {}
        self.claims: dict[UUID, NhsNumberClaim] = {}
        self.existing: set[UUID] = set()
        self.loaded: dict[UUID, PersonStory] = {}
        self.appended = 0
        self.rejections: list[tuple[int, str]] = []

    def apply_all(self, batch: list[tuple[int, ParsedLine]]) -> None:
        """Decide each line, keeping the rejected ones with their reasons."""
        self.read_stored(batch)
        for number, parsed in batch:
            try:
                self._apply(parsed)
                self.appended += 1
            except LedgerError as refusal:
                self.rejections.append((number, refusal.message))

    def read_stored(self, batch: list[tuple[int, ParsedLine]]) -> None:
        """Which of the batch's people and claims are stored already, and the stored stories the
        cache no longer holds (a long import's cache lets its oldest stories go)."""
        self.existing = self._existing_streams(batch)
        self.loaded = self._stories([p.person_id for _, p in batch if p.person_id in self.existing])

    def stored_events(self) -> list[StoredEvent]:
        """The batch's new events, encoded for the log; the stories stay cached as decided."""
        aggregates: list[Any] = [*self.touched.values(), *self.claims.values()]
        events = [event for aggregate in aggregates for event in aggregate.collect_events()]
        for story in self.touched.values():
            self.cache.keep(story)
        self.cache.recent_claims = {key: claim.person_id for key, claim in self.claims.items()
                                    if claim.person_id is not None}
        self.ledger.person_keys.ensure(self.touched)  # every new person's key in one statement
        return [self.ledger.mapper.to_stored_event(event) for event in events]

    def _apply(self, parsed: ParsedLine) -> None:
        person_id, occurrence = parsed.person_id, parsed.occurrence
        assert person_id is not None
        if occurrence.type == "PersonRegistered":  # in the API's order: story, providers, claim
            check_new_story(person_id, person_id in self.touched or person_id in self.existing)
            self.ledger.check_providers(occurrence)
            story = PersonStory.register(person_id, occurrence, self.now)
            self._claim(person_id, occurrence.data().get("nhs_number"))
            self.touched[person_id] = story
            return
        story = self._story(person_id)
        self.ledger.check_providers(occurrence)
        story.record(occurrence, self.now)
        self._claim(person_id, occurrence.data().get("nhs_number"))

    def _story(self, person_id: UUID) -> PersonStory:
        story = self.touched.get(person_id) or self.cache.get(person_id) or self.loaded.get(person_id)
        if story is None:
            raise no_story(person_id)
        self.touched[person_id] = story
        return story

    def _claim(self, person_id: UUID, nhs_number: str | None) -> None:
        if nhs_number is None:
            return
        key = nhs_claim_key(nhs_number, self.ledger.claim_namespace)
        owner = self.claims[key].person_id if key in self.claims else self.cache.recent_claims.get(key)
        found = None
        if owner is None and key in self.existing and key not in self.claims:
            found = self.ledger.nhs_claim(nhs_number)  # held, or released by an erasure
            owner = found.person_id if found is not None else None
        claim = nhs_number_claim(nhs_number, person_id, owner, self.ledger.claim_namespace, found)
        if claim is not None:
            self.claims[key] = claim

    def _stories(self, person_ids: list[UUID | None]) -> dict[UUID, PersonStory]:
        """The stored stories of people not in the cache, in one query, their sealed fields
        withheld (none is opened)."""
        wanted = list({p for p in person_ids if p is not None and p not in self.cache.stories})
        if not wanted:
            return {}
        recorder, mapper = self.ledger.log_recorder, self.ledger.mapper
        query = SQL("SELECT originator_id, originator_version, topic, state FROM {} WHERE "
                    "originator_id = ANY(%s) ORDER BY originator_id, originator_version")
        with recorder.datastore.transaction(commit=False) as curs:
            curs.execute(query.format(self._table()), (wanted,))
            rows = curs.fetchall()
        stories: dict[UUID, Any] = {}
        for row in rows:
            stored = StoredEvent(row["originator_id"], row["originator_version"], row["topic"],
                                 bytes(row["state"]))
            event: Any = Mapper.to_domain_event(mapper, stored)
            stories[row["originator_id"]] = event.mutate(stories.get(row["originator_id"]))
        found = {k: v for k, v in stories.items() if isinstance(v, PersonStory)}
        for story in found.values():
            withhold(story)
        return found

    def _table(self) -> Composed:
        recorder = self.ledger.log_recorder
        return SQL("{}.{}").format(Identifier(recorder.datastore.schema),
                                   Identifier(recorder.events_table_name))

    def _existing_streams(self, batch: list[tuple[int, ParsedLine]]) -> set[UUID]:
        """Which of the batch's people and NHS number claims already have a stream, in one query."""
        ids: set[UUID] = set()
        for _, parsed in batch:
            if parsed.person_id is not None and parsed.person_id not in self.cache.stories:
                ids.add(parsed.person_id)
            if (nhs := parsed.occurrence.data().get("nhs_number")) is not None:
                ids.add(nhs_claim_key(nhs, self.ledger.claim_namespace))
        if not ids:
            return set()
        query = SQL("SELECT DISTINCT originator_id FROM {} WHERE originator_id = ANY(%s)")
        with self.ledger.log_recorder.datastore.transaction(commit=False) as curs:
            curs.execute(query.format(self._table()), (list(ids),))
            return {row["originator_id"] for row in curs.fetchall()}
