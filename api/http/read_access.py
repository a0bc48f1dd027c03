"""Who may read a person's story, and why: the care relationship, the analyst, break-glass."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

import structlog

from api.http.tokens import ROLES_WITH_PROVIDER, Caller
from commands.access_log import AccessLog, Read
from commands.read_limit import record_refused
from ledger.errors import TooManyAttempts
from ledger.relationships import standing, ties
from ledger.story import PersonStory

log = structlog.get_logger("api")


@dataclass(frozen=True)
class Decision:
    """Whether a read is allowed, whether it rests on a break-glass reason, and why not if not."""

    allowed: bool
    break_glass: bool = False
    refusal: str = ""
    audit: bool = False

    @property
    def outcome(self) -> str:
        """How the access log names the outcome."""
        if not self.allowed:
            return "refused"
        if self.audit:
            return "allowed_audit_purpose"
        return "allowed_break_glass" if self.break_glass else "allowed"


def is_key_worker(caller: Caller, story: PersonStory) -> bool:
    """Whether the caller is the person's current key worker: the staff id *at its provider*."""
    facts = story.facts
    return (caller.role == "key_worker" and facts.key_worker == caller.staff_id
            and facts.key_worker_provider == caller.provider_id)


def cares_for(provider_id: str, story: PersonStory, now: datetime) -> bool:
    """Whether a provider has a care relationship with the person (or is within its grace).

    Relationships are facts of the story (``ledger.relationships``); having recorded an entry
    is not one, so no write ever creates its own permission to read.
    """
    return standing(provider_id, ties(story.entries, story.retracted), now).any


def may_read(caller: Caller, story: PersonStory, reason: str | None, now: datetime) -> Decision:
    """Decide a read of the story; commissioners and administrators never read one.

    An analyst reads only with a stated audit purpose (``reason``), flagged like break-glass.
    """
    if caller.role == "analyst":
        if reason is None:
            return Decision(False, refusal="analysts state an X-Audit-Purpose to read a story")
        return Decision(True, break_glass=True, audit=True)
    if caller.role not in ROLES_WITH_PROVIDER:
        return Decision(False, refusal=f"role {caller.role} may not read a person's story")
    assert caller.provider_id is not None
    if reason is not None:  # stated, so flagged for review (it also reaches past a consent refusal)
        return Decision(True, break_glass=True)
    if is_key_worker(caller, story) or cares_for(caller.provider_id, story, now):
        return Decision(True)
    return Decision(False, refusal="no care relationship with this person; "
                                   "state an X-Break-Glass-Reason to read in an emergency")


def may_read_access_log(caller: Caller, story: PersonStory) -> bool:
    """Analysts and the person's key worker may see who read the story."""
    return caller.role == "analyst" or is_key_worker(caller, story)


def refuse_counted(person_id: UUID, read: Read, reader: tuple[str, str], access_log: AccessLog) -> None:
    """A refused read (of a story or none) by a stranger or another person's token: counted
    against ``reader``, then logged; past the limit, 429 instead (``commands.read_limit``)."""
    log.info("story_read", role=read.role, outcome="refused", break_glass=False)
    try:
        record_refused(access_log, person_id, read, reader)
    except TooManyAttempts:
        log.warning("story_reads_limited", role=read.role, provider_id=read.provider_id)
        raise


def reader_of(caller: Caller) -> tuple[str, str]:
    """Whom a stranger's refused reads count against: the staff member at their provider."""
    assert caller.provider_id is not None
    return caller.provider_id, caller.staff_id


def refused_read(caller: Caller, at: datetime) -> Read:
    """A read refused for want of a care relationship (or of a story: the two look alike)."""
    return Read(role=caller.role, provider_id=caller.provider_id, staff_id=caller.staff_id,
                reason=None, break_glass=False, outcome="refused", at=at)


def refuse_stranger(person_id: UUID, caller: Caller, access_log: AccessLog) -> None:
    """A provider's or key worker's read refused for want of a care relationship, of a real
    story or of an unknown id alike: counted and logged (``refuse_counted``), 429 past the limit."""
    refuse_counted(person_id, refused_read(caller, datetime.now(UTC)), reader_of(caller), access_log)
