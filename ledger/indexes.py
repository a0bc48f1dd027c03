"""Indexes made only when missing, so that a process's start locks no table that has them.

``CREATE INDEX IF NOT EXISTS`` takes its table's SHARE lock before it looks for the index. Every
process builds its views at start (the figures' view runs its create statements in one
transaction), so a start locked the fact and list tables one after another while the live
projector, holding some of them, wrote to others: a deadlock, found in CI by
``tests/faults/test_faults_lost_acknowledgement.py`` once the providers' table had an index. Each
index is now made inside a ``DO`` block that first asks the catalogue whether it exists
(``to_regclass`` takes no lock on the table), so a start on a store whose indexes exist waits for
no writer and holds up none.
"""

from __future__ import annotations

from psycopg.sql import SQL, Composed, Identifier, Literal

MAKE = ("DO $$ BEGIN IF to_regclass({known}) IS NULL THEN CREATE INDEX {index} ON {table} "
        "({columns}){where}; END IF; END $$")


def index_if_missing(schema: str, table: Composed, index: str, columns: str,
                     where: str = "") -> Composed:
    """The statement making ``index`` on ``table`` (in ``schema``) over ``columns`` (with a
    partial ``where``), only if no relation of that name exists in the schema."""
    known = Literal('"' + schema.replace('"', '""') + '"."' + index.replace('"', '""') + '"')
    text = MAKE.replace("{columns}", columns).replace("{where}", f" WHERE {where}" if where else "")
    return SQL(text).format(known=known, index=Identifier(index), table=table)
