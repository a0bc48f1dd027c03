"""The oracle's handoff figures, straight from the definitions."""

from __future__ import annotations

from typing import Any

from tests.figures.oracle import World, ratio
from tests.figures.oracle_figures import Month, Table, per_provider


def _changes(w: World) -> list[Any]:
    """Key-worker assignments that replaced a different key worker."""
    changes = []
    for person in {e.person for e in w.events}:
        current = None
        for e in sorted((e for e in w.of("KeyWorkerAssigned", "KeyWorkerEnded") if e.person == person),
                        key=lambda e: e.version):
            new = e.data["key_worker_staff_id"] if e.type == "KeyWorkerAssigned" else None
            if new is not None and current is not None and new != current:
                changes.append(e)
            current = new
    return changes


def handoffs(w: World, months: list[Month], ps: list[str]) -> Table:
    changes = _changes(w)

    def figures(m: Month, p: Any) -> dict[str, Any]:
        mine = lambda provider: p is None or provider == p  # noqa: E731
        rs = [r for r in w.of("ReferralMade") if m[1] <= r.on <= m[2] and mine(r.data["to_provider_id"])]
        repeats = [a for a in w.of("AssessmentRecorded") if m[1] <= a.on <= m[2] and mine(a.provider)
                   and any(b.person == a.person and b.provider != a.provider and b.at < a.at
                           and (a.on - b.on).days <= 90 for b in w.of("AssessmentRecorded"))]
        re_referred = []
        for r in rs:
            for k in w.of("ReferralMade"):
                end = w.ended(k)
                if (k.person == r.person and k.data["to_provider_id"] == r.data["to_provider_id"]
                        and end is not None and end.at < r.at and (r.on - end.on).days <= 90):
                    re_referred.append(r)
                    break
        return {"referrals_per_person": ratio(len(rs), len({r.person for r in rs})),
                "repeat_assessments": len(repeats), "re_referrals": len(re_referred),
                "key_worker_changes": sum(m[1] <= c.on <= m[2] and mine(c.provider) for c in changes),
                "story_reuse_rate": None}
    return per_provider(w, months, figures, ps)
