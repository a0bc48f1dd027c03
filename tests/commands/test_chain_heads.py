"""The chain's heads, read by one index step, equal what reading and sorting every link gave."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest
from builders import contact, provider, registration
from psycopg.sql import SQL

from commands import Ledger
from replay.verify_chain import verify_chain

EVENTS = 24  # past version 9, so a text order of versions would pick the wrong head


@pytest.fixture
def long_story(ledger: Ledger) -> UUID:
    """A story of many events, each appended in its own transaction."""
    ledger.register_provider(provider("hub"))
    person_id = uuid4()
    ledger.register_person(person_id, registration(1))
    for number in range(EVENTS):
        ledger.append(person_id, [contact(f"c-{number}")])
    return person_id


def sorted_heads(curs: Any, table: Any, streams: list[UUID]) -> dict[Any, str]:
    """The heads as ``ChainTable.link`` used to read them: every link of each stream, sorted."""
    curs.execute(SQL("SELECT DISTINCT ON (originator_id) originator_id, story_hash FROM {} "
                     "WHERE originator_id = ANY(%s) ORDER BY originator_id, originator_version "
                     "DESC").format(table), (streams,))
    heads = {row["originator_id"]: row["story_hash"] for row in curs.fetchall()}
    curs.execute(SQL("SELECT log_hash FROM {} ORDER BY position DESC LIMIT 1").format(table))
    return {**heads, None: curs.fetchone()["log_hash"]}


def test_a_long_storys_head_is_the_sorted_one(ledger: Ledger, long_story: UUID) -> None:
    """The head of a long story, and the log's, equal the old sorted query's answer."""
    chain = ledger.log_recorder.chain
    streams = [long_story, uuid4()]  # one stream without links: absent from both answers
    with ledger.log_recorder.datastore.cursor() as curs:
        assert chain.heads(curs, streams) == sorted_heads(curs, chain.table, streams)


def test_a_long_story_verifies(ledger: Ledger, long_story: UUID) -> None:
    """Every link written from the heads read by one step recomputes from the stored bytes."""
    report = verify_chain(ledger)
    assert (report.broken_at, report.events) == (None, EVENTS + 3)
