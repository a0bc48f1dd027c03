"""The audit log application: every replay, export and as-of query, apart from the ledger.

Its own application (``audit_log``) so that auditing never contends with the ledger's writes;
entries are listed in the order the audit log accepted them, a page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from commands.configured import ConfiguredApplication
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

    def record(self, actor: str, role: str, action: str, details: dict[str, Any]) -> int:
        """Add an entry; answers its position in the audit log."""
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
                                           event.details, event.timestamp.isoformat()))
        return records
