"""A referral's journey: received, decided, seen (first attended direct contact at the receiver).

Waiting times, the waiting list, caseload, referral outcomes and handoffs all read journeys.
A referral is *seen* by the receiving provider's first attended direct contact with the person
at or after the referral's ``occurred_at`` and before any decline or closure of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from projections.figures.fact_reader import LiveFacts

JOURNEYS = """
WITH referrals AS ({referrals}), decisions AS ({decisions}), contacts AS ({contacts}),
reads AS ({reads})
SELECT r.person_id, r.referral_id, r.provider_id AS from_provider_id, r.to_provider_id,
  r.occurred_at AS received_at, r.occurred_on AS received_on,
  coalesce(d.accepted, false) AS accepted, coalesce(d.declined, false) AS declined,
  d.ended_at, d.ended_on, s.occurred_at AS seen_at, s.occurred_on AS seen_on,
  EXISTS (SELECT 1 FROM reads x WHERE x.person_id = r.person_id
    AND x.provider_id = r.to_provider_id AND x.read_at >= r.occurred_at
    AND x.read_at <= s.occurred_at) AS story_read
FROM referrals r
LEFT JOIN LATERAL (
  SELECT bool_or(x.decision = 'accepted') AS accepted, bool_or(x.decision = 'declined') AS declined,
    min(x.occurred_at) FILTER (WHERE x.decision <> 'accepted') AS ended_at,
    min(x.occurred_on) FILTER (WHERE x.decision <> 'accepted') AS ended_on
  FROM decisions x WHERE x.person_id = r.person_id AND x.referral_id = r.referral_id) d ON true
LEFT JOIN LATERAL (
  SELECT c.occurred_at, c.occurred_on FROM contacts c
  WHERE c.person_id = r.person_id AND c.provider_id = r.to_provider_id AND c.attended_direct
    AND c.occurred_at >= r.occurred_at AND (d.ended_at IS NULL OR c.occurred_at < d.ended_at)
  ORDER BY c.occurred_at, c.version LIMIT 1) s ON true
WHERE %(provider)s::text IS NULL OR r.to_provider_id = %(provider)s::text
ORDER BY r.occurred_at, r.person_id, r.version
"""


@dataclass(frozen=True)
class Journey:
    """One live referral: who, from and to whom, and when it was received, decided and seen."""

    person_id: UUID
    referral_id: str
    from_provider_id: str
    to_provider_id: str
    received_at: datetime
    received_on: date
    accepted: bool
    declined: bool
    ended_at: datetime | None
    ended_on: date | None
    seen_at: datetime | None
    seen_on: date | None
    story_read: bool

    @property
    def closed(self) -> bool:
        """Accepted, then closed."""
        return self.ended_at is not None and not self.declined

    def open_on(self, day: date) -> bool:
        """Received on or before ``day`` and neither declined nor closed on or before it."""
        return self.received_on <= day and (self.ended_on is None or self.ended_on > day)


def journeys(facts: LiveFacts, provider: str | None = None) -> list[Journey]:
    """Every live referral's journey, oldest first (only to ``provider`` when given)."""
    rows = facts.query(JOURNEYS, {"provider": provider}, referrals=facts.live("referrals"),
                       decisions=facts.live("decisions"), contacts=facts.live("contacts"),
                       reads=facts.recorded("story_reads"))
    return [Journey(**row) for row in rows]


def story_reads_recorded(facts: LiveFacts) -> bool:
    """Whether the access log has given the figures any story read at all."""
    rows = facts.query("SELECT count(*) AS n FROM ({reads}) x", reads=facts.recorded("story_reads"))
    return bool(rows[0]["n"])
