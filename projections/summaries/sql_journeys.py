"""The journey metrics' summary cells built whole in one statement: caseload, waiting times,
referrals and handoffs, over the journeys (``projections.figures.journeys``) found once.

Every statement here answers rows (metric, month, provider_id, part, value, n): a borough-wide
row has the provider NULL; a histogram's row names its value (days, as text), a count's has
value NULL, an amount's has its sum as text in value and n NULL. The Python figures stay the
definition: ``ledger replay --verify`` and the tests compare these cells with theirs.
"""

from __future__ import annotations

from projections.figures.journeys import JOURNEYS
from projections.figures.provider_costs import PROVIDERS
from projections.summaries.sql_handoffs import HANDOFFS, HANDOFFS_NEEDS


def month(day: str) -> str:
    """The first day of the month ``day`` (an SQL expression, a date) falls in, as a date."""
    return f"date_trunc('month', {day}::timestamp)::date"


def cell(provider: str) -> str:
    """The provider of a cell grouped by grouping sets: NULL in the borough-wide set."""
    return f"CASE WHEN GROUPING({provider}) = 0 THEN {provider} END AS provider_id"


# The months at whose end a journey is open (from the month received to the one before it
# ended), in the months summarised; ``{until}`` may end it earlier still
OPEN_MONTHS = (f"generate_series(greatest({month('j.received_on')}::timestamp,"
               f" %(first)s::timestamp), least({month('j.ended_on')} - interval '1 month', {{until}}"
               " %(last_month)s::timestamp), interval '1 month')")

CASELOAD = f"""
SELECT 'caseload' AS metric, o.month, {cell('o.to_provider_id')}, 'count' AS part,
  NULL::text AS value, count(DISTINCT o.person_id) AS n
FROM (SELECT m::date AS month, j.to_provider_id, j.person_id
  FROM j, LATERAL {OPEN_MONTHS.format(until='')} m) o
GROUP BY GROUPING SETS ((o.month, o.to_provider_id), (o.month))"""

# Seen in the month: days from received to seen; still waiting (open and unseen) at month end:
# days from received to the day after month end
UNSEEN = month("j.seen_on") + " - interval '1 month',"
WAITING_TIMES = f"""
SELECT 'waiting-times', w.month, {cell('w.to_provider_id')}, w.part, w.days::text, count(*)
FROM (SELECT {month('j.seen_on')} AS month, j.to_provider_id, 'seen_days' AS part,
    j.seen_on - j.received_on AS days FROM j WHERE j.seen_on BETWEEN %(first)s AND %(last)s
  UNION ALL
  SELECT m::date, j.to_provider_id, 'waiting_days', (m + interval '1 month')::date - j.received_on
  FROM j, LATERAL {OPEN_MONTHS.format(until=UNSEEN)} m) w
GROUP BY GROUPING SETS ((w.month, w.to_provider_id, w.part, w.days), (w.month, w.part, w.days))"""

# Received in the month, by the receiver; borough-wide only those to a secondary-tier provider
# (a provider's tier as ``provider_tiers`` reads it: its last stream's first tier)
TIERS = (f"SELECT DISTINCT ON (t.provider_id) t.provider_id, t.tier FROM ({PROVIDERS}) t"
         " ORDER BY t.provider_id, t.stream_id DESC")
RECEIVED = (f"SELECT {month('j.received_on')} AS month, j.to_provider_id IN (SELECT provider_id"
            " FROM tiers WHERE tier = %(secondary)s) AS secondary, j.* FROM j"
            " WHERE j.received_on BETWEEN %(first)s AND %(last)s")
COUNTS = ("count(*) AS referrals, count(*) FILTER (WHERE j.accepted) AS accepted,"
          " count(*) FILTER (WHERE j.declined) AS declined, count(*) FILTER (WHERE"
          " j.declined OR (j.ended_at IS NOT NULL AND j.seen_at IS NULL)) AS avoidable")
REFERRALS = f"""
SELECT 'referrals', c.month, c.provider_id, p.part, NULL::text, p.n
FROM (SELECT j.month, j.to_provider_id AS provider_id, {COUNTS} FROM received j
    GROUP BY j.month, j.to_provider_id
  UNION ALL SELECT j.month, NULL, {COUNTS} FROM received j WHERE j.secondary GROUP BY j.month) c,
  LATERAL (VALUES ('referrals', c.referrals), ('accepted', c.accepted),
    ('declined', c.declined), ('avoidable', c.avoidable)) p(part, n)"""

JOURNEY_METRICS = ("WITH j AS MATERIALIZED (" + JOURNEYS + "), tiers AS (" + TIERS + "),"
                   " received AS MATERIALIZED (" + RECEIVED + "), " + HANDOFFS_NEEDS
                   + "\nUNION ALL\n".join([CASELOAD, WAITING_TIMES, REFERRALS, HANDOFFS]))
METRICS = ("caseload", "waiting-times", "referrals", "handoffs")
