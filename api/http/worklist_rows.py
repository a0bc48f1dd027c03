"""The rows of each list, as the API answers them: the person named (where the caller may see
the name), provider names from the directory, and days counted to the caller's today."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from api.http.named import may_name, opened
from api.http.tokens import Caller
from commands import Ledger
from projections.calendar import london_date
from projections.facts.schema import FiguresView
from projections.worklists import lists

PRIORITY_ORDER = {"emergency": 0, "very_urgent": 1, "urgent": 2, "routine": 3}


def _named(view: FiguresView, ledger: Ledger, caller: Caller, rows: list[dict[str, Any]],
           now: datetime) -> dict[Any, dict[str, Any]]:
    return opened(ledger, rows, may_name(view, caller, (r["person_id"] for r in rows), now))


def waiting_rows(view: FiguresView, ledger: Ledger, caller: Caller, provider: str,
                 now: datetime) -> list[dict[str, Any]]:
    """Each waiting referral, most urgent first and then oldest first."""
    rows = lists.waiting(view, provider)
    people, today = _named(view, ledger, caller, rows, now), london_date(now)
    names = lists.provider_names(view)
    waits = [{"kind": "referral", **people[r["person_id"]], "referral_id": r["referral_id"],
              "priority": r["priority"], "needs": list(r["needs"] or []),
              "from_provider_id": r["from_provider_id"],
              "from_provider_name": names.get(r["from_provider_id"], r["from_provider_id"]),
              "received_at": r["received_at"].isoformat(), "received_on": r["received_on"].isoformat(),
              "accepted": r["accepted"], "days_waited": (today - r["received_on"]).days}
             for r in rows]
    return sorted(waits, key=lambda w: (PRIORITY_ORDER.get(w["priority"], 9), w["received_at"]))


def caseload_rows(view: FiguresView, ledger: Ledger, caller: Caller, provider: str, on: date,
                  now: datetime) -> list[dict[str, Any]]:
    """Each person on the caseload on ``on``, with when their referral came and their key worker."""
    rows = lists.caseload(view, provider, on)
    people = _named(view, ledger, caller, rows, now)
    found = [{**people[r["person_id"]], "referred_on": r["received_on"].isoformat(),
              "key_worker_staff_id": r["key_worker_staff_id"]
              if r["key_worker_provider_id"] == provider else None} for r in rows]
    return sorted(found, key=lambda p: (p["name"] or "~", p["person_id"]))


def key_worker_rows(view: FiguresView, ledger: Ledger, caller: Caller, provider: str, staff: str,
                    now: datetime) -> list[dict[str, Any]]:
    """Each person key-worked, with the last attended contact and their open referrals."""
    rows = lists.key_worked(view, provider, staff)
    people, today = _named(view, ledger, caller, rows, now), london_date(now)
    names = lists.provider_names(view)
    referrals: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in lists.open_referrals(view, [row["person_id"] for row in rows]):
        waited_to = r["seen_on"] or today
        referrals[r["person_id"]].append({
            "referral_id": r["referral_id"], "to_provider_id": r["to_provider_id"],
            "to_provider_name": names.get(r["to_provider_id"], r["to_provider_id"]),
            "priority": r["priority"], "received_on": r["received_on"].isoformat(),
            "accepted": r["accepted"], "seen_on": r["seen_on"] and r["seen_on"].isoformat(),
            "days_waited": (waited_to - r["received_on"]).days})
    found = []
    for r in rows:
        last = r["last_contact_at"]
        last_on = None if last is None else london_date(last)
        found.append({**people[r["person_id"]], "last_contact_on": last_on and last_on.isoformat(),
                      "days_since_contact": None if last_on is None else (today - last_on).days,
                      "open_referrals": referrals[r["person_id"]]})
    return sorted(found, key=lambda p: (p["name"] or "~", p["person_id"]))
