"""Re-wrapping every live person key under a new master key (``ledger rotate-master-key``).

The keys are read and rewritten in the caller's transaction, so a rotation either re-wraps every
live key or none; an erased person's row (its key NULL) is left as it is. A key that does not open
under the old master key stops the rotation before anything changes.
"""

from __future__ import annotations

from typing import Any

from psycopg.sql import SQL

from commands.key_wrapping import KeyWrapper
from commands.person_keys import PersonKeys


def rewrap(keys: PersonKeys, curs: Any, old: KeyWrapper, new: KeyWrapper) -> int:
    """Re-wrap every live key under ``new`` in the caller's transaction; answers how many.

    Raises ``ValueError`` if a key does not open under ``old`` (nothing is then changed)."""
    curs.execute(SQL("SELECT person_id, key FROM {} WHERE key IS NOT NULL FOR UPDATE")
                 .format(keys.table), prepare=False)
    rewrapped = []
    for row in curs.fetchall():
        person_id, stored = row["person_id"], bytes(row["key"])
        key = old.unwrap(stored, person_id)
        if key is None:
            raise ValueError(f"the key of person {person_id} does not open with the current "
                             "master key; nothing was changed")
        rewrapped.append((person_id, new.wrap(key, person_id)))
    if rewrapped:
        curs.execute(SQL("UPDATE {} AS k SET key = r.key FROM unnest(%s::uuid[], %s::bytea[]) "
                         "AS r(person_id, key) WHERE k.person_id = r.person_id")
                     .format(keys.table),
                     ([p for p, _ in rewrapped], [k for _, k in rewrapped]), prepare=False)
    keys.forget_all()
    return len(rewrapped)
