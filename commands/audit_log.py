"""The audit log application: every replay, export and as-of query, apart from the ledger.

Its own application (``audit_log``) so that auditing never contends with the ledger's writes;
entries are listed in the order the audit log accepted them, a page at a time. The reason an
erasure was requested is typed about a person, so it is sealed under that person's key (with the
ledger's keys, as the access log does) and reads as ``None`` once they are erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from commands.configured import ConfiguredApplication
from commands.person_keys import PersonKeys
from commands.sealing import ledger_keys, seal, unseal
from ledger.audit_log import AuditEntry


@dataclass(frozen=True)
class AuditRecord:
    """One entry as the audit log shows it: its position, who, when, what."""

    position: int
    actor: str
    role: str
    action: str
    details: dict[str, Any]
    at: str

    def as_answer(self) -> dict[str, Any]:
        """The entry as JSON natives."""
        return dict(self.__dict__)


class AuditLog(ConfiguredApplication):
    """Every audit of the ledger's history, oldest first."""

    name = "audit_log"
    person_keys: PersonKeys

    def construct_recorder(self) -> Any:
        """The library's recorder, and the ledger's person keys beside it."""
        recorder = super().construct_recorder()
        self.person_keys = ledger_keys(recorder, self.env)
        return recorder

    def record(self, actor: str, role: str, action: str, details: dict[str, Any],
               sealed: tuple[UUID, str] | None = None) -> int:
        """Add an entry; answers its position in the audit log. A ``sealed`` (person, text) is
        kept as ``details["reason"]``, sealed under the person's key."""
        if sealed is not None:
            person_id, text = sealed
            key = self.person_keys.key_for(person_id, create=False)
            details = {**details, "reason": None if key is None else seal(key, person_id, "reason", text)}
        entry = AuditEntry.record(actor, role, action, details)
        return self.save(entry)[-1].notification.id

    def entries(self, after: int = 0, limit: int = 100) -> list[AuditRecord]:
        """Up to ``limit`` entries after position ``after``, oldest first."""
        page = self.recorder.select_notifications(after, limit, inclusive_of_start=False)
        records = []
        for notification in page:
            event = self.mapper.to_domain_event(notification)
            if isinstance(event, AuditEntry.Recorded):
                records.append(AuditRecord(notification.id, event.actor, event.role, event.action,
                                           self._opened(event.details), event.timestamp.isoformat()))
        return records

    def _opened(self, details: dict[str, Any]) -> dict[str, Any]:
        """The details with a sealed reason opened while its person's key exists."""
        if "reason" not in details or "person_id" not in details:
            return details
        person_id = UUID(details["person_id"])
        key = self.person_keys.key_for(person_id, create=False)
        return {**details, "reason": unseal(key, person_id, "reason", details["reason"])}
