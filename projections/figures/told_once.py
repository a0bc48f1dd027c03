"""Told once: assessments that follow the person's own self-assessment, by a provider that read
the story after the self-assessment was recorded and before assessing, so the person did not
have to tell it again. Its three counts add up over people, so they are maintained per month and
provider (``projections.summaries``) like the other metrics' parts.

Per month of the assessment's date, per assessing provider and borough-wide:

- ``self_assessments``: self-assessments dated in the month (borough-wide only: the person
  records them, not a provider);
- ``assessments_after_self_assessment``: assessments dated in the month that follow a live
  self-assessment of the same person (its ``occurred_at`` earlier) dated at most 90 days before
  (by London date);
- ``told_once``: those of them for which such a self-assessment exists and the assessing
  provider read the story (a ``StoryRead`` with its ``provider_id``) at or after the
  self-assessment was recorded and at or before the assessment's ``occurred_at``;
- ``told_once_rate`` = told_once ÷ assessments_after_self_assessment; null while the access log
  holds no read at all.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.journeys import story_reads_recorded
from projections.figures.statistics import Figures, Key, assemble, rate

WINDOW_DAYS = 90
COUNTS = ("self_assessments", "assessments_after_self_assessment", "told_once")
RATES = {"told_once_rate": ("told_once", ("assessments_after_self_assessment",))}
FOLLOWING = """
WITH assessments AS ({assessments}), selfs AS ({selfs}), reads AS ({reads})
SELECT a.provider_id, a.occurred_on, bool_or(x.provider_id IS NOT NULL) AS told_once
FROM assessments a
JOIN selfs s ON s.person_id = a.person_id AND s.occurred_at < a.occurred_at
  AND a.occurred_on - s.occurred_on <= %(window)s
LEFT JOIN reads x ON x.person_id = a.person_id AND x.provider_id = a.provider_id
  AND x.read_at >= s.recorded_at AND x.read_at <= a.occurred_at
GROUP BY a.person_id, a.version, a.provider_id, a.occurred_on
"""
SELF_ASSESSED = "SELECT s.occurred_on FROM ({selfs}) s"


def told_once(facts: LiveFacts, months: list[Month], provider: str | None = None,
              **_: object) -> list[Figures]:
    """Per month and assessing provider (and borough-wide): the told-once figures."""
    counts: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    selfs = facts.live("self_assessments")
    for row in facts.query(SELF_ASSESSED, selfs=selfs):
        counts[(Month.of(row["occurred_on"]), None)]["self_assessments"] += 1
    following = facts.query(FOLLOWING, {"window": WINDOW_DAYS}, assessments=facts.live("assessments"),
                            selfs=selfs, reads=facts.recorded("story_reads"))
    for row in following:
        month = Month.of(row["occurred_on"])
        for key in ((month, row["provider_id"]), (month, None)):
            counts[key]["assessments_after_self_assessment"] += 1
            counts[key]["told_once"] += row["told_once"]
    reads = story_reads_recorded(facts)
    keys = {k for k in counts if k[0] in months} | {(m, None) for m in months}
    return assemble({key: figures_of(counts[key], reads) for key in keys}, months, provider)


def figures_of(c: dict[str, Any], reads: bool) -> Figures:
    """A cell's figures from its three counts (a missing one is zero); no rate while nothing was
    read."""
    selfs, after, told = (int(c.get(name, 0)) for name in COUNTS)
    return {"self_assessments": selfs, "assessments_after_self_assessment": after,
            "told_once": told, "told_once_rate": rate(told, after) if reads else None}
