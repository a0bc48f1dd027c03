"""After every fault: nothing acknowledged is lost or doubled, nothing unsent appears, the versions
of every story run 1, 2, 3, ... and the hash chain verifies; and the figures' projector, once
caught up, holds exactly the facts a from-scratch rebuild writes (nothing counted twice or skipped).

The writers of the fault tests append ``ContactRecorded`` events whose ``contact_id`` is the
request's idempotency key, so every stored event can be traced to the request that sent it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from uuid import UUID

from psycopg.sql import SQL, Identifier

from api.http.story_view import story_answer
from commands import Ledger
from projections.facts.runner import FiguresRunner
from replay.run import ReplayRequest, replay
from replay.verify_chain import verify_chain

CATCH_UP_SECONDS = 60


@dataclass(frozen=True)
class Projected:
    """What the projection check saw: where the live facts stood, and what the rebuild read."""

    positions: dict[str, int]
    rebuilt_events: int
    differences: int


@dataclass(frozen=True)
class Figures:
    """What a fault run stored: events, acknowledged writes, and the two counts that must be 0."""

    events: int
    acknowledged: int
    lost: int
    duplicated: int
    projected: Projected | None = None


def versions_by_story(ledger: Ledger) -> dict[UUID, list[int]]:
    """Every stream's stored versions, in order, straight from the events table."""
    recorder = ledger.log_recorder
    table = SQL("{}.{}").format(Identifier(recorder.datastore.schema),
                                Identifier(recorder.events_table_name))
    with recorder.datastore.get_connection() as conn:
        rows = conn.execute(SQL("SELECT originator_id, array_agg(originator_version ORDER BY "
                                "originator_version) AS versions FROM {} GROUP BY 1").format(table))
        return {row["originator_id"]: list(row["versions"]) for row in rows}


def contacts_stored(ledger: Ledger, people: list[UUID]) -> dict[str, list[tuple[UUID, int]]]:
    """Where each contact id is stored: (person, version) for every copy."""
    stored: dict[str, list[tuple[UUID, int]]] = {}
    for person in people:
        for event in story_answer(ledger.story(person), None, None).events:
            if event.type == "ContactRecorded":
                stored.setdefault(event.data["contact_id"], []).append((person, event.version))
    return stored


def check_ledger(ledger: Ledger, people: list[UUID], sent: set[str],
                 acknowledged: dict[str, tuple[UUID, int]], env: dict[str, str],
                 follower: bool = True) -> Figures:
    """Check the invariants, the projections' too; answers the figures (lost == duplicated == 0).

    ``follower``: a projector of the ledger under test (the served ledger's) follows the log, and
    is waited for; otherwise the check catches the figures up itself before comparing.
    """
    for stream, versions in versions_by_story(ledger).items():
        assert versions == list(range(1, len(versions) + 1)), f"versions of {stream}: {versions}"
    stored = contacts_stored(ledger, people)
    unsent = set(stored) - sent
    assert not unsent, f"events that nobody sent: {sorted(unsent)[:5]}"
    lost = [key for key, where in acknowledged.items() if stored.get(key) != [where]]
    duplicated = Counter({key: len(copies) for key, copies in stored.items() if len(copies) > 1})
    report = verify_chain(ledger)
    assert report.broken_at is None, report.broken_at
    assert report.events == sum(map(len, versions_by_story(ledger).values()))
    figures = Figures(report.events, len(acknowledged), len(lost), len(duplicated))
    assert (figures.lost, figures.duplicated) == (0, 0), (figures, lost[:5], duplicated.most_common(5))
    projected = check_projections(env, ledger, follower=follower, contacts=acknowledged)
    return replace(figures, projected=projected)


def wait_until_caught_up(runner: FiguresRunner, timeout: float = CATCH_UP_SECONDS) -> dict[str, int]:
    """Wait for whichever projector follows the log to reach the head of every log; the heads."""
    deadline = time.monotonic() + timeout
    while True:
        lag = runner.lag()
        if all(log["lag"] == 0 for log in lag.values()):
            return {name: log["head"] for name, log in lag.items()}
        assert time.monotonic() < deadline, f"the figures' projector is not catching up: {lag}"
        time.sleep(0.05)


def projected_contacts(runner: FiguresRunner, contact_ids: Iterable[str]) -> Counter[str]:
    """How many contact facts the live figures hold for each of these contact ids."""
    view = runner.view
    with view.datastore.transaction(commit=False) as curs:
        curs.execute(SQL("SELECT contact_id, count(*) AS copies FROM {} WHERE contact_id = ANY(%s) "
                         "GROUP BY 1").format(view.table("contacts")), (list(contact_ids),))
        return Counter({row["contact_id"]: int(row["copies"]) for row in curs.fetchall()})


def check_projections(env: dict[str, str], ledger: Ledger | None = None, *, follower: bool = True,
                      contacts: Iterable[str] = ()) -> Projected:
    """The live figures, caught up, equal a from-scratch rebuild in a scratch schema, fact by fact
    and figure by figure (as ``ledger replay --verify`` checks); each of ``contacts`` (contact ids
    of acknowledged writes) is projected exactly once.

    With ``follower`` the running projector (a served ledger's, in-process by default) must reach
    the head by itself, restarted after a kill or not; without, the check catches up here.
    """
    if ledger is None:
        with Ledger(env=env) as own:
            return check_projections(env, own, follower=follower, contacts=contacts)
    runner = FiguresRunner(env, app=ledger)
    try:
        heads = wait_until_caught_up(runner) if follower else runner.catch_up()
        positions = {source.name: runner.projector.position(source) for source in runner.sources()}
        assert positions == heads, (positions, heads)
        wanted = set(contacts)
        copies = projected_contacts(runner, wanted)
        missing, doubled = wanted - set(copies), {c: n for c, n in copies.items() if n > 1}
        assert not missing, f"acknowledged contacts missing from the figures: {sorted(missing)[:5]}"
        assert not doubled, f"contacts counted twice in the figures: {sorted(doubled.items())[:5]}"
    finally:
        runner.stop()
    outcome = replay(env, ReplayRequest(verify=True, figures=True), app=ledger)
    differences = [d.as_answer() for d in outcome.differences]
    assert not differences, f"the live figures differ from a rebuild: {differences[:5]}"
    assert outcome.report.positions == heads, (outcome.report.positions, heads)
    return Projected(positions, outcome.report.events, len(differences))
