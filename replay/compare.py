"""Compare a rebuilt view's fact tables with the live ones, row by row, naming every difference.

Each table is compared both ways with ``EXCEPT ALL`` in PostgreSQL; the few rows that differ are
then paired by key, so a changed row is reported by table, key and column, and a missing or an
extra row by table and key. As of an instant, the live side keeps only facts recorded by then.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg.sql import SQL, Composed, Identifier

from projections.facts.schema import COLUMNS, KEYS, FiguresView

LIMIT = 100
DIFFER = """
WITH l AS ({live}), r AS ({rebuilt})
(SELECT 'live' AS side, a.* FROM (SELECT * FROM l EXCEPT ALL SELECT * FROM r) a LIMIT {limit})
UNION ALL
(SELECT 'rebuilt' AS side, b.* FROM (SELECT * FROM r EXCEPT ALL SELECT * FROM l) b LIMIT {limit})
"""


@dataclass(frozen=True)
class Difference:
    """One way the rebuilt facts or figures differ from the live ones."""

    table: str
    key: dict[str, Any]
    column: str | None
    live: Any
    rebuilt: Any

    def as_answer(self) -> dict[str, Any]:
        """The difference as JSON natives (values as text when JSON has no such type)."""
        def native(value: Any) -> Any:
            return value if value is None or isinstance(value, bool | int | float | str) else str(value)

        return {"table": self.table, "key": {k: native(v) for k, v in self.key.items()},
                "column": self.column, "live": native(self.live), "rebuilt": native(self.rebuilt)}


def key_columns(table: str) -> list[str]:
    """The columns that identify one row of a fact table."""
    return KEYS.get(table, "person_id, version").split(", ")


def compare_facts(live: FiguresView, rebuilt: FiguresView,
                  as_of: datetime | None = None) -> list[Difference]:
    """Every difference between the live and the rebuilt fact tables (up to LIMIT per side)."""
    differences: list[Difference] = []
    for table in COLUMNS:
        differences.extend(_table_differences(live, rebuilt, table, as_of))
    return differences


def _select(view: FiguresView, table: str, as_of: datetime | None) -> Composed:
    columns = SQL(", ").join(Identifier(c) for c in view.column_names(table))
    select = SQL("SELECT {} FROM {}").format(columns, view.table(table))
    return select if as_of is None else SQL("{} WHERE recorded_at <= %(as_of)s").format(select)


def _table_differences(live: FiguresView, rebuilt: FiguresView, table: str,
                       as_of: datetime | None) -> list[Difference]:
    statement = SQL(DIFFER).format(live=_select(live, table, as_of),
                                   rebuilt=_select(rebuilt, table, None), limit=LIMIT)
    with live.datastore.transaction(commit=False) as curs:
        curs.execute(statement, {"as_of": as_of})
        rows = list(curs.fetchall())
    return _paired(f"figures_{table}", key_columns(table), rows)


def _paired(table: str, keys: list[str], rows: list[dict[str, Any]]) -> list[Difference]:
    sides: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        side = row.pop("side")
        sides[tuple(row[k] for k in keys)][side] = row
    differences = []
    for key, pair in sides.items():
        named = dict(zip(keys, key, strict=True))
        live, rebuilt = pair.get("live"), pair.get("rebuilt")
        if live is None or rebuilt is None:
            differences.append(Difference(table, named, None, _presence(live), _presence(rebuilt)))
            continue
        differences.extend(Difference(table, named, column, live[column], rebuilt[column])
                           for column in live if live[column] != rebuilt[column])
    return differences


def _presence(row: dict[str, Any] | None) -> str:
    return "missing" if row is None else "present"
