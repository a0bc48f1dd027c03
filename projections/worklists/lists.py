"""Reading the list tables beside the pages (``projections.worklists.pages``): people's open
referrals, which people a provider may read, and the directory's provider names. Every query is
an index lookup on the provider (or the person); names come back sealed, to be opened by the
caller with each person's key."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from psycopg.sql import SQL

from ledger.relationships import GRACE
from projections.facts.schema import FiguresView

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


TABLES = {"referrals": "worklist_referrals", "people": "worklist_people",
          "ties": "worklist_ties", "contacts": "contacts", "retractions": "retractions",
          "counts": "worklist_counts"}


def tables(view: FiguresView) -> dict[str, Any]:
    """The list tables' names in ``view``, by the names the statements here and in the pages use."""
    return {name: view.table(table) for name, table in TABLES.items()}


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


def provider_names(view: FiguresView) -> dict[str, str]:
    """Each provider's name in the directory (as registered), by code."""
    with view.reading() as curs:
        curs.execute(SQL("SELECT DISTINCT ON (stream_id) provider_id, name FROM {} "
                         "ORDER BY stream_id, version").format(view.table("providers")))
        return {row["provider_id"]: row["name"] for row in curs.fetchall() if row["name"]}
