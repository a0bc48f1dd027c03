"""The contact metrics' summary cells built whole in SQL: people supported, and cost (attended
direct contacts at the unit cost in force, bed days at the bed-day cost in force on each day).
Rows as ``sql_journeys`` describes; the Python figures stay the definition."""

from __future__ import annotations

from projections.figures.provider_costs import PROVIDERS
from projections.figures.ward_stays import STAYS
from projections.summaries.sql_journeys import cell, month

ATTENDED = ("FROM ({contacts}) c WHERE c.attended_direct"
            " AND c.occurred_on BETWEEN %(first)s AND %(last)s")
PEOPLE_SUPPORTED = f"""
SELECT 'people-supported' AS metric, c.month, {cell('c.provider_id')}, 'people' AS part,
  NULL::text AS value, count(DISTINCT c.person_id) AS n
FROM (SELECT {month('c.occurred_on')} AS month, c.provider_id, c.person_id {ATTENDED}) c
GROUP BY GROUPING SETS ((c.month, c.provider_id), (c.month))"""


# Each cost in force from its setting until the next one's (story order); the first one also
# before it: ``CostBook.contact_cost`` (by instant) and ``bed_day_cost`` (by date)
BOOKS = f"""
SELECT p.provider_id, p.unit_cost_gbp, p.bed_day_cost_gbp,
  CASE WHEN lag(p.version) OVER w IS NULL THEN '-infinity' ELSE p.occurred_at END AS from_at,
  coalesce(lead(p.occurred_at) OVER w, 'infinity') AS until_at,
  CASE WHEN lag(p.version) OVER w IS NULL THEN '-infinity' ELSE p.occurred_on END AS from_on,
  coalesce(lead(p.occurred_on) OVER w, 'infinity') AS until_on
FROM ({PROVIDERS}) p WINDOW w AS (PARTITION BY p.provider_id ORDER BY p.stream_id, p.occurred_at,
  p.version)"""


def _in_force(provider: str, from_: str, until: str, at: str) -> str:
    """A join condition: the book row of ``provider`` in force at ``at``."""
    return f"b.provider_id = {provider} AND b.{from_} <= {at} AND {at} < b.{until}"


CONTACT_COST = _in_force("c.provider_id", "from_at", "until_at", "c.occurred_at")
BED_DAYS = ("generate_series(greatest(s.admitted_on, %(first)s::date)::timestamp,"
            " least(%(last)s::date, s.discharged_on - 1)::timestamp, interval '1 day')")
CHARGES = f"""
SELECT c.occurred_on AS day, c.provider_id, c.person_id, coalesce(b.unit_cost_gbp, 0) AS amount
{ATTENDED.replace(" WHERE ", f" LEFT JOIN books b ON {CONTACT_COST} WHERE ")}
UNION ALL
SELECT d::date, s.provider_id, s.person_id, coalesce(b.bed_day_cost_gbp, 0)
FROM stays s CROSS JOIN LATERAL {BED_DAYS} d
  LEFT JOIN books b ON {_in_force("s.provider_id", "from_on", "until_on", "d::date")}"""
COST = f"""
WITH books AS ({BOOKS}), stays AS ({STAYS}),
charges AS (SELECT {month('x.day')} AS month, x.* FROM ({CHARGES}) x)
SELECT 'cost' AS metric, c.month, {cell('c.provider_id')}, 'people' AS part,
  NULL::text AS value, count(DISTINCT c.person_id) AS n
FROM charges c GROUP BY GROUPING SETS ((c.month, c.provider_id), (c.month))
UNION ALL
SELECT 'cost', c.month, {cell('c.provider_id')}, 'total_gbp', sum(c.amount)::text, NULL
FROM charges c GROUP BY GROUPING SETS ((c.month, c.provider_id), (c.month))"""
