"""Directory lookups of the write side: registered providers, NHS number claims, conflicts."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from eventsourcing.application import AggregateNotFoundError, Application

from ledger.catalogue import Occurrence
from ledger.claims import CLAIM_NAMESPACE, NhsNumberClaim, nhs_claim_key
from ledger.directory import Provider, provider_key
from ledger.errors import DuplicatePerson, UnknownProvider
from ledger.registration import check_new_story, nhs_number_claim

PROVIDER_FIELDS = ("to_provider_id", "signposted_to_provider_id", "support_provider_id")


def claim_namespace(identity_key: str | None) -> UUID:
    """The namespace of NHS-number claim ids: keyed by the deployment's secret when it has one."""
    return uuid5(CLAIM_NAMESPACE, identity_key) if identity_key else CLAIM_NAMESPACE


class DirectoryLookups(Application[UUID]):
    """Checks a command makes against the directory and the claims, before and after saving."""

    claim_namespace: UUID = CLAIM_NAMESPACE
    known_providers: set[str]
    services: dict[str, str]

    def provider(self, provider_id: str) -> Provider:
        """A registered provider, or ``UnknownProvider`` naming the field."""
        return self._provider(provider_id, "provider_id")

    def service_of(self, provider_id: str) -> str:
        """A registered provider's service, or ``UnknownProvider``. A provider's service never
        changes (only its costs do), so it is looked up once per process, not on every request."""
        if provider_id not in self.services:
            self.services[provider_id] = self.provider(provider_id).service
        return self.services[provider_id]

    def _provider(self, provider_id: str, field: str) -> Provider:
        try:
            provider: object = self.repository.get(provider_key(provider_id))
        except AggregateNotFoundError:
            message = f"{field}: provider {provider_id!r} is not registered"
            raise UnknownProvider(message, field) from None
        assert isinstance(provider, Provider)
        return provider

    def check_providers(self, occurrence: Occurrence) -> None:
        """The recording provider and every provider the event names must be registered.

        Providers are never removed from the directory, so one found once is remembered.
        """
        data, known = occurrence.data(), self.known_providers
        if occurrence.provider_id not in known:  # an import asks this of every line: no list made
            self._provider(occurrence.provider_id, "provider_id")
            known.add(occurrence.provider_id)
        for name in PROVIDER_FIELDS:
            if name in data and data[name] not in known:
                self._provider(data[name], f"data.{name}")
                known.add(data[name])

    def claims_for(self, person_id: UUID, occurrence: Occurrence) -> list[Any]:
        """The NHS number claim an event makes, if its number is new to this story."""
        nhs_number = occurrence.data().get("nhs_number")
        found = None if nhs_number is None else self.nhs_claim(nhs_number)
        owner = found.person_id if found is not None else None
        claim = nhs_number_claim(nhs_number, person_id, owner, self.claim_namespace, found)
        return [] if claim is None else [claim]

    def nhs_number_owner(self, nhs_number: str) -> UUID | None:
        """The person whose story holds an NHS number, if any (nobody, once erased)."""
        claim = self.nhs_claim(nhs_number)
        return None if claim is None else claim.person_id

    def nhs_claim(self, nhs_number: str) -> NhsNumberClaim | None:
        """The claim on an NHS number, held or released; None if it was never claimed."""
        try:
            claim: object = self.repository.get(nhs_claim_key(nhs_number, self.claim_namespace))
        except AggregateNotFoundError:
            return None
        assert isinstance(claim, NhsNumberClaim)
        return claim

    def check_registration(self, person_id: UUID, occurrence: Occurrence) -> None:
        """Refuse a registration whose person id already has a story, or whose providers are unknown."""
        check_new_story(person_id, self._exists(person_id))
        self.check_providers(occurrence)

    def registration_conflict(self, person_id: UUID, occurrence: Occurrence) -> Exception:
        """Why a registration's save was refused by the database."""
        try:
            self.check_registration(person_id, occurrence)
            self.claims_for(person_id, occurrence)
        except DuplicatePerson as duplicate:
            return duplicate
        return DuplicatePerson("person_id: registered concurrently", "person_id", str(person_id))

    def _exists(self, stream_id: UUID) -> bool:
        return bool(self.recorder.select_events(stream_id, limit=1))
