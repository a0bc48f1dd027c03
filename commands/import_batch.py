"""One import batch: decide every line against the stories in memory, then save them together."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent
from psycopg.sql import SQL, Composed, Identifier

from commands.application import Ledger
from commands.erased_writes import erased_among, refuse_if_erased
from commands.imported_keys import BatchKeys
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
        self.erased: set[UUID] = set()  # the batch's people whose key an erasure destroyed
        self.keys = BatchKeys(ledger)
        self.appended = self.repeated = 0
        self.rejections: list[tuple[int, str]] = []

    def apply_all(self, batch: list[tuple[int, ParsedLine]]) -> None:
        """Decide each line, keeping the rejected ones with their reasons."""
        self.look_up(batch, self.keys.read(batch))
        for number, parsed in batch:
            try:
                if self.keys.repeated(number, parsed.person_id in self.erased):
                    self.repeated += 1
                    continue
                self._apply(parsed)
                assert parsed.person_id is not None
                self.keys.answer(number, parsed.person_id, self.touched[parsed.person_id].version)
                self.appended += 1
            except LedgerError as refusal:
                self.rejections.append((number, refusal.message))

    def stored_events(self) -> list[StoredEvent]:
        """The batch's new events, encoded for the log; the stories stay cached as decided."""
        aggregates: list[Any] = [*self.touched.values(), *self.claims.values(), *self.keys.records]
        events = [event for aggregate in aggregates for event in aggregate.collect_events()]
        for story in self.touched.values():
            self.cache.keep(story)
        self.cache.in_flight = dict(self.touched)
        self.cache.recent_claims = {key: claim.person_id for key, claim in self.claims.items()
                                    if claim.person_id is not None}
        self.ledger.person_keys.ensure_uncached(self.touched)  # new keys in one statement
        return [self.ledger.mapper.to_stored_event(event) for event in events]

    def _apply(self, parsed: ParsedLine) -> None:
        person_id, occurrence = parsed.person_id, parsed.occurrence
        assert person_id is not None
        if occurrence.type == "PersonRegistered":  # in the API's order: story, providers, claim
            check_new_story(person_id, person_id in self.touched or person_id in self.existing
                            or self.cache.holds(person_id))
            self.ledger.check_providers(occurrence)
            story = PersonStory.register(person_id, occurrence, self.now)
            self._keep(self._claim(person_id, occurrence.data().get("nhs_number")))
            self.touched[person_id] = story
            return
        story = self._story(person_id)
        refuse_if_erased(person_id in self.erased, occurrence)  # its text would be stored null
        self.ledger.check_providers(occurrence)
        claim = self._claim(person_id, occurrence.data().get("nhs_number"))  # refused before the
        story.record(occurrence, self.now)  # story records the line: a refusal writes nothing
        self._keep(claim)

    def _story(self, person_id: UUID) -> PersonStory:
        story = self.touched.get(person_id) or self.cache.get(person_id) or self.loaded.get(person_id)
        if story is None:
            raise no_story(person_id)
        self.touched[person_id] = story
        return story

    def _claim(self, person_id: UUID, nhs_number: str | None) -> NhsNumberClaim | None:
        """The claim a line makes on its NHS number, if new (refused when held by another);
        kept (``_keep``) only once the line is accepted."""
        if nhs_number is None:
            return None
        key = nhs_claim_key(nhs_number, self.ledger.claim_namespace)
        owner = self.claims[key].person_id if key in self.claims else self.cache.recent_claims.get(key)
        found = None
        if owner is None and key in self.existing and key not in self.claims:
            found = self.ledger.nhs_claim(nhs_number)  # held, or released by an erasure
            owner = found.person_id if found is not None else None
        return nhs_number_claim(nhs_number, person_id, owner, self.ledger.claim_namespace, found)

    def _keep(self, claim: NhsNumberClaim | None) -> None:
        if claim is not None:
            self.claims[claim.id] = claim

    def look_up(self, batch: list[tuple[int, ParsedLine]], keys: set[UUID] | None = None) -> None:
        """In one statement: which of the batch's people (those not cached), NHS number claims
        and idempotency keys already have a stream, the keys' fingerprints, and the stored
        stories of those people, their sealed fields withheld (none is opened)."""
        people = {p.person_id for _, p in batch
                  if p.person_id is not None and not self.cache.holds(p.person_id)}
        claims = {nhs_claim_key(nhs, self.ledger.claim_namespace) for _, p in batch
                  if (nhs := p.occurrence.data().get("nhs_number")) is not None}
        keys = keys or set()
        self.erased = erased_among(self.ledger.person_keys, {
            p.person_id for _, p in batch if p.person_id is not None})
        if not people and not claims and not keys:
            return
        query = SQL("SELECT originator_id, originator_version, topic, state FROM {} WHERE "
                    "originator_id = ANY(%s) ORDER BY originator_id, originator_version")
        with self.ledger.log_recorder.datastore.cursor() as curs:  # one statement: no BEGIN
            curs.execute(query.format(self._table()), (list(people | claims | keys),))
            rows = curs.fetchall()
        self.existing = {row["originator_id"] for row in rows}
        self.keys.found(rows)
        stories: dict[UUID, Any] = {}
        for row in rows:
            if row["originator_id"] in people:
                stored = StoredEvent(row["originator_id"], row["originator_version"], row["topic"],
                                     bytes(row["state"]))
                event: Any = Mapper.to_domain_event(self.ledger.mapper, stored)
                stories[row["originator_id"]] = event.mutate(stories.get(row["originator_id"]))
        self.loaded = {k: v for k, v in stories.items() if isinstance(v, PersonStory)}
        for story in self.loaded.values():
            withhold(story)

    def _table(self) -> Composed:
        recorder = self.ledger.log_recorder
        return SQL("{}.{}").format(Identifier(recorder.datastore.schema),
                                   Identifier(recorder.events_table_name))
