"""The lists' kept totals checked row by row: against a count of the live list rows, and against
the totals a rebuild from nothing kept.

A count of the list rows (``projections.worklists.counts.counted`` over whole tables) is the
definition; ``worklist_counts`` is the fast path the pages read. The live side is read under the
projector's lock, so no batch lands between reading the totals and counting the rows.
"""

from __future__ import annotations

from psycopg.sql import SQL, Composed

from projections.facts.schema import FiguresView, lock_key
from projections.worklists.counts import COUNTS, PARTS, counted
from replay.compare import DIFFER, LIMIT, Difference, _paired

TABLE = f"figures_{COUNTS}"
KEY = ["list", "provider_id", "staff_id", "day"]
# -infinity as text: Python's dates have none
KEPT = "SELECT list, provider_id, staff_id, day::text AS day, n FROM {}"
COUNTED = "SELECT list, provider_id, staff_id, day::text AS day, n FROM ({}) d WHERE d.n <> 0"


def _kept(view: FiguresView) -> Composed:
    return SQL(KEPT).format(view.table(COUNTS))


def _differences(view: FiguresView, live: Composed, other: Composed,
                 locked: bool = False) -> list[Difference]:
    with view.datastore.transaction(commit=False) as curs:
        if locked:
            curs.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(view.datastore.schema),))
        curs.execute(SQL(DIFFER).format(live=live, rebuilt=other, limit=LIMIT))
        rows = list(curs.fetchall())
    return _paired(TABLE, KEY, rows)


def compare_counts_with_rows(view: FiguresView) -> list[Difference]:
    """Every kept total that differs from a count of the live list rows (kept side first)."""
    count = SQL(" UNION ALL ").join(SQL(COUNTED).format(counted(view.table, name))
                                    for name in PARTS)
    return _differences(view, _kept(view), count, locked=True)


def compare_counts_rebuilt(live: FiguresView, rebuilt: FiguresView) -> list[Difference]:
    """Every kept total that differs between the live view and a rebuild from nothing."""
    return _differences(live, _kept(live), _kept(rebuilt))
