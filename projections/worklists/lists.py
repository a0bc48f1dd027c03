"""Reading the list tables beside the pages (``projections.worklists.pages``): people's open
referrals (with their providers' names), and which people a provider may read. Every query is
an index lookup on the provider (or the person); names come back sealed, to be opened by the
caller with each person's key."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from psycopg.sql import SQL

from ledger.relationships import GRACE
from projections.facts.schema import FiguresView

# A provider's name in the directory (as registered: its first version), by the providers' index.
PROVIDER_NAME = """coalesce((SELECT nullif(pr.name, '') FROM {providers} pr
  WHERE pr.provider_id = {code} ORDER BY pr.version LIMIT 1), {code})"""
OPEN_REFERRALS = """
SELECT r.person_id, r.referral_id, r.to_provider_id, r.priority, r.received_at, r.received_on,
  r.accepted, r.seen_on, {to_name} AS to_provider_name FROM {referrals} r
WHERE r.person_id = ANY(%(people)s) AND r.ended_on IS NULL ORDER BY r.received_at
"""
MAY_READ = """
SELECT DISTINCT p.* FROM {ties} t JOIN {people} p USING (person_id)
WHERE t.provider_id = %(provider)s AND (t.ended IS NULL OR t.ended >= %(since)s)
  AND (%(people)s::uuid[] IS NULL OR t.person_id = ANY(%(people)s::uuid[]))
"""


TABLES = {"referrals": "worklist_referrals", "people": "worklist_people",
          "ties": "worklist_ties", "contacts": "contacts", "retractions": "retractions",
          "counts": "worklist_counts", "providers": "providers"}


def tables(view: FiguresView) -> dict[str, Any]:
    """The list tables' names in ``view``, by the names the statements here and in the pages use,
    and the lookups of a row's provider names (``from_name``, ``to_name``)."""
    names: dict[str, Any] = {name: view.table(table) for name, table in TABLES.items()}
    for slot, code in (("from_name", "r.from_provider_id"), ("to_name", "r.to_provider_id")):
        names[slot] = SQL(PROVIDER_NAME).format(providers=names["providers"], code=SQL(code))
    return names


def _rows(view: FiguresView, template: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    statement = SQL(template).format(**tables(view))
    with view.reading() as curs:
        curs.execute(statement, params)
        return list(curs.fetchall())


def open_referrals(view: FiguresView, people: list[UUID]) -> list[dict[str, Any]]:
    """The referrals of these people not declined or closed, oldest first."""
    return _rows(view, OPEN_REFERRALS, {"people": people}) if people else []


def readable(view: FiguresView, provider: str, now: datetime,
             people: list[UUID] | None = None) -> list[dict[str, Any]]:
    """The people ``provider`` may read at ``now`` (a current relationship, or one ended within
    its grace), only among ``people`` when given."""
    return _rows(view, MAY_READ, {"provider": provider, "since": now - GRACE, "people": people})

