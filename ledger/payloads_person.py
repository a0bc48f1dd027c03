"""The ``data`` of the events a person adds to their own story, and of staff withholding an entry.

A person writes as provider ``self`` (``SELF``) with their token's id as the staff id; only they
record ``PersonNoteAdded`` and ``SelfAssessmentSubmitted``, and they record nothing else. Staff
with a care relationship may withhold an entry from the person's own view
(``EntryWithheldFromPerson``), as GP online access does: for serious harm, or because the entry
holds another person's details. Retracting the withholding shows the entry again.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictInt, StringConstraints

from ledger.payloads import Needs, Payload, Strengths
from ledger.values import Identifier, Text

SELF = "self"  # the provider id of whatever a person records in their own story
PERSON_EVENT_TYPES = ("PersonNoteAdded", "SelfAssessmentSubmitted")
WithholdingReason = Literal["serious_harm", "third_party_details"]
Words = Annotated[Text, StringConstraints(min_length=1, strip_whitespace=True)]


class PersonNoteAdded(Payload):
    """A note the person added to their own story, in their own words."""

    note: Words


class SelfAssessmentSubmitted(Payload):
    """The person's own assessment: their needs (the catalogue's list), in their own words,
    their strengths and what matters to them, so that nobody asks them to tell it again."""

    self_assessment_id: Identifier
    needs: Needs
    own_words: Text | None = None
    strengths: Strengths = []
    what_matters: Text | None = None


class EntryWithheldFromPerson(Payload):
    """An entry (by its version) no longer shown in the person's own view; staff still see it."""

    version: Annotated[StrictInt, Field(ge=2)]
    reason: WithholdingReason
