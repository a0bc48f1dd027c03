"""One page of a provider's list, in one statement: the list's total, the page's rows after a
position (keyset paging), and for each row whether the asking provider may read the person.

Each list has a stable order the page's position is a key of, and its total is kept beside it
(``projections.worklists.counts``), so a page costs the rows asked, not the provider's caseload.
Names come back sealed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from psycopg.sql import SQL, Composed

from ledger.relationships import GRACE
from projections.facts.schema import FiguresView
from projections.worklists.lists import tables
from projections.worklists.order import RANK, WAITING_KEY

# Per row of the page, by the ties' (person, provider) index: never the provider's every tie.
MAY_READ = """LEFT JOIN LATERAL (SELECT true AS may_read FROM {ties} t WHERE t.person_id = p.person_id
  AND t.provider_id = %(reader)s AND (t.ended IS NULL OR t.ended >= %(since)s) LIMIT 1) m ON true"""
# Each page takes its rows from the index in the list's order, the position's rows onwards,
# then joins only those to the names and the ties: its cost is the page, and its kept total.
WAITING = """
SELECT n.total, w.* FROM (SELECT coalesce(sum(k.n), 0) AS total FROM {counts} k
  WHERE k.list = 'waiting' AND k.provider_id = %(provider)s AND k.staff_id = ''
    AND k.day = '-infinity') n
LEFT JOIN LATERAL (
  SELECT r.*, {from_name} AS from_provider_name,
    p.nhs_number, p.given_name, p.family_name, coalesce(m.may_read, false) AS may_read
  FROM (SELECT r.person_id, r.referral_id, r.from_provider_id, r.priority, r.needs,
      r.received_at, r.received_on, r.accepted, {rank} AS rank, r.person_id::text AS person
    FROM {referrals} r
    WHERE r.to_provider_id = %(provider)s AND r.ended_on IS NULL AND r.seen_on IS NULL {after}
    ORDER BY {key} LIMIT %(limit)s) r
  JOIN {people} p USING (person_id) {may_read}
  ORDER BY r.rank, r.received_at, r.person, r.referral_id) w ON true
"""
AT = "(%(after)s::text[])"  # the position's parts, each cast to its column's type
WAITING_AFTER = (f"AND ({{key}}) > ({AT}[1]::int, {AT}[2]::timestamptz, {AT}[3], {AT}[4])")
# A caseload's referrals on a day: open, or ended after it (two index ranges). A person is on
# it once, by their first such referral (the earliest received, then the first made); each range
# is walked in the page's order from the position on, so a page reads about the rows it shows.
ON_CASELOAD = """
  SELECT r.person_id, r.version, r.received_on FROM {referrals} r
  WHERE r.to_provider_id = %(provider)s AND r.received_on <= %(on)s AND {ended}"""
# The earlier referral is looked for among the person's own rows, per row (``OFFSET 0`` keeps
# the subquery from becoming an anti-join: as one the planner may hold the provider's whole
# open caseload and compare each row of the page with all of it, 24,327 comparisons for a page
# of 51 on a caseload of 477).
FIRST = """(SELECT c.person_id, c.received_on FROM ({on_caseload}) c
    WHERE NOT EXISTS (SELECT 1 FROM {referrals} e WHERE e.person_id = c.person_id
        AND e.to_provider_id = %(provider)s AND e.received_on <= %(on)s
        AND (e.ended_on IS NULL OR e.ended_on > %(on)s)
        AND (e.received_on, e.version) < (c.received_on, c.version) OFFSET 0) {after}
    ORDER BY c.received_on, c.person_id LIMIT %(limit)s)"""
CASELOAD = """
SELECT n.total, w.* FROM (SELECT coalesce(sum(k.n), 0) AS total FROM {counts} k
  WHERE k.list = 'caseload' AND k.provider_id = %(provider)s AND k.staff_id = ''
    AND k.day <= %(on)s) n
