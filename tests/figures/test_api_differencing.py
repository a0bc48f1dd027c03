"""Differencing attacks a commissioner can make over HTTP, across the two ways rows are computed
(the maintained summaries, and on demand with ``as_of``), across windows of months, across
providers asked alone, and the borough's total against the providers shown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from projections.figures.outcomes import METRICS
from tests.figures import small_groups
from tests.figures.scribe import Scribe
from tests.figures.test_api_figures import KEY, token

Cells = dict[tuple[str, str | None], dict[str, Any]]
COMMISSIONER = token("commissioner")


@pytest.fixture
def client(database_url: str, schema: str, tmp_path: Any, scribe: Scribe) -> Iterator[TestClient]:
    """The API over the small-groups borough, its keys kept in a home of its own."""
    small_groups.build(scribe)
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=KEY,
                        home=tmp_path)
    with TestClient(create_app(settings)) as client:
        client.get("/outcomes/people-supported", headers=COMMISSIONER,
                   params={"from": "2025-03", "to": "2025-03", "after": scribe.positions[-1]})
        yield client


def cells(client: TestClient, metric: str, start: str = "2025-01", end: str = "2025-04",
          **params: Any) -> Cells:
    """A commissioner's rows by (month, provider)."""
    answer = client.get(f"/outcomes/{metric}", headers=COMMISSIONER,
                        params={"from": start, "to": end, **params})
    assert answer.status_code == 200, answer.text
    return {(row["month"], row["provider_id"]): row for row in answer.json()["rows"]}


@pytest.mark.parametrize("metric", METRICS)
def test_the_summaries_and_as_of_now_publish_the_same_cells(client: TestClient, metric: str) -> None:
    """Asked now and as of now (computed on demand), every cell answers the same: the two
    paths never differ by a value a subtraction would show."""
    maintained = cells(client, metric)
    on_demand = cells(client, metric, as_of=datetime.now(UTC).isoformat())
    assert maintained == on_demand


@pytest.mark.parametrize("metric", METRICS)
def test_a_month_answers_the_same_in_any_window(client: TestClient, metric: str) -> None:
    """March asked alone equals March inside January to April."""
    wide = cells(client, metric)
    alone = cells(client, metric, "2025-03", "2025-03")
    assert alone == {key: row for key, row in wide.items() if key[0] == "2025-03"}


def test_a_provider_asked_alone_answers_as_among_all(client: TestClient) -> None:
    """Each provider's cost cells, asked for alone, equal the same cells among everyone."""
    everyone = cells(client, "cost")
    for provider in ("hub", "cmht", "gp", "rehab"):
        alone = cells(client, "cost", provider=provider)
        assert alone, provider
        assert all(everyone[key] == row for key, row in alone.items()), provider


def test_borough_people_minus_the_providers_shown_is_no_small_group(client: TestClient) -> None:
    """The borough's people costed in March minus the providers shown is a multiple of 5 (every
    shown count is): never the ward's 1."""
    march = cells(client, "cost", "2025-03", "2025-03")
    borough = march[("2025-03", None)]["people"]
    shown = [row["people"] for (_, p), row in march.items() if p and row["people"] is not None]
    assert march[("2025-03", "rehab")]["people"] is None
    assert (borough - sum(shown)) % 5 == 0
