"""Handoffs: referrals per person, repeat assessments, re-referrals, key-worker changes and how
often a receiving provider read the shared story before first seeing the person."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from projections.calendar import Month
from projections.figures.fact_reader import LiveFacts
from projections.figures.journeys import Journey, journeys, story_reads_recorded
from projections.figures.statistics import Figures, Key, assemble, rate

WINDOW_DAYS = 90
COUNTS = ("repeat_assessments", "re_referrals", "key_worker_changes")
RATES = {"referrals_per_person": ("referrals", ("people",)),
         "story_reuse_rate": ("read_first", ("seen",))}
PARTS = ("referrals", "people", "repeat_assessments", "re_referrals", "key_worker_changes",
         "read_first", "seen")
ASSESSMENTS = "SELECT a.person_id, a.provider_id, a.occurred_at, a.occurred_on FROM ({assessments}) a"
KEY_WORKERS = """
SELECT k.person_id, k.provider_id, k.occurred_on, k.change, k.key_worker_staff_id
FROM ({key_workers}) k ORDER BY k.person_id, k.version
"""


def _within(earlier_at: datetime, earlier_on: date, at: datetime, on: date) -> bool:
    return earlier_at < at and (on - earlier_on).days <= WINDOW_DAYS


def _by_person(items: list[Any], person: Any) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for item in items:
        grouped[person(item)].append(item)
    return grouped


def _is_re_referral(j: Journey, same_person: list[Journey]) -> bool:
    return any(k.to_provider_id == j.to_provider_id and k.ended_at is not None and k.ended_on is not None
               and _within(k.ended_at, k.ended_on, j.received_at, j.received_on) for k in same_person)


def _repeat_assessments(facts: LiveFacts, counts: dict[Key, dict[str, Any]]) -> None:
    every = facts.query(ASSESSMENTS, assessments=facts.live("assessments"))
    by_person = _by_person(every, lambda a: a["person_id"])
    for a in every:
        if any(b["provider_id"] != a["provider_id"]
               and _within(b["occurred_at"], b["occurred_on"], a["occurred_at"], a["occurred_on"])
               for b in by_person[a["person_id"]]):
            for key in ((Month.of(a["occurred_on"]), a["provider_id"]), (Month.of(a["occurred_on"]), None)):
                counts[key]["repeat_assessments"] += 1


def _key_worker_changes(facts: LiveFacts, counts: dict[Key, dict[str, Any]]) -> None:
    current: dict[Any, str | None] = {}
    for row in facts.query(KEY_WORKERS, key_workers=facts.live("key_workers")):
        before = current.get(row["person_id"])
        if row["change"] == "ended":
            current[row["person_id"]] = None
            continue
        current[row["person_id"]] = row["key_worker_staff_id"]
        if before is not None and before != row["key_worker_staff_id"]:
            month = Month.of(row["occurred_on"])
            for key in ((month, row["provider_id"]), (month, None)):
                counts[key]["key_worker_changes"] += 1


def handoffs(facts: LiveFacts, months: list[Month], provider: str | None = None,
             **_: object) -> list[Figures]:
    """Per month and provider (and borough-wide): the five handoff figures."""
    counts: dict[Key, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    every = journeys(facts)
    by_person = _by_person(every, lambda j: j.person_id)
    for j in every:
        for key in ((Month.of(j.received_on), j.to_provider_id), (Month.of(j.received_on), None)):
            counts[key]["referrals"] += 1
            counts[key].setdefault("people", set()).add(j.person_id)
            counts[key]["re_referrals"] += _is_re_referral(j, by_person[j.person_id])
        if j.seen_on is not None:
            for key in ((Month.of(j.seen_on), j.to_provider_id), (Month.of(j.seen_on), None)):
                counts[key]["seen"] += 1
                counts[key]["read_first"] += j.story_read
    _repeat_assessments(facts, counts)
    _key_worker_changes(facts, counts)
    reads = story_reads_recorded(facts)
    keys = {k for k in counts if k[0] in months} | {(m, None) for m in months}
    return assemble({key: _figures(counts[key], reads) for key in keys}, months, provider)


def _figures(c: dict[str, Any], reads: bool) -> Figures:
    return figures_of({**c, "people": len(c.get("people", ()))}, reads)


def figures_of(c: dict[str, Any], reads: bool) -> Figures:
    """A cell's figures from its counts (people as a number); no reuse rate while nothing was read."""
    n = {name: c.get(name, 0) for name in PARTS}
    reuse = rate(n["read_first"], n["seen"]) if reads else None
    return {"referrals_per_person": rate(n["referrals"], n["people"]),
            "repeat_assessments": n["repeat_assessments"], "re_referrals": n["re_referrals"],
            "key_worker_changes": n["key_worker_changes"], "story_reuse_rate": reuse,
            "_counts": {"referrals": n["referrals"], "people": n["people"],
                        "read_first": n["read_first"], "seen": n["seen"]}}
