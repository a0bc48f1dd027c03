"""The awaiting self-referrals' table says what the intake's log says, from its first making."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import uuid4

import psycopg
import pytest

from commands.intake import AwaitingReferral, Intake
from ledger.self_referral import SelfReferralDetails


FAMILIES = ("Abbott", "Baker", "Carter", "Dixon", "Evans", "Foster")


def details(n: int, in_crisis: bool = False) -> SelfReferralDetails:
    """A request for oneself, numbered by its family name."""
    return SelfReferralDetails.model_validate({
        "given_name": "Ada", "family_name": FAMILIES[n], "in_crisis": in_crisis,
        "what_is_going_on": "I have not slept for weeks.", "what_matters": "Keeping my flat.",
        "phone": "020 7946 0000"})


@pytest.fixture
def intake(env: dict[str, str]) -> Iterator[Intake]:
    """The intake on the test's own schema."""
    app = Intake(env=env)
    yield app
    app.close()


def received_and_some_confirmed(intake: Intake) -> list[str]:
    """Six requests (two urgent), the second and the fifth confirmed; the references awaiting."""
    references = [intake.receive(details(n, in_crisis=n % 3 == 0)) for n in range(6)]
    for reference in (references[1], references[4]):
        intake.confirm(intake.request(reference), uuid4(), "new_story", "hub", "s-1")
    return [r for n, r in enumerate(references) if n not in (1, 4)]


def shown(requests: list[AwaitingReferral]) -> list[tuple[str, bool, str | None]]:
    """What a list shows of each request, in order."""
    return [(r.reference, r.urgent, None if r.details is None else r.details.family_name)
            for r in requests]


def test_the_table_lists_what_a_replay_of_the_log_lists(intake: Intake) -> None:
    awaiting = received_and_some_confirmed(intake)
    assert shown(intake.awaiting()) == shown(intake.awaiting_in_log())
    assert sorted(r.reference for r in intake.awaiting()) == sorted(awaiting)


def test_urgent_requests_come_first_then_the_oldest(intake: Intake) -> None:
    received_and_some_confirmed(intake)
    families = [r.details.family_name for r in intake.awaiting() if r.details is not None]
    assert families == ["Abbott", "Dixon", "Carter", "Foster"]


def test_an_intake_older_than_the_table_gets_it_filled_from_its_log(
        intake: Intake, env: dict[str, str], database_url: str, schema: str) -> None:
    """A deployment upgraded with requests already awaiting: the table is made from the log."""
    received_and_some_confirmed(intake)
    expected = shown(intake.awaiting_in_log())
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'DROP TABLE "{schema}".intake_events_awaiting')
    upgraded = Intake(env=env)
    try:
        assert shown(upgraded.awaiting()) == expected
    finally:
        upgraded.close()
