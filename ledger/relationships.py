"""Care relationships: which providers may read and write a person's story, and until when.

A relationship is a fact in the story, never a side effect of writing: the provider registered
the person, received a referral (until it is declined or closed), made a referral (until it is
decided), has the person on one of its wards (until discharge), employs the current key worker
(until the key work ends or another worker replaces them), or recorded a relationship claim.
Retracted entries establish nothing. For ``GRACE`` after a relationship ends the provider may
still read, add entries dated inside it, and retract its own entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ledger.facts import Entry

GRACE = timedelta(days=30)


@dataclass
class Tie:
    """One basis of a provider's relationship with the person, from when it began to its end."""

    provider_id: str
    basis: str
    began: datetime
    ended: datetime | None = None

    def current(self) -> bool:
        """Whether the relationship has not ended."""
        return self.ended is None


@dataclass(frozen=True)
class Standing:
    """What a provider's relationships allow it now: everything, late entries, or nothing."""

    current: bool
    lapsed_at: datetime | None = None  # the latest end of a relationship still within its grace

    @property
    def any(self) -> bool:
        """Whether the provider may read the story (and write, within the limits above)."""
        return self.current or self.lapsed_at is not None

    def admits(self, occurred_at: datetime) -> bool:
        """Whether a new entry dated ``occurred_at`` may be added on this standing."""
        return self.current or (self.lapsed_at is not None and occurred_at <= self.lapsed_at)


def ties(entries: Iterable[Entry], retracted: set[int]) -> list[Tie]:
    """Every relationship the story's live entries establish, in the order they began."""
    found: list[Tie] = []
    by_key: dict[tuple[str, str], Tie] = {}

    def begin(key: tuple[str, str], provider_id: str, basis: str, at: datetime) -> None:
        by_key[key] = Tie(provider_id, basis, at)
        found.append(by_key[key])

    def end(key: tuple[str, str], at: datetime) -> None:
        tie = by_key.pop(key, None)
        if tie is not None and tie.ended is None:
            tie.ended = at

    for entry in entries:
        if entry.version in retracted:
            continue
        data, at, who = entry.data, entry.occurred_at, entry.provider_id
        if entry.type in ("PersonRegistered", "RelationshipClaimed"):
            begin((entry.type, str(entry.version)), who, entry.type, at)
        elif entry.type == "ReferralMade":
            begin(("to", data["referral_id"]), data["to_provider_id"], "referred_to", at)
            begin(("from", data["referral_id"]), who, "referred_from", at)
        elif entry.type in ("ReferralAccepted", "ReferralDeclined", "ReferralClosed"):
            end(("from", data["referral_id"]), at)
            if entry.type != "ReferralAccepted":
                end(("to", data["referral_id"]), at)
        elif entry.type == "AdmittedToWard":
            begin(("stay", data["stay_id"]), who, "on_ward", at)
        elif entry.type == "DischargedFromWard":
            end(("stay", data["stay_id"]), at)
        elif entry.type == "KeyWorkerAssigned":
            end(("key_worker", ""), at)
            begin(("key_worker", ""), who, "key_worker", at)
        elif entry.type == "KeyWorkerEnded":
            end(("key_worker", ""), at)
    return found


def standing(provider_id: str, found: Iterable[Tie], now: datetime) -> Standing:
    """A provider's standing with the person at ``now``, from the story's relationships."""
    current, lapsed_at = False, None
    for tie in found:
        if tie.provider_id != provider_id:
            continue
        if tie.ended is None:
            current = True
        elif now - tie.ended <= GRACE and (lapsed_at is None or tie.ended > lapsed_at):
            lapsed_at = tie.ended
    return Standing(current, lapsed_at)
