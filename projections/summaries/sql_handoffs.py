"""The handoffs metric's summary cells built whole in SQL (``sql_journeys`` runs it with the
other journey metrics): referrals and people by the month received, re-referrals, those seen
and read first by the month seen, repeat assessments and key-worker changes by their month.
The Python figure (``projections.figures.handoffs``) stays the definition."""

from __future__ import annotations

from projections.figures.handoffs import WINDOW_DAYS

# Key-worker rows with the one before them in the person's story (by version)
HANDOFFS_NEEDS = """assessments AS ({assessments}),
key_workers AS (SELECT k.*, lag(k.version) OVER w IS NOT NULL AS after_another,
    lag(k.change) OVER w AS change_before, lag(k.key_worker_staff_id) OVER w AS staff_before
  FROM ({key_workers}) k WINDOW w AS (PARTITION BY k.person_id ORDER BY k.version))"""


def _grouped(part: str, count: str, rows: str, day: str, provider: str) -> str:
    month = f"date_trunc('month', {day}::timestamp)::date"
    return (f"SELECT 'handoffs', {month}, CASE WHEN GROUPING({provider}) = 0 THEN {provider}"
            f" END, '{part}', NULL::text, {count} FROM {rows}"
            f" GROUP BY GROUPING SETS (({month}, {provider}), ({month}))")


def _within(earlier: str, later: str, at: str, on: str) -> str:
    """``earlier`` before ``later`` (instants named ``at``), dated at most the window apart."""
    return (f"{earlier}.{at} < {later}.{at} AND {later}.{on} - {earlier}.{on}"
            f" <= {WINDOW_DAYS}")


RE_REFERRED = ("received r WHERE EXISTS (SELECT 1 FROM j k WHERE k.person_id = r.person_id"
               " AND k.to_provider_id = r.to_provider_id AND k.ended_at IS NOT NULL"
               " AND k.ended_on IS NOT NULL AND k.ended_at < r.received_at"
               f" AND r.received_on - k.ended_on <= {WINDOW_DAYS})")
SEEN = "j WHERE j.seen_on BETWEEN %(first)s AND %(last)s"
REPEATED = ("assessments a WHERE a.occurred_on BETWEEN %(first)s AND %(last)s AND EXISTS"
            " (SELECT 1 FROM assessments b WHERE b.person_id = a.person_id"
            " AND b.provider_id <> a.provider_id AND "
            + _within("b", "a", "occurred_at", "occurred_on") + ")")
# A change: another worker assigned while one (not none) was current
CHANGED = ("key_workers k WHERE k.occurred_on BETWEEN %(first)s AND %(last)s"
           " AND k.change IS DISTINCT FROM 'ended' AND k.after_another"
           " AND k.change_before IS DISTINCT FROM 'ended' AND k.staff_before IS NOT NULL"
           " AND k.staff_before IS DISTINCT FROM k.key_worker_staff_id")

HANDOFFS = "\nUNION ALL\n".join([
    _grouped("referrals", "count(*)", "received r", "r.received_on", "r.to_provider_id"),
    _grouped("people", "count(DISTINCT r.person_id)", "received r", "r.received_on",
             "r.to_provider_id"),
    _grouped("re_referrals", "count(*)", RE_REFERRED, "r.received_on", "r.to_provider_id"),
    _grouped("seen", "count(*)", SEEN, "j.seen_on", "j.to_provider_id"),
    _grouped("read_first", "count(*) FILTER (WHERE j.story_read)", SEEN, "j.seen_on",
             "j.to_provider_id"),
    _grouped("repeat_assessments", "count(*)", REPEATED, "a.occurred_on", "a.provider_id"),
    _grouped("key_worker_changes", "count(*)", CHANGED, "k.occurred_on", "k.provider_id"),
])
