"""The lists' kept totals (``projections.worklists.counts``) stay exact as the facts change: kept
batch by batch (seven events a batch), they equal a count of the list rows after appends,
retractions and ends of referrals; a rebuild from nothing keeps the same; a store made before
them gets them counted; and the check names a total that drifted."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from psycopg.sql import SQL

from projections.facts.runner import FiguresRunner
from projections.figures.caseload import people_on
from projections.figures.fact_reader import LiveFacts
from projections.worklists import pages
from projections.worklists.counts import COUNTS
from replay.count_check import compare_counts_with_rows
from replay.run import ReplayRequest, replay
from tests.figures.borough import D
from tests.figures.scribe import Scribe

E = UUID("00000000-0000-4000-8000-00000000000e")
NOW = datetime(2025, 6, 1, tzinfo=UTC)


def kept(runner: FiguresRunner) -> dict[tuple[str, ...], int]:
    """Every kept total, by (list, provider, staff, day as text)."""
    with runner.view.datastore.transaction(commit=False) as curs:
        curs.execute(SQL("SELECT list, provider_id, staff_id, day::text AS day, n FROM {}")
                     .format(runner.view.table(COUNTS)))
        return {(r["list"], r["provider_id"], r["staff_id"], r["day"]): r["n"]
                for r in curs.fetchall()}


def waiting(runner: FiguresRunner, provider: str) -> int:
    return pages.waiting_page(runner.view, provider, None, NOW, None, 1)[0]


def caseload(runner: FiguresRunner, provider: str, day: date) -> int:
    return pages.caseload_page(runner.view, provider, day, None, NOW, None, 1)[0]


def test_totals_kept_batch_by_batch_equal_a_count_of_the_rows(built: FiguresRunner) -> None:
    """After the borough's appends, late entries and retractions: no total differs."""
    assert (compare_counts_with_rows(built.view), kept(built) != {}) == ([], True)


def test_a_retracted_referral_leaves_the_waiting_total(scribe: Scribe, built: FiguresRunner) -> None:
    """D's re-referral to cmht waits; retracted, cmht's waiting list is empty again."""
    assert waiting(built, "cmht") == 1
    with built.view.datastore.transaction(commit=False) as curs:
        curs.execute(SQL("SELECT version FROM {} WHERE person_id = %s AND referral_id = 'r4'")
                     .format(built.view.table("referrals")), (D,))
        referral = curs.fetchall()[0]["version"]
    scribe.retract(D, referral, "hub", "2025-05-20T10:00")
    built.catch_up()
    assert (waiting(built, "cmht"), compare_counts_with_rows(built.view)) == (0, [])


def test_a_closed_referral_leaves_the_caseload_from_the_day_it_ends(
    scribe: Scribe, built: FiguresRunner
) -> None:
    """E on cmht's caseload from 2 May; closed on 10 May: on it the 9th, not the 10th."""
    days = (date(2025, 5, 1), date(2025, 5, 2), date(2025, 5, 9), date(2025, 5, 10))
    before = [caseload(built, "cmht", day) for day in days]
    scribe.person(E, "hub", "2025-05-01T09:00")
    scribe.referral(E, "hub", "cmht", "2025-05-02T10:00", "r-e")
    scribe.event(E, "ReferralAccepted", "2025-05-03T10:00", "cmht", referral_id="r-e")
    scribe.event(E, "ReferralClosed", "2025-05-10T10:00", "cmht", referral_id="r-e",
                 reason="treatment_complete")
    built.catch_up()
    after = [caseload(built, "cmht", day) for day in days]
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 1, 1, 0]


def test_overlapping_referrals_count_a_person_once(scribe: Scribe, built: FiguresRunner) -> None:
    """E referred to cmht twice (the second before the first ends): once on the caseload, on
    each day the same as the definition says."""
    scribe.person(E, "hub", "2025-05-01T09:00")
    scribe.referral(E, "hub", "cmht", "2025-05-02T10:00", "r-e1")
    scribe.referral(E, "hub", "cmht", "2025-05-04T10:00", "r-e2")
    scribe.event(E, "ReferralDeclined", "2025-05-06T10:00", "cmht", referral_id="r-e1",
                 reason="duplicate")
    built.catch_up()
    days = [date(2025, 5, d) for d in (1, 2, 4, 5, 6, 7)]
    facts = LiveFacts(built.view)
    assert [caseload(built, "cmht", day) for day in days] == [
        len(people_on(facts, "cmht", day)) for day in days]


def test_a_key_worker_change_moves_the_person_between_totals(built: FiguresRunner) -> None:
    """D went from k1 to k2 at the Hub: k2 keeps one, k1 keeps no row at all."""
    totals = kept(built)
    assert (totals.get(("key_worker", "hub", "k2", "-infinity")),
            ("key_worker", "hub", "k1", "-infinity") in totals) == (1, False)


def test_an_ended_key_worker_keeps_no_total(scribe: Scribe, built: FiguresRunner) -> None:
    """k2's key work with D ended: k2's people are none, and k2 has no row left."""
    scribe.event(D, "KeyWorkerEnded", "2025-05-20T10:00", "hub", key_worker_staff_id="k2")
    built.catch_up()
    total = pages.key_worked_page(built.view, "hub", "k2", None, NOW, None, 1)[0]
    assert (total, [cell for cell in kept(built) if cell[0] == "key_worker"]) == (0, [])


def test_a_rebuild_from_nothing_keeps_the_same_totals(
    scribe: Scribe, built: FiguresRunner, env: dict[str, str]
) -> None:
    """``ledger replay --verify`` finds no total differing, from the rows or from the rebuild."""
    outcome = replay(env, ReplayRequest(verify=True), app=scribe.ledger)
    assert [d for d in outcome.differences if COUNTS in d.table] == []


def test_a_store_made_before_the_totals_gets_them_counted(
    scribe: Scribe, built: FiguresRunner, env: dict[str, str]
) -> None:
    """The totals' table dropped, the next start makes it and counts the list rows into it."""
    totals = kept(built)
    with built.view.datastore.transaction(commit=True) as curs:
        curs.execute(SQL("DROP TABLE {}").format(built.view.table(COUNTS)))
    again = FiguresRunner(env, app=scribe.ledger)
    try:
        assert kept(again) == totals
    finally:
        again.stop()


def test_the_check_names_a_total_that_drifted(built: FiguresRunner) -> None:
    """A total changed behind the projector's back is reported, with both values."""
    with built.view.datastore.transaction(commit=True) as curs:
        curs.execute(SQL("UPDATE {} SET n = n + 1 WHERE list = 'waiting' AND provider_id = 'cmht'")
                     .format(built.view.table(COUNTS)))
    found: list[Any] = [(d.key["list"], d.key["provider_id"], d.column, d.live, d.rebuilt)
                        for d in compare_counts_with_rows(built.view)]
    assert found == [("waiting", "cmht", "n", 2, 1)]
