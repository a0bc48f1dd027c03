"""The rows of each list, as the API answers them, a page at a time: the person named (where
the caller may see the name), provider names from the directory, and days counted to today.

Each page is one statement (``projections.worklists.pages``): its rows, the list's total and
whether the caller's provider may read each person; only the page's names are opened.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from api.http.list_pages import cursor_of
from api.http.named import opened
from api.http.tokens import ROLES_WITH_PROVIDER, Caller
from commands import Ledger
from projections.calendar import london_date
from projections.facts.schema import FiguresView
from projections.worklists import lists, pages

PRIORITY_ORDER = {"emergency": 0, "very_urgent": 1, "urgent": 2, "routine": 3}
WAITING_ORDER = ("rank", "instant", "person?", "identifier")
CASELOAD_ORDER = ("date", "person")
KEY_WORKER_ORDER = ("person",)


def waiting_bound(provider: str) -> tuple[str, str]:
    """What a waiting-list cursor leads with: the list, and whose it is."""
    return ("waiting-list", provider)


def caseload_bound(provider: str) -> tuple[str, str]:
    """What a caseload cursor leads with."""
    return ("caseload", provider)


def key_worker_bound(provider: str, staff: str) -> tuple[str, str, str]:
    """What a "My people" cursor leads with: the list, the key worker's provider and staff id."""
    return ("key-worker-caseload", provider, staff)


@dataclass
class Page:
    """A page of a list: its rows, the list's total, and the cursor of the next page (if any)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0
    next: str | None = None


def _reader(caller: Caller) -> str | None:
    return caller.provider_id if caller.role in ROLES_WITH_PROVIDER else None


def _named(ledger: Ledger, rows: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    return opened(ledger, rows, {r["person_id"] for r in rows if r["may_read"]})


def _next(rows: list[dict[str, Any]], limit: int, bound: tuple[str, ...], key: Any) -> str | None:
    return cursor_of(bound, key(rows[limit - 1])) if len(rows) > limit else None


def waiting_key(wait: dict[str, Any]) -> tuple[int, datetime, str, str]:
    """A waiting entry's position: priority rank, received instant, person, referral. The
    instant is compared as an instant: the list tables' rows come at the session's offset, the
    Hub's self-referrals in UTC."""
    return (PRIORITY_ORDER.get(wait["priority"], 9), datetime.fromisoformat(wait["received_at"]),
            wait["person_id"] or "", wait["referral_id"])


def waiting_page(view: FiguresView, ledger: Ledger, caller: Caller, provider: str, now: datetime,
                 after: list[str] | None, limit: int) -> Page:
    """Waiting referrals after ``after``, most urgent first and then oldest first (one more row
    than ``limit`` is read, to tell whether a next page exists)."""
    total, rows = pages.waiting_page(view, provider, _reader(caller), now, after, limit + 1)
    people, today = _named(ledger, rows), london_date(now)
    waits = [{"kind": "referral", **people[r["person_id"]], "referral_id": r["referral_id"],
              "priority": r["priority"], "needs": list(r["needs"] or []),
              "from_provider_id": r["from_provider_id"],
              "from_provider_name": r["from_provider_name"],
              "received_at": r["received_at"].isoformat(), "received_on": r["received_on"].isoformat(),
              "accepted": r["accepted"], "days_waited": (today - r["received_on"]).days}
             for r in rows]
    return Page(waits, total)


def caseload_page(view: FiguresView, ledger: Ledger, caller: Caller, provider: str, on: date,
                  now: datetime, after: list[str] | None, limit: int) -> Page:
    """People on the caseload on ``on``, longest referred first, after ``after``."""
    total, rows = pages.caseload_page(view, provider, on, _reader(caller), now, after, limit + 1)
    people = _named(ledger, rows[:limit])
    found = [{**people[r["person_id"]], "referred_on": r["received_on"].isoformat(),
              "key_worker_staff_id": r["key_worker_staff_id"]
              if r["key_worker_provider_id"] == provider else None} for r in rows[:limit]]
    return Page(found, total, _next(rows, limit, caseload_bound(provider),
                                    lambda r: (r["received_on"], str(r["person_id"]))))


def key_worker_page(view: FiguresView, ledger: Ledger, caller: Caller, provider: str, staff: str,
                    now: datetime, after: list[str] | None, limit: int) -> Page:
    """People key-worked, by id after ``after``, each with the last attended contact and their
    open referrals."""
    total, rows = pages.key_worked_page(view, provider, staff, _reader(caller), now, after,
                                        limit + 1)
    rows, more = rows[:limit], rows
    people, today = _named(ledger, rows), london_date(now)
    referrals: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in lists.open_referrals(view, [row["person_id"] for row in rows]):
        waited_to = r["seen_on"] or today
        referrals[r["person_id"]].append({
            "referral_id": r["referral_id"], "to_provider_id": r["to_provider_id"],
            "to_provider_name": r["to_provider_name"],
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
    return Page(found, total, _next(more, limit, key_worker_bound(provider, staff),
                                    lambda r: (str(r["person_id"]),)))
