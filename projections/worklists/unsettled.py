"""People whose list rows a bulk batch left to derive later: marked in the batch's transaction,
settled together once the catch-up reaches the head.

A catch-up far behind touches most people in many of its batches; deriving their rows again in
each would cost each person once per batch. A bulk batch instead marks (list table, person)
with its facts, in one transaction, so a crash loses no mark (a person marked twice is
derived once); ``settle`` derives every marked
person's rows once, from the facts as they stand, and clears the marks in the same transaction.
While marks are left, the figures' runner does not count a position as reached (``after``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from psycopg.sql import SQL, Composed

from projections.copy_formats import copy_statement
from projections.worklists.counts import COUNTS, LISTS
from projections.worklists.refresh import derive, derive_all, touched

UNSETTLED = "worklist_unsettled"
SETTLE_PAGE = 20_000  # people derived per statement while settling
WHOLE_SHARE = 0.5  # marked at least this share of all people, a list table is derived whole
# Marked this many people, a table's statistics are taken again at once: a page's plan picks its
# indexes by them, and autovacuum may come long after a catch-up (a page read the provider's
# whole caseload per row with the statistics of an empty table: docs/scale.md).
ANALYSED = 1000
PEOPLE = "SELECT count(DISTINCT person_id) AS n FROM {}"
MARK = "COPY {} (list_table, person_id) FROM STDIN"
MARK_TYPES = ("text", "uuid")
ANY_MARK = "SELECT EXISTS (SELECT 1 FROM {}) AS found"
MARKED = "SELECT DISTINCT list_table, person_id FROM {} ORDER BY list_table, person_id"


def mark(curs: Any, table: Callable[[str], Composed], rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Mark the people whose list rows the batch's fact ``rows`` may change (instead of deriving)."""
    with curs.copy(SQL(MARK).format(table(UNSETTLED))) as copy:
        for name, people in touched(rows).items():
            for person in people:
                copy.write_row((name, person))


def mark_encoded(curs: Any, table: Callable[[str], Composed], marks: bytes) -> None:
    """Write marks already encoded for ``COPY`` (rows of list table and person; binary or text,
    ``projections.copy_formats``)."""
    if marks:
        with curs.copy(copy_statement(SQL(MARK).format(table(UNSETTLED)), marks)) as copy:
            copy.write(marks)


def unsettled(curs: Any, table: Callable[[str], Composed]) -> bool:
    """Whether any person's list rows are left to derive."""
    curs.execute(SQL(ANY_MARK).format(table(UNSETTLED)))
    row = curs.fetchone()
    return row is not None and bool(row["found"])


def settle(curs: Any, table: Callable[[str], Composed]) -> int:
    """Derive every marked person's rows once and clear the marks; answers how many marks."""
    curs.execute(SQL(MARKED).format(table(UNSETTLED)))
    marked: dict[str, list[Any]] = {}
    for row in curs.fetchall():
        marked.setdefault(row["list_table"], []).append(row["person_id"])
    everyone = _people(curs, table) if marked else 0
    for name, people in marked.items():
        if len(people) >= WHOLE_SHARE * everyone:  # a catch-up from nothing marks everyone
            derive_all(curs, table, name)
        else:
            for start in range(0, len(people), SETTLE_PAGE):
                derive(curs, table, name, people[start:start + SETTLE_PAGE])
        if len(people) >= ANALYSED:
            _analyse(curs, table, name)
    curs.execute(SQL("DELETE FROM {}").format(table(UNSETTLED)))
    return sum(len(people) for people in marked.values())


def _analyse(curs: Any, table: Callable[[str], Composed], name: str) -> None:
    """Take a list table's statistics again (and its counts', which change with it)."""
    for each in (name, *((COUNTS,) if name in LISTS else ())):
        curs.execute(SQL("ANALYZE {}").format(table(each)))


def _people(curs: Any, table: Callable[[str], Composed]) -> int:
    """How many people have an identity fact (every registered person has one)."""
    curs.execute(SQL(PEOPLE).format(table("identities")))
    row = curs.fetchone()
    return int(row["n"]) if row is not None else 0
