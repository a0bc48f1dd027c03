"""The oracle's figures, one function per metric, each straight from domain.md's definitions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tests.figures.oracle import TZ, World, days, median, p90, pence, ratio

Month = tuple[str, date, date]  # label, first day, last day
Table = dict[tuple[str, str | None], dict[str, Any]]


def month_list(first: date, count: int) -> list[Month]:
    out = []
    for _ in range(count):
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        out.append((first.strftime("%Y-%m"), first, following - timedelta(days=1)))
        first = following
    return out


def per_provider(w: World, months: list[Month], figure: Callable[[Month, Any], dict[str, Any]],
                 providers: list[str]) -> Table:
    """Figures for each provider with any non-zero figure, plus the borough (``None``)."""
    table: Table = {}
    for m in months:
        for p in providers:
            values = figure(m, p)
            if any(values.values()):
                table[(m[0], p)] = values
        table[(m[0], None)] = figure(m, None)
    return table


def _mine(p: Any, provider: str) -> bool:
    return p is None or p == provider


def people_supported(w: World, months: list[Month], ps: list[str]) -> Table:
    return per_provider(w, months, lambda m, p: {"people": len({
        c.person for c in w.direct() if m[1] <= c.on <= m[2] and _mine(p, c.provider)})}, ps)


def caseload(w: World, months: list[Month], ps: list[str]) -> Table:
    def count(m: Month, p: Any) -> dict[str, Any]:
        who = set()
        for r in w.of("ReferralMade"):
            end = w.ended(r)
            if _mine(p, r.data["to_provider_id"]) and r.on <= m[2] and (end is None or end.on > m[2]):
                who.add(r.person)
        return {"count": len(who)}
    return per_provider(w, months, count, ps)


def waiting_times(w: World, months: list[Month], ps: list[str]) -> Table:
    def figures(m: Month, p: Any) -> dict[str, Any]:
        seen, waiting = [], []
        for r in w.of("ReferralMade"):
            if not _mine(p, r.data["to_provider_id"]):
                continue
            s, end = w.seen(r), w.ended(r)
            if s is not None and m[1] <= s.on <= m[2]:
                seen.append((s.on - r.on).days)
            elif r.on <= m[2] and (end is None or end.on > m[2]) and (s is None or s.on > m[2]):
                waiting.append((m[2] + timedelta(1) - r.on).days)
        return {"seen": len(seen), "median_days": median(seen), "p90_days": p90(seen),
                "still_waiting": len(waiting), "still_waiting_median_days": median(waiting)}
    return per_provider(w, months, figures, ps)


def referrals(w: World, months: list[Month], ps: list[str]) -> Table:
    def figures(m: Month, p: Any) -> dict[str, Any]:
        rs = [r for r in w.of("ReferralMade") if m[1] <= r.on <= m[2] and (
            r.data["to_provider_id"] == p if p else w.tier[r.data["to_provider_id"]] == "secondary")]
        acc = sum(w.decided(r, "ReferralAccepted") for r in rs)
        dec = sum(w.decided(r, "ReferralDeclined") for r in rs)
        closed_unseen = sum(w.decided(r, "ReferralClosed") and w.seen(r) is None for r in rs)
        return {"referrals": len(rs), "accepted": acc, "declined": dec,
                "acceptance_rate": ratio(acc, acc + dec),
                "avoidable_share": ratio(dec + closed_unseen, acc + dec), "change_vs_baseline": None}
    return per_provider(w, months, figures, ps)


def cost(w: World, months: list[Month], ps: list[str]) -> Table:
    def figures(m: Month, p: Any) -> dict[str, Any]:
        total, who = Decimal(0), set()
        for c in w.direct():
            if m[1] <= c.on <= m[2] and _mine(p, c.provider):
                total += w.cost(c.provider, "unit_cost_gbp", lambda k, c=c: k[1] <= c.at)
                who.add(c.person)
        for a, d in w.stays():
            for day in days(m[1], m[2]):
                if _mine(p, a.provider) and a.on <= day and (d is None or day < d.on):
                    total += w.cost(a.provider, "bed_day_cost_gbp",
                                    lambda k, day=day: k[1].astimezone(TZ).date() <= day)
                    who.add(a.person)
        return {"cost_gbp": pence(total), "people": len(who),
                "cost_per_person_gbp": pence(total / len(who)) if who else None}
    table = per_provider(w, months, figures, ps)
    return {k: v for k, v in table.items() if k[1] is None or v["people"]}


def rehab_moves(w: World, months: list[Month], ps: list[str]) -> Table:
    def figures(m: Month, p: Any) -> dict[str, Any]:
        rehab = [(a, d) for a, d in w.stays() if a.data["ward_type"] == "rehab" and _mine(p, a.provider)]
        moves = [(a, d) for a, d in rehab if d is not None and m[1] <= d.on <= m[2]
                 and d.data["destination"] in ("own_home", "supported_housing", "family")]
        inpatients = sum(a.on <= m[2] and (d is None or d.on > m[2]) for a, d in rehab)
        readmitted = sum(any(b.person == a.person and b.at > d.at and (b.on - d.on).days <= 90
                             for b in w.of("AdmittedToWard")) for a, d in moves if d)
        return {"moves": len(moves), "rehab_inpatients": inpatients,
                "median_length_of_stay_days": median([(d.on - a.on).days for a, d in moves if d]),
                "readmissions_90d": readmitted}
    return per_provider(w, months, figures, ps)
