"""Who may read a person's story, and why: the care relationship, the analyst, break-glass."""

from __future__ import annotations

from dataclasses import dataclass

from api.http.tokens import ROLES_WITH_PROVIDER, Caller
from ledger.story import PersonStory


@dataclass(frozen=True)
class Decision:
    """Whether a read is allowed, whether it rests on a break-glass reason, and why not if not."""

    allowed: bool
    break_glass: bool = False
    refusal: str = ""

    @property
    def outcome(self) -> str:
        """How the access log names the outcome."""
        if not self.allowed:
            return "refused"
        return "allowed_break_glass" if self.break_glass else "allowed"


def is_key_worker(caller: Caller, story: PersonStory) -> bool:
    """Whether the caller is the person's current key worker."""
    return caller.role == "key_worker" and story.facts.key_worker == caller.staff_id


def cares_for(provider_id: str, story: PersonStory) -> bool:
    """Whether a provider has a care relationship with the person.

    It recorded any event in the story (the registration, a referral from it, a contact, an
    assessment, ...) or a referral that still stands was made to it.
    """
    for entry in story.entries:
        if entry.provider_id == provider_id:
            return True
        if (entry.type == "ReferralMade" and entry.version not in story.retracted
                and entry.data["to_provider_id"] == provider_id):
            return True
    return False


def may_read(caller: Caller, story: PersonStory, reason: str | None) -> Decision:
    """Decide a read of the story; commissioners and administrators never read one."""
    if caller.role == "analyst":
        return Decision(True)
    if caller.role not in ROLES_WITH_PROVIDER:
        return Decision(False, refusal=f"role {caller.role} may not read a person's story")
    assert caller.provider_id is not None
    if is_key_worker(caller, story) or cares_for(caller.provider_id, story):
        return Decision(True)
    if reason is not None:
        return Decision(True, break_glass=True)
    return Decision(False, refusal="no care relationship with this person; "
                                   "state an X-Break-Glass-Reason to read in an emergency")


def may_read_access_log(caller: Caller, story: PersonStory) -> bool:
    """Analysts and the person's key worker may see who read the story."""
    return caller.role == "analyst" or is_key_worker(caller, story)
