"""A person reading their own story: their token names one story, and only that one is theirs.

Someone else's id gets exactly the answer an unknown story gets (404, the same body), as a
provider with no care relationship does; the attempt is written to that story's access log as a
refused read, so its owner sees it. Every read of a person's own story, its FHIR export and its
access log is written to the access log too, as role ``person``, provider ``self`` and the
token's id. The person sees what was recorded in their story and who read it, with the names of
the providers involved, so that it reads in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

import structlog

from api.http.person_view import OwnStoryAnswer, own_story_answer
from api.http.read_access import refuse_counted
from api.http.responses import AccessLogAnswer, ReadAnswer
from api.http.tokens import Caller
from commands import Ledger
from commands.access_log import AccessLog, Read
from ledger.errors import UnknownPerson, UnknownProvider
from ledger.payloads_person import SELF
from ledger.registration import no_story
from ledger.story import PersonStory

log = structlog.get_logger("api")


class OwnAccessLogAnswer(AccessLogAnswer):
    """The person's access log, with the names of the providers whose staff read it."""

    providers: dict[str, str]


def own_story(person_id: UUID, caller: Caller, ledger: Ledger, access_log: AccessLog) -> PersonStory:
    """The person's own story (the read logged); anyone else's answers as an unknown story, an
    unknown id's refusal logged too (the same work: ``api.http.unknown_story``)."""
    own = caller.person_id == person_id
    read = Read(role="person", provider_id=SELF, staff_id=caller.token_id or caller.staff_id,
                reason=None, break_glass=False, outcome="allowed" if own else "refused",
                at=datetime.now(UTC))
    try:
        story = ledger.story_to_read(person_id)
    except UnknownPerson:
        if own:
            access_log.record_read(person_id, read)
        else:
            refuse_counted(person_id, read, (SELF, str(caller.person_id)), access_log)
        raise
    if not own:
        refuse_counted(person_id, read, (SELF, str(caller.person_id)), access_log)
        raise no_story(person_id)
    access_log.record_read(person_id, read)
    log.info("story_read", role="person", outcome=read.outcome)
    return story


def names(ledger: Ledger) -> Callable[[str], str]:
    """A provider's name in the directory (its code, should it be missing)."""
    def name_of(code: str) -> str:
        try:
            return ledger.provider(code).name
        except UnknownProvider:
            return code

    return name_of


def read_own_story(person_id: UUID, caller: Caller, ledger: Ledger,
                   access_log: AccessLog) -> OwnStoryAnswer:
    """``GET /people/{id}/story`` for a person: their story as they may read it."""
    return own_story_answer(own_story(person_id, caller, ledger, access_log), names(ledger))


def read_own_access_log(person_id: UUID, caller: Caller, ledger: Ledger,
                        access_log: AccessLog) -> OwnAccessLogAnswer:
    """``GET /people/{id}/access-log`` for a person: who read their story (this read too)."""
    own_story(person_id, caller, ledger, access_log)
    reads = [ReadAnswer.model_validate(read.as_answer()) for read in access_log.reads(person_id)]
    codes = sorted({r.provider_id for r in reads if r.provider_id and r.provider_id != SELF})
    name_of = names(ledger)
    return OwnAccessLogAnswer(person_id=person_id, reads=reads,
                              providers={code: name_of(code) for code in codes})
