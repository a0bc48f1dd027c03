"""Care relationships from the facts: the ledger's own rule (``ledger.relationships.ties``) run
over entries rebuilt from the fact rows that establish or end a relationship."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from ledger.facts import Entry
from ledger.relationships import ties

ENTRIES = """
SELECT person_id, version, 'PersonRegistered' AS type, occurred_at, recorded_at, provider_id,
  NULL AS referral_id, NULL AS to_provider_id, NULL AS stay_id
  FROM {identities} i WHERE i.change = 'registered'
UNION ALL SELECT person_id, version, 'RelationshipClaimed', occurred_at, recorded_at, provider_id,
  NULL, NULL, NULL FROM {relationship_claims} c
UNION ALL SELECT person_id, version, 'ReferralMade', occurred_at, recorded_at, provider_id,
  referral_id, to_provider_id, NULL FROM {referrals} r
UNION ALL SELECT person_id, version, CASE decision WHEN 'accepted' THEN 'ReferralAccepted'
  WHEN 'declined' THEN 'ReferralDeclined' ELSE 'ReferralClosed' END, occurred_at, recorded_at,
  provider_id, referral_id, NULL, NULL FROM {decisions} d
UNION ALL SELECT person_id, version, CASE movement WHEN 'admitted' THEN 'AdmittedToWard'
  ELSE 'DischargedFromWard' END, occurred_at, recorded_at, provider_id, NULL, NULL, stay_id
  FROM {ward_events} w
UNION ALL SELECT person_id, version, CASE change WHEN 'assigned' THEN 'KeyWorkerAssigned'
  ELSE 'KeyWorkerEnded' END, occurred_at, recorded_at, provider_id, NULL, NULL, NULL
  FROM {key_workers} k
ORDER BY person_id, version
"""
KEYED = ("referral_id", "to_provider_id", "stay_id")  # the entries' last columns, as data


def ties_of(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``worklist_ties`` rows (person, provider, basis, began, ended) from the entry rows (tuples
    in ``ENTRIES``' column order: fetched as tuples, not dicts, for the many rows of a settle)."""
    stories: dict[UUID, list[Entry]] = defaultdict(list)
    for person_id, version, kind, occurred_at, recorded_at, provider_id, *keyed in rows:
        data = {k: v for k, v in zip(KEYED, keyed, strict=True) if v}
        stories[person_id].append(Entry(
            version=version, type=kind, occurred_at=occurred_at, recorded_at=recorded_at,
            provider_id=provider_id, staff_id="", data=data))
    return [(person_id, tie.provider_id, tie.basis, tie.began, tie.ended)
            for person_id, entries in stories.items() for tie in ties(entries, set())]
