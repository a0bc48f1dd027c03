"""A registration refused because its story exists already is kept where the person looks.

``POST /people`` with an NHS number that a story holds is refused (409 on ``data.nhs_number``, the
existing story's id never answered): a refusal that tells any provider's staff member whether
someone with that number is known to the services, asked of a neighbour's number as easily as of
a new patient's. So the attempt is written in the existing story's access log, naming the provider
and the staff member (outcome ``registration_refused``), where the person, their key worker, the
analysts and the privacy officer read it, and it is counted against the staff member like a
stranger's refused story read: past the refused-read limit, 429 instead (``commands.read_limit``,
docs/access.md "The report of probing"). A chosen ``person_id`` that has a story is the same
attempt and is kept the same way. A repeat of a registration under its ``Idempotency-Key`` is
answered as the first was, and is no conflict.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import structlog

from api.http.read_access import reader_of
from api.http.tokens import Caller
from commands import Ledger
from commands.access_log import AccessLog, Read
from commands.read_limit import record_refused
from commands.receipts import Receipt
from ledger.catalogue import Occurrence
from ledger.errors import DuplicatePerson, TooManyAttempts

log = structlog.get_logger("api")
OUTCOME = "registration_refused"


def register_seen(ledger: Ledger, access_log: AccessLog, caller: Caller, person_id: UUID | None,
                  occurrence: Occurrence, idempotency_key: str | None) -> Receipt:
    """Register the person; a conflict with an existing story is written in its access log and
    counted against the caller (429 past the limit) before the 409 is answered."""
    try:
        return ledger.register_person(person_id, occurrence, idempotency_key)
    except DuplicatePerson as conflict:
        read = Read(role=caller.role, provider_id=caller.provider_id, staff_id=caller.staff_id,
                    reason=None, break_glass=False, outcome=OUTCOME, at=datetime.now(UTC))
        try:
            record_refused(access_log, UUID(conflict.existing_person_id), read, reader_of(caller))
        except TooManyAttempts:
            log.warning("registrations_limited", provider_id=caller.provider_id)
            raise
        raise
