"""Each list's total, kept beside its rows: a list's page reads its count, never the provider's
whole list, so a page costs the same whatever the caseload.

``worklist_counts`` holds, per (list, provider, staff, day), a count ``n``:

- ``waiting``: the provider's open, unseen referrals (day ``-infinity``);
- ``key_worker``: the people whose current key worker is (provider, staff) (day ``-infinity``);
- ``caseload``: how many people join the provider's caseload on a day, less how many leave it.
  A person is on a caseload on day D if some referral of theirs to the provider was received on
  or before D and not ended by D; each person's referrals are merged into separate spans, each
  +1 on its first day and -1 on the day it ends, so the caseload on D is the sum up to D (a sum
  over the days of the provider's history, never over its people).

The counts change in the transaction that changes the list rows: the statements removing a
person's rows and deriving them again count what they removed and wrote, and only the difference
is written (``projections.worklists.refresh``); a cell come to zero is removed, so a rebuild from
nothing writes the same rows as the live table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from psycopg.sql import SQL, Composed, Literal

COUNTS = "worklist_counts"
COUNTS_BODY = ("list text, provider_id text, staff_id text, day date, n bigint NOT NULL, "
               "PRIMARY KEY (list, provider_id, staff_id, day)")
WAITING = """SELECT 'waiting' AS list, r.to_provider_id AS provider_id, '' AS staff_id,
  '-infinity'::date AS day, count(*) AS n FROM {rows} r
  WHERE r.to_provider_id IS NOT NULL AND r.ended_on IS NULL AND r.seen_on IS NULL
  GROUP BY r.to_provider_id"""
# Gaps and islands: a referral starting on or before the latest end so far joins that span.
CASELOAD = """SELECT 'caseload' AS list, s.provider_id, '' AS staff_id, d.day, sum(d.n) AS n FROM (
  SELECT g.person_id, g.provider_id, min(g.starts) AS starts, max(g.ends) AS ends FROM (
    SELECT o.*, sum(o.new) OVER (PARTITION BY o.person_id, o.provider_id ORDER BY o.starts, o.ends
      ROWS UNBOUNDED PRECEDING) AS span FROM (
      SELECT i.*, CASE WHEN i.starts <= max(i.ends) OVER (PARTITION BY i.person_id, i.provider_id
          ORDER BY i.starts, i.ends ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
        THEN 0 ELSE 1 END AS new FROM (
        SELECT r.person_id, r.to_provider_id AS provider_id, r.received_on AS starts,
          coalesce(r.ended_on, 'infinity'::date) AS ends FROM {rows} r
        WHERE r.to_provider_id IS NOT NULL
          AND r.received_on < coalesce(r.ended_on, 'infinity'::date)) i) o) g
  GROUP BY g.person_id, g.provider_id, g.span) s,
  LATERAL (VALUES (s.starts, 1), (s.ends, -1)) d(day, n)
  WHERE d.day <> 'infinity'::date GROUP BY s.provider_id, d.day"""
KEY_WORKER = """SELECT 'key_worker' AS list, p.key_worker_provider_id AS provider_id,
  p.key_worker_staff_id AS staff_id, '-infinity'::date AS day, count(*) AS n FROM {rows} p
  WHERE p.key_worker_provider_id IS NOT NULL AND p.key_worker_staff_id IS NOT NULL
  GROUP BY p.key_worker_provider_id, p.key_worker_staff_id"""
PARTS: dict[str, tuple[str, ...]] = {"worklist_referrals": (WAITING, CASELOAD),
                                     "worklist_people": (KEY_WORKER,)}
LISTS = {"worklist_referrals": ("waiting", "caseload"), "worklist_people": ("key_worker",)}
APPLY = """INSERT INTO {counts} AS c (list, provider_id, staff_id, day, n)
SELECT * FROM unnest(%(lists)s::text[], %(providers)s::text[], %(staff)s::text[],
  %(days)s::text[]::date[], %(n)s::bigint[])
ON CONFLICT (list, provider_id, staff_id, day) DO UPDATE SET n = c.n + excluded.n
RETURNING c.list, c.provider_id, c.staff_id, c.day::text AS day, c.n"""
EMPTIED = """DELETE FROM {counts} c USING unnest(%(lists)s::text[], %(providers)s::text[],
  %(staff)s::text[], %(days)s::text[]::date[]) z(list, provider_id, staff_id, day)
WHERE (c.list, c.provider_id, c.staff_id, c.day) = (z.list, z.provider_id, z.staff_id, z.day)
  AND c.n = 0"""
WRITTEN = ("WITH listed AS ({} RETURNING {}) SELECT d.list, d.provider_id, d.staff_id,"
           " d.day::text AS day, d.n FROM ({}) d")
WHOLE = "INSERT INTO {} SELECT * FROM ({}) d WHERE d.n <> 0"
Table = Callable[[str], Composed]
Cells = dict[tuple[str, str, str, str], int]  # (list, provider, staff, day as text): n


def _of(name: str, rows: Composed | SQL) -> Composed:
    """List table ``name``'s counts over the relation ``rows`` (once for all its lists)."""
    return SQL(" UNION ALL ").join(SQL("(" + part + ")").format(rows=rows) for part in PARTS[name])


def counted(table: Table, name: str) -> Composed:
    """The statement counting every row of list table ``name``, answering (list, provider_id,
    staff_id, day, n)."""
    return SQL("WITH listed AS (SELECT * FROM {}) ").format(table(name)) + _of(name, SQL("listed"))


def written(curs: Any, name: str, statement: Composed, returning: str,
            params: dict[str, Any]) -> Cells:
    """Run ``statement`` (a delete or an insert of list table ``name``'s rows, ``RETURNING``
    ``returning``) and answer the counts of the rows it removed or wrote, in the same statement."""
    curs.execute(SQL(WRITTEN).format(statement, SQL(returning), _of(name, SQL("listed"))), params)
    return {(r["list"], r["provider_id"], r["staff_id"], r["day"]): r["n"] for r in curs.fetchall()}


def change(curs: Any, table: Table, added: Cells, removed: Cells) -> None:
    """Add to the kept counts what rows were ``added`` less what were ``removed`` (cells that do
    not change are not written; a cell come to zero is removed)."""
    delta = [(cell, added.get(cell, 0) - removed.get(cell, 0)) for cell in {*added, *removed}]
    delta = [(cell, n) for cell, n in delta if n]
    if not delta:
        return
    lists, providers, staff, days = (list(c) for c in zip(*(cell for cell, _ in delta), strict=True))
    keys = {"lists": lists, "providers": providers, "staff": staff, "days": days}
    curs.execute(SQL(APPLY).format(counts=table(COUNTS)), {**keys, "n": [n for _, n in delta]})
    emptied = [(r["list"], r["provider_id"], r["staff_id"], r["day"])
               for r in curs.fetchall() if r["n"] == 0]
    if emptied:
        lists, providers, staff, days = (list(c) for c in zip(*emptied, strict=True))
        curs.execute(SQL(EMPTIED).format(counts=table(COUNTS)),
                     {"lists": lists, "providers": providers, "staff": staff, "days": days})


def recount(curs: Any, table: Table, name: str) -> None:
    """Count list table ``name`` again whole (after it is derived whole)."""
    if name not in LISTS:
        return
    curs.execute(SQL("DELETE FROM {} WHERE list = ANY(%(lists)s)").format(table(COUNTS)),
                 {"lists": list(LISTS[name])})
    curs.execute(SQL(WHOLE).format(table(COUNTS), counted(table, name)))


def create_counts(table: Table, lock_key: int) -> Composed:
    """The statement creating the counts table: on a store made before it existed, it is counted
    from the list rows as it is made, holding the projector's lock (``lock_key``) so that no
    batch changes the rows meanwhile."""
    counts = table(COUNTS).as_string(None)
    fill = "; ".join(SQL(WHOLE).format(table(COUNTS), counted(table, name))
                     .as_string(None) for name in PARTS)
    name = Literal(counts).as_string(None)
    body = (f"BEGIN IF to_regclass({name}) IS NULL THEN "
            f"PERFORM pg_advisory_xact_lock({int(lock_key)}); IF to_regclass({name}) IS NULL THEN "
            f"CREATE TABLE {counts} ({COUNTS_BODY}); {fill}; END IF; END IF; END")
    return SQL("DO {}").format(Literal(body))
