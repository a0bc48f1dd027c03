"""Reading the list tables: a provider's waiting list and caseload, a key worker's people, and
which people a provider may read. Every query is an index lookup on the provider (or the person);
names come back sealed, to be opened by the caller with each person's key."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from psycopg.sql import SQL

from ledger.relationships import GRACE
from projections.facts.schema import FiguresView

WAITING = """
SELECT r.person_id, r.referral_id, r.from_provider_id, r.to_provider_id, r.priority, r.needs,
  r.received_at, r.received_on, r.accepted, p.*
FROM {referrals} r JOIN {people} p USING (person_id)
WHERE r.to_provider_id = %(provider)s AND r.ended_on IS NULL AND r.seen_on IS NULL
ORDER BY r.received_at, r.person_id, r.referral_id
"""
CASELOAD = """
SELECT DISTINCT ON (r.person_id) r.person_id, r.received_on, p.*
FROM {referrals} r JOIN {people} p USING (person_id)
WHERE r.to_provider_id = %(provider)s AND r.received_on <= %(on)s
  AND (r.ended_on IS NULL OR r.ended_on > %(on)s)
ORDER BY r.person_id, r.received_on
"""
KEY_WORKED = """
SELECT p.*,
  (SELECT max(c.occurred_at) FROM {contacts} c WHERE c.person_id = p.person_id
     AND c.provider_id = %(provider)s AND c.attendance = 'attended' AND NOT EXISTS (
       SELECT 1 FROM {retractions} x WHERE x.person_id = c.person_id
         AND x.retracted_version = c.version)) AS last_contact_at
FROM {people} p
WHERE p.key_worker_provider_id = %(provider)s AND p.key_worker_staff_id = %(staff)s
ORDER BY p.person_id
"""
OPEN_REFERRALS = """
SELECT r.person_id, r.referral_id, r.to_provider_id, r.priority, r.received_at, r.received_on,
  r.accepted, r.seen_on FROM {referrals} r
WHERE r.person_id = ANY(%(people)s) AND r.ended_on IS NULL ORDER BY r.received_at
"""
MAY_READ = """
SELECT DISTINCT p.* FROM {ties} t JOIN {people} p USING (person_id)
WHERE t.provider_id = %(provider)s AND (t.ended IS NULL OR t.ended >= %(since)s)
  AND (%(people)s::uuid[] IS NULL OR t.person_id = ANY(%(people)s::uuid[]))
"""


def _rows(view: FiguresView, template: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    tables = {"referrals": "worklist_referrals", "people": "worklist_people",
              "ties": "worklist_ties", "contacts": "contacts", "retractions": "retractions"}
    statement = SQL(template).format(**{k: view.table(v) for k, v in tables.items()})
    with view.datastore.transaction(commit=False) as curs:
        curs.execute(statement, params)
        return list(curs.fetchall())


def waiting(view: FiguresView, provider: str) -> list[dict[str, Any]]:
    """Open referrals to ``provider`` not yet seen, oldest first, with the person's sealed name."""
    return _rows(view, WAITING, {"provider": provider})


def caseload(view: FiguresView, provider: str, on: date) -> list[dict[str, Any]]:
    """People with a referral to ``provider`` received by ``on`` and not declined or closed by it."""
    return _rows(view, CASELOAD, {"provider": provider, "on": on})


def key_worked(view: FiguresView, provider: str, staff: str) -> list[dict[str, Any]]:
    """People whose current key worker is ``staff`` at ``provider``, with their provider's last
    attended contact."""
    return _rows(view, KEY_WORKED, {"provider": provider, "staff": staff})


def open_referrals(view: FiguresView, people: list[UUID]) -> list[dict[str, Any]]:
    """The referrals of these people not declined or closed, oldest first."""
    return _rows(view, OPEN_REFERRALS, {"people": people}) if people else []


def readable(view: FiguresView, provider: str, now: datetime,
             people: list[UUID] | None = None) -> list[dict[str, Any]]:
    """The people ``provider`` may read at ``now`` (a current relationship, or one ended within
    its grace), only among ``people`` when given."""
    return _rows(view, MAY_READ, {"provider": provider, "since": now - GRACE, "people": people})


def provider_names(view: FiguresView) -> dict[str, str]:
    """Each provider's name in the directory (as registered), by code."""
    with view.datastore.transaction(commit=False) as curs:
        curs.execute(SQL("SELECT DISTINCT ON (stream_id) provider_id, name FROM {} "
                         "ORDER BY stream_id, version").format(view.table("providers")))
        return {row["provider_id"]: row["name"] for row in curs.fetchall() if row["name"]}
