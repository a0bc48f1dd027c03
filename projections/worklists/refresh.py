"""Recomputing the list rows of the people a batch touched, inside the batch's transaction.

Each person's rows are deleted and derived again from their live facts (retracted facts left
out), so the tables always equal what the facts say now, whatever order entries arrived in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from psycopg.sql import SQL, Composable, Composed

from projections.worklists.ties import ENTRIES, ties_of

LIVE = ("(SELECT t.* FROM {table} t WHERE t.person_id = ANY(%(people)s) AND NOT EXISTS ("
        "SELECT 1 FROM {retractions} x WHERE x.person_id = t.person_id"
        " AND x.retracted_version = t.version))")
REFERRALS = """
INSERT INTO {worklist_referrals}
SELECT r.person_id, r.version, r.referral_id, r.provider_id, r.to_provider_id, r.priority, r.needs,
  r.occurred_at, r.occurred_on, coalesce(d.accepted, false), d.ended_on, s.occurred_on
FROM {referrals} r
LEFT JOIN LATERAL (
  SELECT bool_or(x.decision = 'accepted') AS accepted,
    min(x.occurred_at) FILTER (WHERE x.decision <> 'accepted') AS ended_at,
    min(x.occurred_on) FILTER (WHERE x.decision <> 'accepted') AS ended_on
  FROM {decisions} x WHERE x.person_id = r.person_id AND x.referral_id = r.referral_id) d ON true
LEFT JOIN LATERAL (
  SELECT c.occurred_at, c.occurred_on FROM {contacts} c
  WHERE c.person_id = r.person_id AND c.provider_id = r.to_provider_id AND c.attended_direct
    AND c.occurred_at >= r.occurred_at AND (d.ended_at IS NULL OR c.occurred_at < d.ended_at)
  ORDER BY c.occurred_at, c.version LIMIT 1) s ON true
"""
PEOPLE = """
INSERT INTO {worklist_people}
SELECT p.person_id,
  (SELECT i.nhs_number FROM {identities} i WHERE i.person_id = p.person_id
     AND i.nhs_number IS NOT NULL ORDER BY i.version DESC LIMIT 1),
  (SELECT i.given_name FROM {identities} i WHERE i.person_id = p.person_id
     AND i.given_name IS NOT NULL ORDER BY i.version DESC LIMIT 1),
  (SELECT i.family_name FROM {identities} i WHERE i.person_id = p.person_id
     AND i.family_name IS NOT NULL ORDER BY i.version DESC LIMIT 1),
  CASE WHEN k.change = 'assigned' THEN k.provider_id END,
  CASE WHEN k.change = 'assigned' THEN k.key_worker_staff_id END
FROM (SELECT DISTINCT i.person_id FROM {identities} i) p
LEFT JOIN LATERAL (SELECT w.change, w.provider_id, w.key_worker_staff_id FROM {key_workers} w
  WHERE w.person_id = p.person_id ORDER BY w.version DESC LIMIT 1) k ON true
"""
TABLES = ("worklist_referrals", "worklist_people", "worklist_ties")
LIVE_TABLES = ("referrals", "decisions", "contacts", "identities", "key_workers",
               "relationship_claims", "ward_events")


def refresh_worklists(curs: Any, table: Callable[[str], Composed], people: set[UUID]) -> None:
    """Derive again, in the caller's transaction, every list row of ``people``
    (``table`` qualifies a table's name, as ``FiguresView.table``)."""
    if not people:
        return
    retractions = table("retractions")
    names: dict[str, Composable] = {name: table(name) for name in TABLES}
    names.update({name: SQL(LIVE).format(table=table(name), retractions=retractions)
                  for name in LIVE_TABLES})
    params = {"people": sorted(people)}
    for name in TABLES:
        curs.execute(SQL("DELETE FROM {} WHERE person_id = ANY(%(people)s)").format(names[name]),
                     params)
    curs.execute(SQL(REFERRALS).format(**names), params)
    curs.execute(SQL(PEOPLE).format(**names), params)
    curs.execute(SQL(ENTRIES).format(**names), params)
    rows = ties_of(curs.fetchall())
    if rows:
        with curs.copy(SQL("COPY {} FROM STDIN").format(names["worklist_ties"])) as copy:
            for row in rows:
                copy.write_row(row)
