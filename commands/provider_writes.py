"""Directory writes: registering a provider and changing its unit costs, safe to repeat.

A write may carry an idempotency key, as a person's write does (``commands.idempotency``): the
key is scoped to the provider the write is about, and fingerprinted with the route and the whole
event (its staff id included). A repeat appends nothing and answers the log's head; the same key
with another write is refused. Providers are never keyed by a person: ``person_id`` is None.
"""

from __future__ import annotations

from collections.abc import Callable

from commands.directory import DirectoryLookups
from commands.receipts import Receipt
from commands.repeat_answers import RepeatAnswers
from ledger.catalogue import Occurrence
from ledger.directory import Provider, provider_key
from ledger.errors import ConcurrentWrite, DuplicateProvider, InvalidEvent
from ledger.payloads_person import SELF


class ProviderWrites(RepeatAnswers, DirectoryLookups):
    """The directory's two writes (mixed into ``commands.Ledger``, which saves)."""

    _save: Callable[..., Receipt]

    def register_provider(self, occurrence: Occurrence, idempotency_key: str | None = None) -> Receipt:
        """Add a provider to the directory; answers its version and log position."""
        if occurrence.provider_id == SELF:
            raise InvalidEvent("provider_id: 'self' stands for the person, never a provider",
                               "provider_id")
        keyed = self._idempotency(
            occurrence.provider_id, idempotency_key, "provider", None, occurrence)
        if (answer := self._earlier_answer(keyed)) is not None:
            return self._repeat(answer)
        with self._repeat_if_answered(keyed) as answered:
            if self._exists(provider_key(occurrence.provider_id)):
                raise _already_registered(occurrence)
            provider = Provider.register(occurrence)
            answered.append(self._save([provider], None, keyed,
                                       lambda: _already_registered(occurrence)))
        return answered[0]

    def change_provider_costs(
        self, occurrence: Occurrence, idempotency_key: str | None = None
    ) -> Receipt:
        """Record a provider's new unit costs; answers its version and log position."""
        keyed = self._idempotency(
            occurrence.provider_id, idempotency_key, "costs", None, occurrence)
        if (answer := self._earlier_answer(keyed)) is not None:
            return self._repeat(answer)
        with self._repeat_if_answered(keyed) as answered:
            provider = self.provider(occurrence.provider_id)
            provider.change_costs(occurrence)
            answered.append(self._save([provider], None, keyed, _costs_moved_on))
        return answered[0]


def _already_registered(occurrence: Occurrence) -> DuplicateProvider:
    message = f"provider_id: {occurrence.provider_id!r} is already registered"
    return DuplicateProvider(message, "provider_id")


def _costs_moved_on() -> ConcurrentWrite:
    return ConcurrentWrite("version: another writer changed this provider's costs first", "version")
