"""Over a real server: the API served by uvicorn, and what concurrent callers get."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from api_journeys import NHS_NUMBERS, bearer, contact, registration

HUB = bearer("provider", "hub")
ANALYST = bearer("analyst")


def register(base: str, nhs_number: str | None = None) -> str:
    """Register a person on the served API; answers their id."""
    answer = httpx.post(f"{base}/people", json=registration(nhs_number), headers=HUB)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["person_id"])


def version_of(base: str, person_id: str) -> int:
    """The story's version, as an analyst reads it."""
    return int(httpx.get(f"{base}/people/{person_id}/story", headers=ANALYST).json()["version"])


def test_a_served_journey_writes_and_reads_back(served: str) -> None:
    """Register, append and read back over HTTP (read-your-writes)."""
    person = register(served, NHS_NUMBERS[0])
    answer = httpx.post(f"{served}/people/{person}/events", json=contact(), headers=HUB)
    assert (answer.status_code, answer.json()) == (201, {"version": 2})
    assert version_of(served, person) == 2


def test_concurrent_appends_with_one_if_match_have_one_winner(served: str) -> None:
    """16 appends sent at once with the same If-Match: exactly one 201, the rest 412 or 409."""
    person = register(served)
    headers = {**HUB, "If-Match": '"1"'}

    def attempt(n: int, client: httpx.Client) -> int:
        return client.post(f"/people/{person}/events", json=contact(f"c-{n}"), headers=headers).status_code

    with httpx.Client(base_url=served, timeout=60) as client, ThreadPoolExecutor(16) as pool:
        statuses = Counter(pool.map(lambda n: attempt(n, client), range(16)))
    assert statuses[201] == 1, statuses
    assert statuses[201] + statuses[412] + statuses[409] == 16, statuses
    assert version_of(served, person) == 2


def test_concurrent_repeats_of_one_key_store_one_event(served: str) -> None:
    """8 copies of one request sent at once with one Idempotency-Key: all 201 alike, one event."""
    person = register(served)
    headers = {**HUB, "Idempotency-Key": "visit-1"}

    def attempt(_: int, client: httpx.Client) -> tuple[int, Any]:
        answer = client.post(f"/people/{person}/events", json=contact(), headers=headers)
        return answer.status_code, answer.json()

    with httpx.Client(base_url=served, timeout=60) as client, ThreadPoolExecutor(8) as pool:
        answers = set(map(repr, pool.map(lambda n: attempt(n, client), range(8))))
    assert answers == {repr((201, {"version": 2}))}
    assert version_of(served, person) == 2


def test_many_concurrent_appends_to_many_stories_all_land(served: str) -> None:
    """400 appends to 20 stories sent 32 at a time: every one lands, no version lost."""
    people = [register(served) for _ in range(20)]
    jobs = [(people[n % 20], n) for n in range(400)]

    def append(job: tuple[str, int], client: httpx.Client) -> int:
        person, n = job
        return client.post(f"/people/{person}/events", json=contact(f"c-{n}"), headers=HUB).status_code

    limits = httpx.Limits(max_connections=32)
    with httpx.Client(base_url=served, timeout=120, limits=limits) as client, ThreadPoolExecutor(32) as pool:
        statuses = Counter(pool.map(lambda job: append(job, client), jobs))
    assert statuses == {201: 400}
    assert sum(version_of(served, person) - 1 for person in people) == 400


def test_concurrent_reads_of_one_story_are_all_logged(served: str) -> None:
    """24 reads of one story at once all succeed and all land in its access log."""
    person = register(served)
    with httpx.Client(base_url=served, timeout=60) as client, ThreadPoolExecutor(24) as pool:
        statuses = Counter(pool.map(
            lambda _: client.get(f"/people/{person}/story", headers=HUB).status_code, range(24)))
    assert statuses == {200: 24}
    log = httpx.get(f"{served}/people/{person}/access-log", headers=ANALYST).json()
    assert len(log["reads"]) == 24
