"""The figures over HTTP: read-your-writes, roles, disclosure control, health and metrics."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.http.tokens import Caller, mint
from api.settings import Settings
from tests.figures import borough
from tests.figures.scribe import Scribe

KEY = "k" * 40


def token(role: str, provider: str | None = None, staff: str = "s-1") -> dict[str, str]:
    caller = Caller(role=role, provider_id=provider, staff_id=staff)  # type: ignore[arg-type]
    return {"Authorization": f"Bearer {mint(caller, KEY, timedelta(hours=1))}"}


@pytest.fixture
def client(database_url: str, schema: str) -> Iterator[TestClient]:
    """The API with its in-process projection thread, over the test's schema."""
    settings = Settings(database_url=database_url, schema_name=schema, signing_key=KEY)
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def written(client: TestClient, scribe: Scribe) -> int:
    """The hand-built borough written; answers the last write's position."""
    borough.build(scribe)
    return scribe.positions[-1]


def test_figures_after_a_write_include_it(client: TestClient, written: int) -> None:
    """Asking with ``after`` the write's position sees the write (read-your-writes)."""
    answer = client.get("/outcomes/people-supported", params={"from": "2025-03", "to": "2025-03",
                        "after": written}, headers=token("analyst"))
    assert answer.json()["rows"][0] == {"month": "2025-03", "provider_id": "hub", "people": 1,
                                        "suppressed_fields": []}


def test_commissioners_see_small_counts_suppressed(client: TestClient, written: int) -> None:
    """Every count in the small borough is below 5, so a commissioner sees nulls."""
    body = client.get("/outcomes/caseload", params={"from": "2025-04", "to": "2025-04", "after": written},
                      headers=token("commissioner")).json()
    assert body["suppressed"] is True
    assert body["rows"][-1] == {"month": "2025-04", "provider_id": None, "count": None,
                                "suppressed_fields": ["count"]}


def test_waiting_list_is_for_the_providers_own_staff(client: TestClient, written: int) -> None:
    """cmht staff see cmht's waiting list; hub staff are refused it."""
    mine = client.get("/providers/cmht/waiting-list", params={"after": written},
                      headers=token("provider", "cmht"))
    theirs = client.get("/providers/cmht/waiting-list", headers=token("provider", "hub"))
    assert (mine.json()["count"], theirs.status_code) == (1, 403)


def test_caseload_on_a_date(client: TestClient, written: int) -> None:
    """cmht's caseload on 6 April 2025 is A and B."""
    body = client.get("/providers/cmht/caseload", params={"on": "2025-04-06", "after": written},
                      headers=token("analyst")).json()
    assert (body["on"], body["count"]) == ("2025-04-06", 2)


def test_a_position_the_log_has_not_reached_is_refused_at_once(client: TestClient,
                                                               written: int) -> None:
    """``after`` beyond the log's head names no write yet: 422 naming ``after``, no wait."""
    answer = client.get("/outcomes/cost", params={"from": "2025-03", "to": "2025-03",
                        "after": written + 1000}, headers=token("analyst"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "after"]


def test_a_written_position_not_yet_projected_answers_503(
    client: TestClient, written: int, scribe: Scribe, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Waiting for a write the figures have not reached times out with 503."""
    monkeypatch.setattr(client.app.state.figures, "wait_seconds", 0.2)  # type: ignore[attr-defined]
    client.app.state.figures.stop_following()  # type: ignore[attr-defined]
    time.sleep(0.5)
    scribe.provider("late", "community", "hub", "38.00", "0")
    answer = client.get("/outcomes/cost", params={"from": "2025-03", "to": "2025-03",
                        "after": scribe.positions[-1]}, headers=token("analyst"))
    assert answer.status_code == 503


def test_a_half_given_baseline_is_refused_in_the_documented_shape(client: TestClient) -> None:
    """``baseline_from`` without ``baseline_to``: 422 with a ``detail`` list naming the field."""
    answer = client.get("/outcomes/cost", headers=token("analyst"), params={
        "from": "2025-03", "to": "2025-03", "baseline_from": "2025-01"})
    assert answer.status_code == 422
    [item] = answer.json()["detail"]
    assert (item["loc"], set(item)) == (["query", "baseline_to"], {"loc", "msg", "type"})


@pytest.mark.parametrize("path", ["/providers/a%00b/caseload", "/providers/a%00b/waiting-list",
                                  "/key-workers/a%00b/caseload"])
def test_a_nul_in_an_id_in_the_path_is_refused(client: TestClient, path: str) -> None:
    """A NUL byte in a path id is a 422 naming it, never a 500."""
    answer = client.get(path, headers=token("analyst"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][0] == "path"


def test_a_nul_in_the_provider_asked_for_is_refused(client: TestClient) -> None:
    """A NUL byte in ``?provider=`` is a 422 naming it, never a 500."""
    answer = client.get("/outcomes/cost", headers=token("analyst"), params={
        "from": "2025-03", "to": "2025-03", "provider": "a\x00b"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "provider"]


def test_health_and_metrics_show_projection_lag_to_operators(client: TestClient, written: int) -> None:
    """With an admin's token, /health reports the figures' position and lag, /metrics the same."""
    client.get("/outcomes/cost", params={"from": "2025-03", "to": "2025-03", "after": written},
               headers=token("analyst"))
    health = client.get("/health", headers=token("admin")).json()
    assert health["status"] == "ok"
    assert health["projections"]["figures"]["ledger"]["position"] >= written
    metrics = client.get("/metrics", headers=token("admin")).text
    assert 'ledger_projection_lag{projection="figures",source="ledger"}' in metrics


def test_health_tells_a_stranger_only_that_it_is_up(client: TestClient, written: int) -> None:
    """Log heads would let a stranger count entries (and see a story appear): none without a token."""
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/health", headers=token("provider", "cmht")).json() == {"status": "ok"}


def test_metrics_need_an_operators_token(client: TestClient, written: int) -> None:
    """Providers, commissioners and anonymous callers do not see log positions."""
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers=token("commissioner")).status_code == 403


def test_months_in_the_wrong_order_are_refused_in_the_documented_shape(client: TestClient) -> None:
    """``to`` before ``from``: 422 with a ``detail`` list naming ``to``."""
    answer = client.get("/outcomes/cost", headers=token("analyst"),
                        params={"from": "2025-03", "to": "2025-01"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "to"]
