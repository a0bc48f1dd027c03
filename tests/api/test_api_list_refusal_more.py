"""More queries an outsider may send a list: a bad ``after``, a bad or foreign ``provider`` on a
key worker's people, a malformed path. Refused as an outsider (401/403) before any is checked."""

from __future__ import annotations

import pytest
from api_journeys import bearer
from fastapi.testclient import TestClient

from tests.api.test_api_list_refusal_first import OUTSIDERS

QUERIES = {  # (path, query) an outsider sends
    "bad after, waiting list": ("/providers/cmht/waiting-list", {"after": "-1"}),
    "bad after, caseload": ("/providers/cmht/caseload", {"after": "soon"}),
    "bad after, key worker": ("/key-workers/kw-5/caseload", {"provider": "cmht", "after": "x"}),
    "bad provider, key worker": ("/key-workers/kw-5/caseload", {"provider": "no such!"}),
    "limit too large": ("/providers/cmht/caseload", {"limit": "100000"}),
    "path not a code": ("/providers/cm%20ht%00/caseload", {}),
}


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_an_outsider_hears_only_that_it_may_not_read(client: TestClient, outsider: str,
                                                     query: str) -> None:
    """Whatever else is wrong, an outsider gets its 401 or 403."""
    headers, status = OUTSIDERS[outsider]
    path, params = QUERIES[query]
    answer = client.get(path, params=params, headers=headers)
    assert answer.status_code == status, answer.text


def test_a_key_worker_naming_another_provider_is_refused(client: TestClient) -> None:
    """kw-5 at cmht asking for kw-5's people at the hub (with a bad limit too): 403."""
    answer = client.get("/key-workers/kw-5/caseload", params={"provider": "hub", "limit": "0"},
                        headers=bearer("key_worker", "cmht", "kw-5"))
    assert answer.status_code == 403, answer.text
