"""Names on lists: each person's sealed name and NHS number, opened with their own key, and only
for people the caller's provider may read (a care relationship, current or within its grace).

Opening a name for a list is not reading a story: no story is loaded or replayed, and nothing is
written to the person's access log (``docs/access.md``). An analyst sees ids only; an erased
person's name no longer opens and is answered as null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from api.http.tokens import ROLES_WITH_PROVIDER, Caller
from commands import Ledger
from commands.sealing import opener
from projections.facts.schema import FiguresView
from projections.worklists.lists import readable

IDENTIFYING = ("nhs_number", "given_name", "family_name")


def may_name(view: FiguresView, caller: Caller, people: Iterable[UUID], now: datetime) -> set[UUID]:
    """Which of ``people`` the caller may see named: those its provider may read."""
    wanted = list(dict.fromkeys(people))
    if caller.role not in ROLES_WITH_PROVIDER or caller.provider_id is None or not wanted:
        return set()
    return {row["person_id"] for row in readable(view, caller.provider_id, now, wanted)}


def opened(ledger: Ledger, rows: list[dict[str, Any]], named: set[UUID]) -> dict[UUID, dict[str, Any]]:
    """Each listed person's id, name and NHS number (null where not named or no longer opening)."""
    keys = ledger.person_keys.existing(named)
    people: dict[UUID, dict[str, Any]] = {}
    for row in rows:
        person_id = row["person_id"]
        if person_id in people:
            continue
        values: dict[str, Any] = dict.fromkeys(IDENTIFYING)
        if person_id in named:
            open_value = opener(keys.get(person_id), person_id)
            for field in IDENTIFYING:
                sealed = row.get(field)
                values[field] = None if sealed is None else open_value(field, json.loads(sealed))
        people[person_id] = {"person_id": str(person_id), "name": _name(values),
                             "nhs_number": values["nhs_number"]}
    return people


def _name(values: dict[str, Any]) -> str | None:
    parts = [values[f] for f in ("given_name", "family_name") if isinstance(values[f], str)]
    return " ".join(parts) or None
