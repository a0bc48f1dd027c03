"""The list tables: per-person rows derived from the facts, recomputed whenever a batch touches
the person (so a retraction or a late entry is reflected as soon as its batch commits).

``worklist_referrals`` holds each live referral's journey (received, decided, first seen);
``worklist_people`` each person's sealed name and NHS number and current key worker;
``worklist_ties`` each care relationship (``ledger.relationships``) with when it began and ended.
Names stay sealed under the person's own key, so erasing the key shreds them here too.
"""

from __future__ import annotations

from collections.abc import Callable

from psycopg.sql import SQL, Composed

from ledger.indexes import index_if_missing
from projections.worklists.order import WAITING_KEY

LIST_TABLES: dict[str, str] = {
    "worklist_referrals": (
        "person_id uuid, version bigint, referral_id text, from_provider_id text, "
        "to_provider_id text, priority text, needs text[], received_at timestamptz, "
        "received_on date, accepted boolean, ended_on date, seen_on date, "
        "PRIMARY KEY (person_id, version)"),
    "worklist_people": (
        "person_id uuid PRIMARY KEY, nhs_number text, given_name text, family_name text, "
        "key_worker_provider_id text, key_worker_staff_id text"),
    "worklist_ties": (
        "person_id uuid, provider_id text, basis text, began timestamptz, ended timestamptz"),
    # people whose rows a bulk batch left to derive at the head (``projections.worklists.unsettled``)
    "worklist_unsettled": "list_table text, person_id uuid",
}
LIST_INDEXES: dict[str, tuple[str, ...]] = {
    "worklist_referrals": (
        "to_provider_id, ended_on",
        "to_provider_id, received_at WHERE ended_on IS NULL AND seen_on IS NULL",
        # a waiting list in its order (``projections.worklists.pages``), and an open caseload's
        f"to_provider_id, {WAITING_KEY.format(r='')} WHERE ended_on IS NULL AND seen_on IS NULL",
        "to_provider_id, received_on, person_id WHERE ended_on IS NULL"),
    "worklist_people": ("key_worker_provider_id, key_worker_staff_id",),
    "worklist_ties": ("person_id, provider_id", "provider_id, ended"),
    "worklist_unsettled": (),
}


def worklist_tables(table: Callable[[str], Composed], schema: str) -> list[Composed]:
    """The statements creating the list tables and their indexes (``table`` qualifies a name in
    ``schema``); an index only when missing (``ledger.indexes``)."""
    statements = []
    for name, body in LIST_TABLES.items():
        statements.append(SQL("CREATE TABLE IF NOT EXISTS {} (" + body + ")").format(table(name)))
        for n, columns in enumerate(LIST_INDEXES[name]):
            on, _, where = columns.partition(" WHERE ")
            statements.append(index_if_missing(schema, table(name), f"figures_{name}_{n}", on, where))
    return statements
