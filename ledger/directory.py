"""The provider directory: each provider's code, tier, service and unit costs over time."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import AggregateCreated, AggregateEvent, BaseAggregate

from ledger.catalogue import Occurrence
from ledger.errors import InvalidEvent

DIRECTORY_NAMESPACE = UUID("5d1f7a0e-2b8c-4f5e-9a61-1c3e7b9d2f40")


def provider_key(provider_id: str) -> UUID:
    """The stream id of a provider, derived from its short code."""
    return uuid5(DIRECTORY_NAMESPACE, f"provider/{provider_id}")


class Provider(BaseAggregate[UUID]):
    """A provider in the borough: who it is and what its contacts and bed days cost."""

    TOPIC = "ledger.Provider"

    class Event(AggregateEvent):
        """Base of every directory event."""

        TOPIC = "ledger.Provider.Event"
        occurred_at: datetime
        staff_id: str
        data: dict[str, Any]

    class ProviderRegistered(AggregateCreated, Event):
        """A provider joins the directory."""

        TOPIC = "ledger.Provider.ProviderRegistered"
        provider_id: str

    class ProviderCostsChanged(Event):
        """New unit costs in force from ``occurred_at``."""

        TOPIC = "ledger.Provider.ProviderCostsChanged"

        def apply(self, aggregate: Any) -> None:
            """Keep the new costs beside the earlier ones."""
            aggregate.costs.append((self.occurred_at, self.data))

    def __init__(
        self, provider_id: str, occurred_at: datetime, staff_id: str, data: dict[str, Any]
    ) -> None:
        self.provider_id = provider_id
        self.name: str = data["name"]
        self.tier: str = data["tier"]
        self.service: str = data["service"]
        self.costs: list[tuple[datetime, dict[str, Any]]] = [(occurred_at, data)]

    @classmethod
    def register(cls, occurrence: Occurrence) -> Provider:
        """Add a provider to the directory."""
        if occurrence.type != "ProviderRegistered":
            raise InvalidEvent("type: a provider starts with ProviderRegistered", "type")
        return cls._create(
            cls.ProviderRegistered, id=provider_key(occurrence.provider_id),
            provider_id=occurrence.provider_id, occurred_at=occurrence.occurred_at,
            staff_id=occurrence.staff_id, data=occurrence.data(),
        )

    def change_costs(self, occurrence: Occurrence) -> None:
        """Record new unit costs for this provider."""
        if occurrence.type != "ProviderCostsChanged":
            raise InvalidEvent("type: expected ProviderCostsChanged", "type")
        self.trigger_event(
            self.ProviderCostsChanged, occurred_at=occurrence.occurred_at,
            staff_id=occurrence.staff_id, data=occurrence.data(),
        )
