"""The attack on a secondary-suppressed cost, over HTTP as a curious commissioner makes it: the
directory's unit costs times the people shown give each hidden cost a floor, and the borough's
cost less the costs shown gives their sum, so a provider that dominates the month is narrowed to
a few hundred pounds unless the complementary cells are chosen by a protection interval."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.figures.cost_attack import too_narrow
from tests.figures.scribe import Scribe
from tests.figures.test_api_figures import KEY, token

PEOPLE = [UUID(int=n + 1, version=4) for n in range(41)]


def dominated_month(s: Scribe) -> None:
    """March 2025: the clinic sees 40 people once at £50 (£2,000), the crisis team one person
    once at £60, a group of one whose cost is suppressed; the clinic's cost is the only one that
    could hide beside it, and it is 97% of the borough's."""
    s.provider("clinic", "secondary", "cmht", "50.00", "0", when="2024-12-01T09:00")
    s.provider("crisis", "secondary", "home_treatment", "60.00", "0", when="2024-12-01T09:00")
    for person in PEOPLE:
        s.person(person, "clinic", "2024-12-15T10:00")
    for n in range(40):
        s.contact(PEOPLE[n], "clinic", f"2025-03-{n % 28 + 1:02d}T10:00", f"clinic-{n}")
    s.contact(PEOPLE[40], "crisis", "2025-03-12T22:00", "crisis-0")


@pytest.fixture
def client(database_url: str, schema: str, tmp_path: Any, scribe: Scribe) -> Iterator[TestClient]:
    """The API over the dominated month, its keys kept in a home of its own."""
    dominated_month(scribe)
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=KEY,
                        home=tmp_path)
    with TestClient(create_app(settings)) as client:
        client.get("/providers", headers=token("commissioner"),
                   params={"after": scribe.positions[-1]})
        yield client


def rows(client: TestClient, role: str) -> list[dict[str, Any]]:
    """March's cost rows as ``role`` sees them."""
    answer = client.get("/outcomes/cost", headers=token(role), params={"from": "2025-03",
                                                                        "to": "2025-03"})
    assert answer.status_code == 200, answer.text
    return list(answer.json()["rows"])


def test_no_hidden_cost_is_narrowed_below_the_protection_interval(client: TestClient) -> None:
    """Unit costs times people shown, and the borough less the costs shown, leave every hidden cost
    an interval at least as wide as the protection rule asks."""
    directory = client.get("/providers", headers=token("commissioner")).json()["providers"]
    exact = {(r["month"], r["provider_id"]): r for r in rows(client, "analyst")}
    shown = rows(client, "commissioner")
    assert [r["provider_id"] for r in shown if r["cost_gbp"] is None]
    assert too_narrow(shown, exact, directory) == []


def test_the_borough_total_is_hidden_when_no_provider_can_cover_the_one_suppressed(
    client: TestClient,
) -> None:
    """Hiding the clinic beside the crisis team would pin both; the borough's cost hides instead."""
    shown = {r["provider_id"]: r for r in rows(client, "commissioner")}
    assert shown["crisis"]["cost_gbp"] is None
    assert shown["clinic"]["cost_gbp"] is not None
    assert shown[None]["cost_gbp"] is None
    assert "cost_gbp" in shown[None]["suppressed_fields"]
