"""After every fault: nothing acknowledged is lost or doubled, nothing unsent appears, the versions
of every story run 1, 2, 3, ... and the hash chain verifies.

The writers of the fault tests append ``ContactRecorded`` events whose ``contact_id`` is the
request's idempotency key, so every stored event can be traced to the request that sent it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from uuid import UUID

from psycopg.sql import SQL, Identifier

from api.story_view import story_answer
from commands import Ledger
from replay.chain_audit import verify_chain


@dataclass(frozen=True)
class Figures:
    """What a fault run stored: events, acknowledged writes, and the two counts that must be 0."""

    events: int
    acknowledged: int
    lost: int
    duplicated: int


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
                 acknowledged: dict[str, tuple[UUID, int]]) -> Figures:
    """Check the invariants; answers the figures (asserting lost == duplicated == 0)."""
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
    return figures
