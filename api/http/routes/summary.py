"""A story's summary for whoever may read the story: read, decided and logged as the story is.

``GET /people/{person_id}/summary`` answers the person, key worker, current plan, open referrals
and their waits, ward stay, the timeline in the order things happened (late entries and
retractions marked) and, for those who may see the access log (the key worker, analysts), the
latest reads. It is a story read like ``GET /people/{person_id}/story``: the same rule per role,
the same break-glass and audit-purpose headers, one access-log entry.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID
from weakref import WeakKeyDictionary

from fastapi import APIRouter, Query, Response

from api.http.auth import CurrentCaller
from api.http.dependencies import AccessLogApp, AuditPurpose, BreakGlassReason, LedgerApp
from api.http.errors import invalid_query
from api.http.read_access import may_read_access_log
from api.http.responses import STORY_READ_CODES, responses
from api.http.routes.story import admitted_story, stated
from api.http.story_summary import summary
from api.http.story_words import LONDON, SELF, SELF_WORDS
from api.http.summary_answer import RecentRead, SummaryAnswer
from api.http.unique_names import UniqueNamesRoute
from api.http.worker_thread import in_worker_thread
from commands import Ledger
from commands.access_log import AccessLog
from ledger.errors import UnknownProvider

router = APIRouter(route_class=UniqueNamesRoute, tags=["stories"])
RECENT_READS = 10
After = Annotated[int | None, Query(ge=0, description=(
    "A write's X-Ledger-Position; the story is read from the log itself, so it always holds it"))]
_NAMES: WeakKeyDictionary[Ledger, dict[str, str]] = WeakKeyDictionary()


def names_in(ledger: Ledger) -> dict[str, str]:
    """Provider names known to this ledger's process (a provider's name never changes)."""
    return _NAMES.setdefault(ledger, {})


def name_of(ledger: Ledger, provider_id: str) -> str:
    """A provider's name from the directory (its code, should it not be there)."""
    names = names_in(ledger)
    if provider_id == SELF:
        return SELF_WORDS
    if provider_id not in names:
        try:
            names[provider_id] = ledger.provider(provider_id).name
        except UnknownProvider:
            return provider_id
    return names[provider_id]


def recent_reads(access_log: AccessLog, ledger: Ledger, person_id: UUID) -> list[RecentRead]:
    """The latest reads of the story, newest first."""
    reads = access_log.latest_reads(person_id, RECENT_READS)
    return [RecentRead(at=r.at, role=r.role, staff_id=r.staff_id, outcome=r.outcome,
                       break_glass=r.break_glass, reason=r.reason,
                       provider_name=name_of(ledger, r.provider_id) if r.provider_id else None)
            for r in reversed(reads)]


@router.get("/people/{person_id}/summary", response_model=SummaryAnswer,
            responses=responses(*STORY_READ_CODES))
@in_worker_thread
def read_summary(
    person_id: UUID, caller: CurrentCaller, ledger: LedgerApp, access_log: AccessLogApp,
    response: Response, after: After = None, reason: BreakGlassReason = None,
    purpose: AuditPurpose = None,
) -> SummaryAnswer:
    """A story's summary and timeline in words; a story read (same rule, logged the same).
    ``after`` beyond the log's head names no write: 422, as the lists answer it, before the story
    is looked for (the same for any id)."""
    if after is not None and after > int(ledger.recorder.max_notification_id() or 0):
        raise invalid_query("after", "no write has this position yet")
    story = admitted_story(person_id, caller, ledger, access_log, stated(caller, reason, purpose))
    today = datetime.now(UTC).astimezone(LONDON).date()
    answer = summary(story, lambda provider_id: name_of(ledger, provider_id), today)
    if may_read_access_log(caller, story):
        answer.recent_reads = recent_reads(access_log, ledger, person_id)
    response.headers["ETag"] = f'"{answer.version}"'
    return answer
