"""A commissioner's attack on a median over HTTP: one late-recorded person moves the hub's March
median wait from 8.5 to 8 days, their own wait (found by the review: exact medians let an answer
``as_of`` before the late entry and one after pin that person's days). Shown medians are now
rounded to 5 days by the cell key, so the two answers cannot pin the day; analysts stay exact."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.figures import told_once_groups
from tests.figures.scribe import Scribe
from tests.figures.test_api_figures import KEY, token

LATE_HUB = UUID(int=2001, version=4)


@pytest.fixture
def client(database_url: str, schema: str, tmp_path: Any, scribe: Scribe) -> Iterator[TestClient]:
    """The API over the small borough (the hub's twelve waits of 3 to 14 days), caught up."""
    told_once_groups.build(scribe)
    scribe.person(LATE_HUB, "hub", "2024-12-15T10:00")
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=KEY,
                        home=tmp_path)
    with TestClient(create_app(settings)) as client:
        medians(client, "analyst", after=scribe.positions[-1])
        yield client


def medians(client: TestClient, role: str, **params: Any) -> tuple[Any, Any]:
    """The hub's March median and 90th percentile of days waited, as ``role`` sees them."""
    answer = client.get("/outcomes/waiting-times", headers=token(role),
                        params={"from": "2025-03", "to": "2025-03", "provider": "hub", **params})
    assert answer.status_code == 200, answer.text
    row = answer.json()["rows"][0]
    return row["median_days"], row["p90_days"]


def seen_late(scribe: Scribe) -> None:
    """The late person: referred to the hub on 1 March, seen on 9 March (8 days), recorded now."""
    scribe.referral(LATE_HUB, "cmht", "hub", "2025-03-01T10:00", "mar-hub-late")
    scribe.contact(LATE_HUB, "hub", "2025-03-09T11:00", "seen-hub-late")


def test_the_exact_medians_would_pin_the_late_persons_wait(client: TestClient,
                                                           scribe: Scribe) -> None:
    """The attack's premise, as an analyst sees it: 8.5 before, 8 (the late wait) after."""
    before = datetime.now(UTC).isoformat()
    seen_late(scribe)
    assert medians(client, "analyst", after=scribe.positions[-1])[0] == 8
    assert medians(client, "analyst", as_of=before)[0] == 8.5


def test_a_commissioner_cannot_pin_the_late_persons_wait(client: TestClient,
                                                         scribe: Scribe) -> None:
    """Before and after the late entry the commissioner sees multiples of 5 days only."""
    before = datetime.now(UTC).isoformat()
    seen_late(scribe)
    shown = [*medians(client, "commissioner", after=scribe.positions[-1]),
             *medians(client, "commissioner", as_of=before)]
    assert all(value is not None and value % 5 == 0 for value in shown), shown
