"""Many writers on one story over HTTP (8 to 64 at once): one winner per version, the rest 409 or
412; writers that reload and try again all land, with no version lost or doubled (in the figures too)."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from api_journeys import bearer, contact, registration
from ledger_invariants import check_projections

HUB, ANALYST = bearer("provider", "hub"), bearer("analyst")


def version_of(client: httpx.Client, person: str) -> int:
    """The story's version as an analyst reads it (again when its access log was too busy: 409)."""
    answer = client.get(f"/people/{person}/story", headers=ANALYST)
    while answer.status_code == 409:
        answer = client.get(f"/people/{person}/story", headers=ANALYST)
    assert answer.status_code == 200, answer.text
    return int(answer.json()["version"])


@pytest.mark.parametrize("writers", [8, 64])
def test_writers_expecting_one_version_have_one_winner(served: str, writers: int,
                                                       env: dict[str, str]) -> None:
    """All send If-Match "1" at once: exactly one 201, every other answer 409 or 412."""
    limits = httpx.Limits(max_connections=writers)
    with httpx.Client(base_url=served, timeout=120, limits=limits) as client:
        person = client.post("/people", json=registration(None), headers=HUB).json()["person_id"]
        headers = {**HUB, "If-Match": '"1"'}

        def attempt(n: int) -> int:
            return client.post(f"/people/{person}/events", json=contact(f"c-{n}"),
                               headers=headers).status_code

        with ThreadPoolExecutor(writers) as pool:
            statuses = Counter(pool.map(attempt, range(writers)))
        assert statuses[201] == 1, statuses
        assert statuses[201] + statuses[409] + statuses[412] == writers, statuses
        assert version_of(client, person) == 2
    check_projections(env)


def test_writers_that_reload_and_retry_all_land(served: str, env: dict[str, str]) -> None:
    """16 writers each append 5 contacts with If-Match, reloading after each 412: all 80 land."""
    with httpx.Client(base_url=served, timeout=120, limits=httpx.Limits(max_connections=16)) as client:
        person = client.post("/people", json=registration(None), headers=HUB).json()["person_id"]

        def write(writer: int) -> Counter[int]:
            seen: Counter[int] = Counter()
            for n in range(5):
                while True:
                    expected = version_of(client, person)
                    status = client.post(f"/people/{person}/events", json=contact(f"w{writer}-{n}"),
                                         headers={**HUB, "If-Match": f'"{expected}"'}).status_code
                    seen[status] += 1
                    if status == 201:
                        break
                    assert status in (409, 412), status
            return seen

        with ThreadPoolExecutor(16) as pool:
            statuses = sum(pool.map(write, range(16)), Counter[int]())
        story = client.get(f"/people/{person}/story", headers=ANALYST).json()
    assert statuses[201] == 80, statuses
    assert [e["version"] for e in story["events"]] == list(range(1, 82))
    assert len({e["data"].get("contact_id") for e in story["events"][1:]}) == 80
    check_projections(env, contacts=[f"w{w}-{n}" for w in range(16) for n in range(5)])
