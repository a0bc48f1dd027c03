"""Commissioners over HTTP get the keyed, controlled figures; analysts the exact ones."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.figures import small_groups
from tests.figures.scribe import Scribe
from tests.figures.test_api_figures import KEY, token


@pytest.fixture
def client(database_url: str, schema: str, tmp_path: Any) -> Iterator[TestClient]:
    """The API over the test's schema, its keys kept in a home of its own."""
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=KEY,
                        home=tmp_path)
    with TestClient(create_app(settings)) as client:
        yield client


def cost(client: TestClient, role: str, after: int) -> dict[str | None, dict[str, Any]]:
    """March's cost rows for a role, by provider."""
    body = client.get("/outcomes/cost", params={"from": "2025-03", "to": "2025-03", "after": after},
                      headers=token(role)).json()
    return {row["provider_id"]: row for row in body["rows"]}


def test_a_commissioner_gets_controlled_costs_and_the_same_answer_twice(
    client: TestClient, scribe: Scribe
) -> None:
    """The ward's cost is hidden, cost ÷ cost per person is the people shown, and a second ask
    gets the very same rows."""
    small_groups.build(scribe)
    first = cost(client, "commissioner", scribe.positions[-1])
    hub = first["hub"]
    assert first["rehab"]["cost_gbp"] is None
    assert round(Decimal(hub["cost_gbp"]) / Decimal(hub["cost_per_person_gbp"])) == hub["people"]
    assert cost(client, "commissioner", scribe.positions[-1]) == first


def test_an_analyst_gets_the_exact_costs(client: TestClient, scribe: Scribe) -> None:
    """The analyst sees the ward's £9,300 for one person."""
    small_groups.build(scribe)
    rehab = cost(client, "analyst", scribe.positions[-1])["rehab"]
    assert (rehab["cost_gbp"], rehab["people"]) == (small_groups.WARD_COST, 1)
