"""Recomputing the list rows of the people a batch touched, inside the batch's transaction.

Each person's rows are deleted and derived again from their live facts (retracted facts left
out), so the tables always equal what the facts say now, whatever order entries arrived in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any
from uuid import UUID

from psycopg.rows import tuple_row
from psycopg.sql import SQL, Composable, Composed

from projections.worklists import counts
from projections.worklists.ties import ENTRIES, ties_of

# Each person's rows found through the person's index (a lateral subquery the planner keeps:
# ``OFFSET 0``), never a scan of the whole table filtered by ``= ANY(array)``, which costs the
# table's length (and compares each row with every element) in every batch.
LIVE = ("(SELECT t.* FROM (SELECT DISTINCT unnest(%(people)s::uuid[]) AS person_id) p,"
        " LATERAL (SELECT * FROM {table} t WHERE t.person_id = p.person_id"
        " AND NOT EXISTS (SELECT 1 FROM {retractions} x WHERE x.person_id = t.person_id"
        " AND x.retracted_version = t.version) OFFSET 0) t)")
FORGET = ("DELETE FROM {} t USING unnest(%(people)s::uuid[]) p(person_id)"
          " WHERE t.person_id = p.person_id")
# The same, for a lateral join that names its person itself (an array there is probed per row).
EACH = ("(SELECT t.* FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {retractions} x"
        " WHERE x.person_id = t.person_id AND x.retracted_version = t.version))")
REFERRALS = """
INSERT INTO {worklist_referrals}
SELECT r.person_id, r.version, r.referral_id, r.provider_id, r.to_provider_id, r.priority, r.needs,
  r.occurred_at, r.occurred_on, coalesce(d.accepted, false), d.ended_on, s.occurred_on
FROM {referrals} r
LEFT JOIN LATERAL (
  SELECT bool_or(x.decision = 'accepted') AS accepted,
    min(x.occurred_at) FILTER (WHERE x.decision <> 'accepted') AS ended_at,
    min(x.occurred_on) FILTER (WHERE x.decision <> 'accepted') AS ended_on
  FROM {each_decisions} x WHERE x.person_id = r.person_id AND x.referral_id = r.referral_id) d ON true
LEFT JOIN LATERAL (
  SELECT c.occurred_at, c.occurred_on FROM {each_contacts} c
  WHERE c.person_id = r.person_id AND c.provider_id = r.to_provider_id AND c.attended_direct
    AND c.occurred_at >= r.occurred_at AND (d.ended_at IS NULL OR c.occurred_at < d.ended_at)
  ORDER BY c.occurred_at, c.version LIMIT 1) s ON true
"""
PEOPLE = """
INSERT INTO {worklist_people}
SELECT p.person_id,
  (SELECT i.nhs_number FROM {each_identities} i WHERE i.person_id = p.person_id
     AND i.nhs_number IS NOT NULL ORDER BY i.version DESC LIMIT 1),
  (SELECT i.given_name FROM {each_identities} i WHERE i.person_id = p.person_id
     AND i.given_name IS NOT NULL ORDER BY i.version DESC LIMIT 1),
  (SELECT i.family_name FROM {each_identities} i WHERE i.person_id = p.person_id
     AND i.family_name IS NOT NULL ORDER BY i.version DESC LIMIT 1),
  CASE WHEN k.change = 'assigned' THEN k.provider_id END,
  CASE WHEN k.change = 'assigned' THEN k.key_worker_staff_id END
FROM (SELECT DISTINCT i.person_id FROM {identities} i) p
LEFT JOIN LATERAL (SELECT w.change, w.provider_id, w.key_worker_staff_id FROM {each_key_workers} w
  WHERE w.person_id = p.person_id ORDER BY w.version DESC LIMIT 1) k ON true
"""
TABLES = ("worklist_referrals", "worklist_people", "worklist_ties")
LIVE_TABLES = ("referrals", "decisions", "contacts", "identities", "key_workers",
               "relationship_claims", "ward_events")


# What each list table is derived from: a batch touching none of it leaves the table alone.
DERIVED_FROM: dict[str, tuple[str, ...]] = {
    "worklist_referrals": ("referrals", "decisions", "contacts", "retractions"),
    "worklist_people": ("identities", "key_workers", "retractions"),
    "worklist_ties": ("identities", "relationship_claims", "referrals", "decisions", "ward_events",
                      "key_workers", "retractions"),
}
STATEMENTS = {"worklist_referrals": REFERRALS, "worklist_people": PEOPLE, "worklist_ties": ENTRIES}


def touched(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, set[UUID]]:
    """For each list table, the people whose rows in it the batch's facts may change (a contact
    changes a waiting list only if it is attended and direct: its last column)."""
    people: dict[str, set[UUID]] = {}
    for name, sources in DERIVED_FROM.items():
        people[name] = {row[0] for source in sources for row in rows.get(source, ())
                        if source != "contacts" or row[-1]}
    return people


def refresh_worklists(curs: Any, table: Callable[[str], Composed],
                      rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Derive again, in the caller's transaction, the list rows of the people the batch's fact
    ``rows`` touch (``table`` qualifies a table's name, as ``FiguresView.table``)."""
    for name, people in touched(rows).items():
        derive(curs, table, name, people)


def derive(curs: Any, table: Callable[[str], Composed], name: str, people: Collection[UUID]) -> None:
    """Derive again one list table's rows of ``people`` from their live facts."""
    if people:
        _derive(curs, table, name, {"people": sorted(people)})


def derive_all(curs: Any, table: Callable[[str], Composed], name: str) -> None:
    """Derive one list table again whole, from every live fact: the same rows as deriving every
    person's, in one statement over whole tables instead of a lookup per person."""
    _derive(curs, table, name, None)


def _derive(curs: Any, table: Callable[[str], Composed], name: str,
            params: dict[str, Any] | None) -> None:
    retractions = table("retractions")
    some = SQL(LIVE if params is not None else EACH)
    names: dict[str, Composable] = {each: table(each) for each in TABLES}
    names.update({each: some.format(table=table(each), retractions=retractions)
                  for each in LIVE_TABLES})
    names.update({f"each_{each}": SQL(EACH).format(table=table(each), retractions=retractions)
                  for each in LIVE_TABLES})
    if params is not None and name in counts.PARTS:  # the rows and their counts, together
        removed = counts.written(curs, name, SQL(FORGET).format(names[name]), "t.*", params)
        added = counts.written(curs, name, SQL(STATEMENTS[name]).format(**names), "*", params)
        counts.change(curs, table, added, removed)
        return
    curs.execute(SQL(FORGET if params is not None else "DELETE FROM {}").format(names[name]),
                 params)
    if name != "worklist_ties":
        curs.execute(SQL(STATEMENTS[name]).format(**names), params)
        counts.recount(curs, table, name)
        return
    with curs.connection.cursor(row_factory=tuple_row) as entries:
        entries.execute(SQL(STATEMENTS[name]).format(**names), params)
        _copy_ties(curs, names[name], ties_of(entries.fetchall()))


def _copy_ties(curs: Any, ties: Composable, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        with curs.copy(SQL("COPY {} FROM STDIN").format(ties)) as copy:
            for row in rows:
                copy.write_row(row)
