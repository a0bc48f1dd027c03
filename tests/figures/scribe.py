"""A test scribe: writes providers, people and story events into a ledger in few words."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from commands import Ledger
from ledger.event_lines import occurrence_of


def at(text: str) -> datetime:
    """An instant from ISO text (UTC when no offset is given)."""
    return datetime.fromisoformat(text if "+" in text or text.endswith("Z") else text + "+00:00")


class Scribe:
    """Appends events one at a time, remembering each story's version."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.positions: list[int] = []

    def provider(self, provider_id: str, tier: str, service: str, unit: str, bed: str,
                 when: str = "2025-01-01T09:00") -> None:
        data = {"name": provider_id, "tier": tier, "service": service, "unit_cost_gbp": unit,
                "bed_day_cost_gbp": bed}
        occurrence = occurrence_of("ProviderRegistered", at(when), provider_id, "admin", data)
        self.positions.append(self.ledger.register_provider(occurrence).position)

    def costs(self, provider_id: str, unit: str, bed: str, when: str) -> None:
        data = {"unit_cost_gbp": unit, "bed_day_cost_gbp": bed}
        occurrence = occurrence_of("ProviderCostsChanged", at(when), provider_id, "admin", data)
        self.positions.append(self.ledger.change_provider_costs(occurrence).position)

    def person(self, person_id: UUID, provider_id: str, when: str) -> int:
        data = {"given_name": "Test", "family_name": "Person", "birth_date": "1990-01-01"}
        occurrence = occurrence_of("PersonRegistered", at(when), provider_id, "s-1", data)
        receipt = self.ledger.register_person(person_id, occurrence)
        self.positions.append(receipt.position)
        return receipt.version

    def event(self, person_id: UUID, type_: str, when: str, provider_id: str,
              staff_id: str = "s-1", **data: Any) -> int:
        """Append one event; answers its version in the story."""
        occurrence = occurrence_of(type_, at(when), provider_id, staff_id, data)
        receipt = self.ledger.append(person_id, [occurrence], migrating=True)
        self.positions.append(receipt.position)
        return receipt.version

    def contact(self, person_id: UUID, provider_id: str, when: str, contact_id: str,
                channel: str = "face_to_face", attendance: str = "attended") -> int:
        return self.event(person_id, "ContactRecorded", when, provider_id, contact_id=contact_id,
                          channel=channel, attendance=attendance, purpose="intervention",
                          duration_minutes=30)

    def referral(self, person_id: UUID, sender: str, receiver: str, when: str, referral_id: str) -> int:
        return self.event(person_id, "ReferralMade", when, sender, referral_id=referral_id,
                          to_provider_id=receiver, priority="routine", source="hub",
                          needs=["housing"])

    def retract(self, person_id: UUID, version: int, provider_id: str, when: str) -> int:
        return self.event(person_id, "EventRetracted", when, provider_id, version=version,
                          reason="recorded in error")
