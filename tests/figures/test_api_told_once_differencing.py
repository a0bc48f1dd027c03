"""A commissioner's differencing of the figures maintained per month and provider this session
(told-once; waiting-times' medians read off day counts), over HTTP, on a borough with real small
cells: the small cells stay hidden asked any way, and the maintained rows equal ``as_of``'s."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from tests.figures import told_once_groups
from tests.figures.scribe import Scribe
from tests.figures.test_api_figures import KEY, token

COMMISSIONER = token("commissioner")
METRICS = ("told-once", "waiting-times")
HIDDEN = {"told-once": ("assessments_after_self_assessment", "told_once"),
          "waiting-times": ("seen", "median_days", "p90_days")}


@pytest.fixture
def client(database_url: str, schema: str, tmp_path: Any, scribe: Scribe) -> Iterator[TestClient]:
    """The API over the told-once borough, caught up."""
    told_once_groups.build(scribe)
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=KEY,
                        home=tmp_path)
    with TestClient(create_app(settings)) as client:
        rows(client, "told-once", after=scribe.positions[-1])
        yield client


def rows(client: TestClient, metric: str, **params: Any) -> dict[str | None, dict[str, Any]]:
    """A commissioner's March 2025 rows by provider."""
    answer = client.get(f"/outcomes/{metric}", headers=COMMISSIONER,
                        params={"from": "2025-03", "to": "2025-03", **params})
    assert answer.status_code == 200, answer.text
    return {row["provider_id"]: row for row in answer.json()["rows"]}


@pytest.mark.parametrize("metric", METRICS)
def test_a_small_providers_cell_is_hidden_however_asked(client: TestClient, scribe: Scribe,
                                                       metric: str) -> None:
    """cmht's two (then three, after a late entry): null among all, alone, and as of before."""
    before = datetime.now(UTC).isoformat()
    told_once_groups.late(scribe)
    asked = [rows(client, metric, after=scribe.positions[-1])]
    asked += [rows(client, metric, provider="cmht"), rows(client, metric, as_of=before)]
    assert [[answer["cmht"][name] for name in HIDDEN[metric]] for answer in asked] == [
        [None] * len(HIDDEN[metric])] * 3


@pytest.mark.parametrize("metric", METRICS)
def test_the_maintained_rows_equal_those_as_of_now(client: TestClient, metric: str) -> None:
    """Read from the maintained cells and computed on demand as of now: the same rows, so no
    subtraction of the two shows anything."""
    assert rows(client, metric) == rows(client, metric, as_of=datetime.now(UTC).isoformat())


@pytest.mark.parametrize("metric", METRICS)
def test_a_provider_asked_alone_answers_as_among_all(client: TestClient, metric: str) -> None:
    """Each provider's row, asked for alone, equals its row among everyone."""
    everyone = rows(client, metric)
    for provider in ("hub", "cmht"):
        assert rows(client, metric, provider=provider)[provider] == everyone[provider]


@pytest.mark.parametrize("metric", METRICS)
def test_march_answers_the_same_in_any_window(client: TestClient, metric: str) -> None:
    """March asked alone equals March inside January to June."""
    answer = client.get(f"/outcomes/{metric}", headers=COMMISSIONER,
                        params={"from": "2025-01", "to": "2025-06"})
    assert answer.status_code == 200, answer.text
    wide = {row["provider_id"]: row for row in answer.json()["rows"] if row["month"] == "2025-03"}
    assert rows(client, metric) == wide