LEFT JOIN LATERAL (
  SELECT c.person_id, c.received_on, p.nhs_number, p.given_name, p.family_name,
    p.key_worker_provider_id, p.key_worker_staff_id, coalesce(m.may_read, false) AS may_read
  FROM (SELECT * FROM ({first_open} UNION ALL {first_ended_later}) c
    ORDER BY c.received_on, c.person_id LIMIT %(limit)s) c
  JOIN {people} p USING (person_id) {may_read}
  ORDER BY c.received_on, c.person_id) w ON true
"""
CASELOAD_AFTER = f"AND (c.received_on, c.person_id) > ({AT}[1]::date, {AT}[2]::uuid)"
KEY_WORKED = """
SELECT n.total, w.* FROM (SELECT coalesce(sum(k.n), 0) AS total FROM {counts} k
  WHERE k.list = 'key_worker' AND k.provider_id = %(provider)s AND k.staff_id = %(staff)s
    AND k.day = '-infinity') n
LEFT JOIN LATERAL (
  SELECT p.person_id, p.nhs_number, p.given_name, p.family_name,
    coalesce(m.may_read, false) AS may_read,
    (SELECT max(c.occurred_at) FROM {contacts} c WHERE c.person_id = p.person_id
       AND c.provider_id = %(provider)s AND c.attendance = 'attended' AND NOT EXISTS (
         SELECT 1 FROM {retractions} x WHERE x.person_id = c.person_id
           AND x.retracted_version = c.version)) AS last_contact_at
  FROM (SELECT p.* FROM {people} p
    WHERE p.key_worker_provider_id = %(provider)s AND p.key_worker_staff_id = %(staff)s {after}
    ORDER BY p.person_id LIMIT %(limit)s) p {may_read}
  ORDER BY p.person_id) w ON true
"""
KEY_WORKED_AFTER = f"AND p.person_id > {AT}[1]::uuid"


def statement(names: dict[str, Any], template: str, after: str | None) -> Composed:
    """A list's page statement over the tables ``names`` (``lists.tables``), with the position's
    condition ``after`` (a ``*_AFTER``) when a position is given."""
    key = WAITING_KEY.format(r="r.")
    position = SQL("" if after is None else after.format(key=key))
    ranges = {"open": SQL(ON_CASELOAD).format(ended=SQL("r.ended_on IS NULL"), **names),
              "ended_later": SQL(ON_CASELOAD).format(ended=SQL("r.ended_on > %(on)s"), **names)}
    firsts = {f"first_{name}": SQL(FIRST).format(on_caseload=part, after=position, **names)
              for name, part in ranges.items()}
    return SQL(template).format(rank=SQL(RANK.format(r="r.")), key=SQL(key), after=position,
                                may_read=SQL(MAY_READ).format(**names), **ranges, **firsts, **names)


# Each statement composed once per schema, as its text: composing it costs more of a short
# page's time than PostgreSQL takes to plan and run it.
COMPOSED: dict[tuple[str, str, str | None], SQL] = {}


def _page(view: FiguresView, template: str, after: str,
          params: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    condition = None if params["after"] is None else after
    with view.reading() as curs:
        key = (view.datastore.schema, template, condition)
        if (query := COMPOSED.get(key)) is None:
            text = statement(tables(view), template, condition).as_string(curs.connection)
            query = COMPOSED.setdefault(key, SQL(text))
        curs.execute(query, params)
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
    return _page(view, WAITING, WAITING_AFTER, _params(reader, now, after, limit, provider=provider))


def caseload_page(view: FiguresView, provider: str, on: date, reader: str | None, now: datetime,
                  after: list[str] | None, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """People on ``provider``'s caseload on ``on``, longest referred first (key: received_on,
    person_id)."""
    return _page(view, CASELOAD, CASELOAD_AFTER,
                 _params(reader, now, after, limit, provider=provider, on=on))


def key_worked_page(view: FiguresView, provider: str, staff: str, reader: str | None,
                    now: datetime, after: list[str] | None,
                    limit: int) -> tuple[int, list[dict[str, Any]]]:
    """People whose current key worker is ``staff`` at ``provider``, by id (key: person_id)."""
    return _page(view, KEY_WORKED, KEY_WORKED_AFTER,
                 _params(reader, now, after, limit, provider=provider, staff=staff))
