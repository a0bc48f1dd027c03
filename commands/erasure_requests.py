"""Two-person erasure: an administrator requests it with a reason, a privacy officer approves it.

Erasure cannot be undone, so no one person does it over HTTP. Both steps are entries in the audit
log (``erasure_requested``, then ``erase_identity`` naming the request and who made it); the
request's reason is sealed under the person's key, so it goes with them. A request is pending
until an erasure of that person follows it; the approver must not be the requester.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from commands.audit_log import AuditLog, AuditRecord
from ledger.errors import ErasureNotRequested, NotPermitted

PAGE = 1000


def pending_request(audit_log: AuditLog, person_id: UUID) -> AuditRecord | None:
    """The person's erasure request not yet followed by their erasure, if any."""
    pending: AuditRecord | None = None
    after = 0
    while page := audit_log.entries(after, PAGE):
        for entry in page:
            if entry.details.get("person_id") != str(person_id):
                continue
            if entry.action == "erasure_requested":
                pending = pending or entry
            elif entry.action == "erase_identity":
                pending = None
        after = page[-1].position
    return pending


def request_erasure(ledger: Any, audit_log: AuditLog, person_id: UUID, actor: str, role: str,
                    reason: str) -> int:
    """Record a request to erase a person's story (404 if none); answers its audit position."""
    ledger.story(person_id)
    return audit_log.record(actor, role, "erasure_requested", {"person_id": str(person_id)},
                            sealed=(person_id, reason))


def approve_erasure(ledger: Any, audit_log: AuditLog, person_id: UUID, actor: str, role: str) -> int:
    """Carry out the person's pending erasure request; answers the erasure's audit position."""
    ledger.story(person_id)
    request = pending_request(audit_log, person_id)
    if request is None:
        raise ErasureNotRequested("person_id: no erasure of this person has been requested",
                                  "person_id")
    if request.actor == actor:
        raise NotPermitted("person_id: the erasure must be approved by someone other than who "
                           "requested it", "person_id")
    details = {"request": request.position, "requested_by": request.actor}
    position: int = ledger.erase_identity(person_id, audit_log, actor, role, details)
    return position
