"""One page of a provider's list, in one statement: the list's total, the page's rows after a
position (keyset paging), and for each row whether the asking provider may read the person.

Each list has a stable order the page's position is a key of, so a page costs the rows asked
(and a count over the provider's index), not the provider's caseload. Names come back sealed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from psycopg.sql import SQL

from ledger.relationships import GRACE
from projections.facts.schema import FiguresView
from projections.worklists.lists import tables

RANK = ("CASE r.priority WHEN 'emergency' THEN 0 WHEN 'very_urgent' THEN 1 WHEN 'urgent' THEN 2 "
        "WHEN 'routine' THEN 3 ELSE 9 END")
MAY_READ = """EXISTS (SELECT 1 FROM {ties} t WHERE t.person_id = p.person_id
  AND t.provider_id = %(reader)s AND (t.ended IS NULL OR t.ended >= %(since)s)) AS may_read"""
WAITING = """
SELECT n.total, w.* FROM (SELECT count(*) AS total FROM {referrals} r
  WHERE r.to_provider_id = %(provider)s AND r.ended_on IS NULL AND r.seen_on IS NULL) n
LEFT JOIN LATERAL (
  SELECT r.person_id, r.referral_id, r.from_provider_id, r.priority, r.needs, r.received_at,
    r.received_on, r.accepted, {rank} AS rank, p.nhs_number, p.given_name,
    p.family_name, {may_read}
  FROM {referrals} r JOIN {people} p USING (person_id)
  WHERE r.to_provider_id = %(provider)s AND r.ended_on IS NULL AND r.seen_on IS NULL
    AND (%(after)s::text[] IS NULL OR ({rank}, r.received_at, r.person_id::text,
      r.referral_id) > (%(after)s[1]::int, %(after)s[2]::timestamptz, %(after)s[3], %(after)s[4]))
  ORDER BY rank, r.received_at, r.person_id::text, r.referral_id LIMIT %(limit)s) w ON true
"""
CASELOAD = """
WITH c AS (SELECT DISTINCT ON (r.person_id) r.person_id, r.received_on FROM {referrals} r
  WHERE r.to_provider_id = %(provider)s AND r.received_on <= %(on)s
    AND (r.ended_on IS NULL OR r.ended_on > %(on)s)
  ORDER BY r.person_id, r.received_on)
SELECT n.total, w.* FROM (SELECT count(*) AS total FROM c) n
LEFT JOIN LATERAL (
  SELECT c.person_id, c.received_on, p.nhs_number, p.given_name, p.family_name,
    p.key_worker_provider_id, p.key_worker_staff_id, {may_read}
  FROM c JOIN {people} p USING (person_id)
  WHERE %(after)s::text[] IS NULL
    OR (c.received_on, c.person_id) > (%(after)s[1]::date, %(after)s[2]::uuid)
  ORDER BY c.received_on, c.person_id LIMIT %(limit)s) w ON true
"""
KEY_WORKED = """
SELECT n.total, w.* FROM (SELECT count(*) AS total FROM {people} p
  WHERE p.key_worker_provider_id = %(provider)s AND p.key_worker_staff_id = %(staff)s) n
LEFT JOIN LATERAL (
  SELECT p.person_id, p.nhs_number, p.given_name, p.family_name, {may_read},
    (SELECT max(c.occurred_at) FROM {contacts} c WHERE c.person_id = p.person_id
       AND c.provider_id = %(provider)s AND c.attendance = 'attended' AND NOT EXISTS (
         SELECT 1 FROM {retractions} x WHERE x.person_id = c.person_id
           AND x.retracted_version = c.version)) AS last_contact_at
  FROM {people} p
  WHERE p.key_worker_provider_id = %(provider)s AND p.key_worker_staff_id = %(staff)s
    AND (%(after)s::text[] IS NULL OR p.person_id > %(after)s[1]::uuid)
  ORDER BY p.person_id LIMIT %(limit)s) w ON true
"""


def _page(view: FiguresView, template: str, params: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    names = tables(view)
    statement = SQL(template).format(rank=SQL(RANK), may_read=SQL(MAY_READ).format(**names),
                                     **names)
    with view.datastore.transaction(commit=False) as curs:
        curs.execute(statement, params)
        rows = list(curs.fetchall())
    total = int(rows[0]["total"]) if rows else 0
    return total, [row for row in rows if row["person_id"] is not None]


def _params(reader: str | None, now: datetime, after: list[str] | None, limit: int,
            **more: Any) -> dict[str, Any]:
    return {"reader": reader, "since": now - GRACE, "after": after, "limit": limit, **more}


def waiting_page(view: FiguresView, provider: str, reader: str | None, now: datetime,
                 after: list[str] | None, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """Open, unseen referrals to ``provider``: most urgent first, then oldest; after the key
    (rank, received_at, person_id, referral_id) when given; with the list's total."""
    return _page(view, WAITING, _params(reader, now, after, limit, provider=provider))


def caseload_page(view: FiguresView, provider: str, on: date, reader: str | None, now: datetime,
                  after: list[str] | None, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """People on ``provider``'s caseload on ``on``, longest referred first (key: received_on,
    person_id)."""
    return _page(view, CASELOAD, _params(reader, now, after, limit, provider=provider, on=on))


def key_worked_page(view: FiguresView, provider: str, staff: str, reader: str | None,
                    now: datetime, after: list[str] | None,
                    limit: int) -> tuple[int, list[dict[str, Any]]]:
    """People whose current key worker is ``staff`` at ``provider``, by id (key: person_id)."""
    return _page(view, KEY_WORKED, _params(reader, now, after, limit, provider=provider,
                                           staff=staff))
