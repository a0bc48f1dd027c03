"""The waiting list's order, one text for the page's ``ORDER BY`` and for the index that holds
it (``projections.worklists.tables``): PostgreSQL walks an index for an ``ORDER BY ... LIMIT``
only when the expressions are the same. ``{r}`` is the table's alias with its dot, or nothing."""

from __future__ import annotations

RANK = ("(CASE {r}priority WHEN 'emergency' THEN 0 WHEN 'very_urgent' THEN 1 WHEN 'urgent' THEN 2 "
        "WHEN 'routine' THEN 3 ELSE 9 END)")
WAITING_KEY = RANK + ", {r}received_at, ({r}person_id::text), {r}referral_id"
