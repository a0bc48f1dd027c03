"""``GET /outcomes/{metric}`` refuses a bad month range or metric with a 422 naming the parameter."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.http.tokens import Caller, mint
from api.settings import Settings
from projections.figures.outcomes import METRICS

KEY = "m" * 40
ANALYST = {"Authorization": "Bearer " + mint(Caller(role="analyst", provider_id=None, staff_id="a-1"),
                                             KEY, timedelta(hours=1))}


@pytest.fixture
def client(database_url: str, schema: str) -> Iterator[TestClient]:
    """The API over the test's own, empty schema."""
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=KEY)
    with TestClient(create_app(settings)) as client:
        yield client


def refusal(client: TestClient, path: str, **params: str) -> dict[str, Any]:
    """The one item of a 422's detail, in FastAPI's documented shape."""
    answer = client.get(path, params=params, headers=ANALYST)
    assert answer.status_code == 422, answer.text
    [item] = answer.json()["detail"]
    assert set(item) == {"loc", "msg", "type"}
    return dict(item)


@pytest.mark.parametrize(("params", "field"), [
    ({"from": "0000-01", "to": "0000-01"}, "from"),
    ({"from": "2025-01", "to": "2101-01"}, "to"),
    ({"from": "2025-05", "to": "2025-03"}, "to"),
    ({"from": "2020-01", "to": "2030-01"}, "to"),
    ({"from": "2025-01", "to": "2025-03", "baseline_from": "2024-01"}, "baseline_to"),
    ({"from": "2025-01", "to": "2025-03", "baseline_to": "2024-01"}, "baseline_from"),
    ({"from": "2025-01", "to": "2025-03", "baseline_from": "1999-01", "baseline_to": "2024-01"},
     "baseline_from"),
    ({"from": "2025-01", "to": "2025-03", "baseline_from": "2024-03", "baseline_to": "2024-01"},
     "baseline_to"),
])
def test_a_bad_range_is_a_422_naming_the_parameter(client: TestClient, params: dict[str, str],
                                                   field: str) -> None:
    """Year zero, years out of bounds, backwards, too long, half a baseline: 422 at the field."""
    assert refusal(client, "/outcomes/cost", **params)["loc"] == ["query", field]


def test_a_century_of_months_is_refused_at_once(client: TestClient) -> None:
    """``1900-01`` to ``9998-12`` (once minutes of CPU) is refused at once, not computed."""
    started = time.monotonic()
    assert refusal(client, "/outcomes/cost", **{"from": "1900-01", "to": "9998-12"})["loc"][1] == "from"
    assert time.monotonic() - started < 10  # minutes before the bound; seconds on a busy machine


def test_an_unknown_metric_is_a_422_naming_the_path(client: TestClient) -> None:
    """A metric not in the table is refused at ``path.metric``."""
    item = refusal(client, "/outcomes/costs", **{"from": "2025-01", "to": "2025-01"})
    assert item["loc"] == ["path", "metric"]


def test_the_api_documents_the_metrics_of_the_table(client: TestClient) -> None:
    """The OpenAPI enum of ``metric`` is the table's names, in order."""
    operation = client.get("/openapi.json").json()["paths"]["/outcomes/{metric}"]["get"]
    [metric] = [p for p in operation["parameters"] if p["name"] == "metric"]
    assert metric["schema"]["enum"] == list(METRICS)
