"""Reads of one story through two server processes at once (``commands.access_log_entries``):
every answered read is in the log exactly once, whichever process answered it."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from api_journeys import bearer, registration

READERS, READS = 6, 8  # threads per server, reads per thread



def read_many(base: str, person: str, staff: str) -> list[int]:
    """``READS`` reads of the story by one member of the hub's staff; the statuses answered."""
    with httpx.Client(base_url=base, timeout=60) as client:
        return [client.get(f"/people/{person}/story",
                           headers=bearer("provider", "hub", staff)).status_code
                for _ in range(READS)]


def test_concurrent_reads_through_two_servers_are_logged_once_each(
        two_servers: tuple[str, str]) -> None:
    """Both processes read the story first, then race: each staff id's answered reads equal its
    entries in the log."""
    first, second = two_servers
    person = httpx.post(f"{first}/people", json=registration(), headers=bearer("provider", "hub"),
                        timeout=30).json()["person_id"]
    staff = {(base, f"s-{side}-{n}"): base for side, base in enumerate(two_servers)
             for n in range(READERS)}
    assert read_many(first, person, "warm-1") + read_many(second, person, "warm-2") == [200] * (
        2 * READS)
    with ThreadPoolExecutor(2 * READERS) as pool:
        answered = dict(zip(staff, pool.map(lambda key: read_many(key[0], person, key[1]), staff),
                            strict=True))
    log = httpx.get(f"{second}/people/{person}/access-log", headers=bearer("analyst"),
                    timeout=30).json()["reads"]
    logged = Counter(entry["staff_id"] for entry in log)
    assert {s: statuses.count(200) for (_, s), statuses in answered.items()} == {
        s: logged[s] for (_, s) in answered}
    assert logged["warm-1"] == logged["warm-2"] == READS
    assert sum(logged.values()) == len(log)
