"""A story's timeline in the order things happened, with late entries and retractions marked.

Entries are ordered by ``occurred_at`` (then by version). An entry is *late* when it was recorded
after an entry of the same story dated later than it: someone wrote it up after something that
happened afterwards was already in the story. A retracted entry stays, marked, with the retraction
itself an entry of its own naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from api.http.story_sentences import Context, sentence
from api.http.story_words import heading
from api.http.summary_answer import TimelineEntry
from ledger.facts import Entry


def late_versions(entries: Sequence[Entry]) -> set[int]:
    """The versions recorded after a later-dated entry of the same story (``entries`` in version
    order)."""
    late: set[int] = set()
    latest: datetime | None = None
    for entry in entries:
        if latest is not None and entry.occurred_at < latest:
            late.add(entry.version)
        latest = entry.occurred_at if latest is None else max(latest, entry.occurred_at)
    return late


def context_of(entries: Sequence[Entry], names: Callable[[str], str]) -> Context:
    """What the timeline's sentences may refer to."""
    referrals = {e.data["referral_id"]: e for e in entries if e.type == "ReferralMade"}
    plans = {e.data["plan_id"]: e for e in entries if e.type == "PlanAgreed"}
    return Context(names, referrals, plans, {e.version: e for e in entries})


def timeline(entries: Sequence[Entry], names: Callable[[str], str]) -> list[TimelineEntry]:
    """Every entry in view, in the order things happened, in words."""
    retracted = {e.data["version"] for e in entries if e.type == "EventRetracted"}
    late = late_versions(entries)
    context = context_of(entries, names)
    return [
        TimelineEntry(
            version=e.version, type=e.type, heading=heading(e.type), words=sentence(e, context),
            occurred_at=e.occurred_at, recorded_at=e.recorded_at, provider_id=e.provider_id,
            provider_name=names(e.provider_id), staff_id=e.staff_id, late=e.version in late,
            retracted=e.version in retracted,
            retracts=e.data["version"] if e.type == "EventRetracted" else None)
        for e in sorted(entries, key=lambda e: (e.occurred_at, e.version))
    ]
