"""The audit of the auditors: one entry for each replay, export or as-of query of the figures.

Each entry is its own short stream (one ``AuditEntry`` created and never changed), so two
analysts auditing at the same moment never race for a version; the application's log orders
the entries, and its ``timestamp`` says when the ledger accepted each one.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import AggregateCreated, AggregateEvent, BaseAggregate

AUDIT_ACTIONS = ("replay", "as_of_outcomes", "figure_inputs", "erasure_requested", "erase_identity",
                 "rotate_master_key", "person_token_issued", "import_migrated")


class AuditEntry(BaseAggregate[UUID]):
    """Who looked at the ledger's history, when, and what they asked for."""

    TOPIC = "ledger.AuditEntry"

    class Event(AggregateEvent):
        """Base of every audit-log event."""

        TOPIC = "ledger.AuditEntry.Event"

    class Recorded(AggregateCreated, Event):
        """An analyst (or the ``ledger replay`` command) read the ledger's history."""

        TOPIC = "ledger.AuditEntry.Recorded"
        actor: str
        role: str
        action: str
        details: dict[str, Any]

    def __init__(self, actor: str, role: str, action: str, details: dict[str, Any]) -> None:
        self.actor = actor
        self.role = role
        self.action = action
        self.details = details

    @classmethod
    def record(cls, actor: str, role: str, action: str, details: dict[str, Any]) -> AuditEntry:
        """A new entry; ``details`` holds JSON natives only (what was asked, how it went)."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"action: one of {', '.join(AUDIT_ACTIONS)}")
        return cls._create(cls.Recorded, id=uuid4(), actor=actor, role=role, action=action,
                           details=details)
