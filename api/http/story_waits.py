"""Open referrals of a story and their waits, by the figures' own rule for when a wait ends.

A referral is open until it is declined or closed. Its wait ends at the receiving provider's first
attended *direct* contact (face to face, telephone, video or Talk Type) at or after it was
received, as in ``projections.figures.journeys``: a web-chat, email or text contact does not end
it. Days are whole London days: to the day it was seen, or to ``on`` while still waiting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from api.http.story_words import LONDON, word, words
from api.http.summary_answer import OpenReferral
from ledger.facts import Entry
from ledger.vocabulary import ATTENDED, DIRECT_CHANNELS

DECISIONS = {"ReferralAccepted", "ReferralDeclined", "ReferralClosed"}


def _seen_on(made: Entry, live: Sequence[Entry]) -> date | None:
    """The London date of the receiver's first attended direct contact since the referral."""
    to = made.data["to_provider_id"]
    seen = [e for e in live if e.type == "ContactRecorded" and e.provider_id == to
            and e.data["attendance"] == ATTENDED and e.data["channel"] in DIRECT_CHANNELS
            and e.occurred_at >= made.occurred_at]
    if not seen:
        return None
    return min(seen, key=lambda e: (e.occurred_at, e.version)).occurred_at.astimezone(LONDON).date()


def open_referrals(live: Sequence[Entry], names: Callable[[str], str], on: date) -> list[OpenReferral]:
    """Referrals not declined or closed, oldest first (``live``: entries not retracted)."""
    decided: dict[str, set[str]] = {}
    for entry in live:
        if entry.type in DECISIONS:
            decided.setdefault(entry.data["referral_id"], set()).add(entry.type)
    answers = []
    for made in sorted((e for e in live if e.type == "ReferralMade"),
                       key=lambda e: (e.occurred_at, e.version)):
        decisions = decided.get(made.data["referral_id"], set())
        if decisions & {"ReferralDeclined", "ReferralClosed"}:
            continue
        received = made.occurred_at.astimezone(LONDON).date()
        seen_on = _seen_on(made, live)
        answers.append(OpenReferral(
            referral_id=made.data["referral_id"], from_provider_id=made.provider_id,
            from_provider_name=names(made.provider_id), to_provider_id=made.data["to_provider_id"],
            to_provider_name=names(made.data["to_provider_id"]), priority=made.data["priority"],
            priority_words=word(made.data["priority"]), needs_words=words(made.data["needs"]),
            received_at=made.occurred_at, accepted="ReferralAccepted" in decisions,
            seen_on=seen_on, days_waited=((seen_on or on) - received).days))
    return answers
