"""The rules of the person's own entries and of withholding an entry from the person's view.

Only the person (provider ``self``) records ``PersonNoteAdded`` and ``SelfAssessmentSubmitted``,
and the person records nothing else. An entry is withheld from the person by its version: an
entry of staff (not the person's own, not a retraction or another withholding), not already
withheld.
"""

from __future__ import annotations

from ledger.errors import InvalidEvent
from ledger.facts import Entry, StoryFacts
from ledger.payloads_person import PERSON_EVENT_TYPES, SELF

NEVER_WITHHELD = ("EventRetracted", "EntryWithheldFromPerson")


def check_author(entry: Entry) -> None:
    """Refuse a person's event recorded by staff, and anything else recorded by the person."""
    own = entry.type in PERSON_EVENT_TYPES
    if own and entry.provider_id != SELF:
        raise InvalidEvent(f"type: only the person adds {entry.type} to their own story", "type")
    if not own and entry.provider_id == SELF:
        raise InvalidEvent(f"type: a person adds only {' or '.join(PERSON_EVENT_TYPES)} "
                           "to their own story", "type")


def check_withholding(facts: StoryFacts, entry: Entry) -> None:
    """Withhold only a live entry of staff that is not withheld already."""
    version = entry.data["version"]
    recorded = facts.recorded.get(version)
    if recorded is None:
        raise InvalidEvent(f"data.version: no entry {version} stands in this story",
                           "data.version")
    type_, provider_id = recorded
    if type_ in NEVER_WITHHELD or provider_id == SELF:
        raise InvalidEvent(f"data.version: entry {version} ({type_}) is not withheld from the "
                           "person", "data.version")
    if version in facts.withheld:
        raise InvalidEvent(f"data.version: entry {version} is already withheld", "data.version")
