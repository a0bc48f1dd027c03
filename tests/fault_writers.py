"""Writers that keep at it through faults: every request carries an Idempotency-Key and is sent
again, unchanged, until it is acknowledged (or refused for good, which the tests count as a bug)."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from uuid import UUID

import httpx
from api_journeys import bearer, contact, registration
from ledger_invariants import Figures, check_ledger

from commands import Ledger

HUB = bearer("provider", "hub")
RETRYABLE = {502, 503, 504}


@dataclass
class Tally:
    """What the writers sent and what came back, shared by every writer thread."""

    sent: set[str] = field(default_factory=set)
    acknowledged: dict[str, tuple[UUID, int]] = field(default_factory=dict)
    statuses: Counter[int | str] = field(default_factory=Counter)
    refused: list[tuple[str, int, str]] = field(default_factory=list)
    in_flight: int = 0  # requests sent and not yet answered (nor failed), across the writers
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, outcome: int | str) -> None:
        with self.lock:
            self.statuses[outcome] += 1


def send_until_answered(url: str, path: str, body: dict[str, object], key: str, tally: Tally,
                        deadline: float, client: httpx.Client | None = None) -> httpx.Response | None:
    """POST until a final answer (not a connection failure, not a 5xx), or None at the deadline.

    Between tries the writer backs off (20 ms doubling to 0.5 s, jittered), as a client should: a
    tight retry loop against a restarting server takes the CPU that the server needs to start.
    """
    headers, pause = {**HUB, "Idempotency-Key": key}, 0.02
    while time.monotonic() < deadline:
        try:
            with tally.lock:
                tally.in_flight += 1
            answer = (client or httpx).post(f"{url}{path}", json=body, headers=headers, timeout=15)
        except httpx.HTTPError as error:
            tally.note(type(error).__name__)
        else:
            tally.note(answer.status_code)
            if answer.status_code not in RETRYABLE:
                return answer
        finally:
            with tally.lock:
                tally.in_flight -= 1
        time.sleep(random.uniform(pause / 2, pause))
        pause = min(pause * 2, 0.5)
    return None


def register_people(url: str, count: int, tally: Tally, deadline: float) -> list[UUID]:
    """Register ``count`` people (no NHS number), each with a key so a retry cannot double them."""
    people = []
    for n in range(count):
        answer = send_until_answered(url, "/people", registration(None), f"person-{n}", tally, deadline)
        assert answer is not None, "registration ran out of time"
        assert answer.status_code == 201, answer.text
        people.append(UUID(answer.json()["person_id"]))
    return people


def write_contacts(url: str, writer: str, people: list[UUID], count: int, tally: Tally,
                   deadline: float) -> None:
    """Append ``count`` contacts to random people, each until acknowledged (over a client of the
    writer's own, whose kept-alive connections a killed server breaks: those tries fail, and are
    sent again)."""
    with httpx.Client() as client:
        for n in range(count):
            key, person = f"{writer}-{n}", random.choice(people)
            with tally.lock:
                tally.sent.add(key)
            answer = send_until_answered(url, f"/people/{person}/events", contact(key), key, tally,
                                         deadline, client)
            if answer is None:
                return
            with tally.lock:
                if answer.status_code == 201:
                    tally.acknowledged[key] = (person, int(answer.json()["version"]))
                else:
                    tally.refused.append((key, answer.status_code, answer.text[:200]))


def probe(url: str, person: UUID, tally: Tally) -> tuple[int, float]:
    """One keyed append sent once while the store is in trouble: its status and how long it took."""
    started, key = time.monotonic(), "probe"
    with tally.lock:
        tally.sent.add(key)
    answer = httpx.post(f"{url}/people/{person}/events", json=contact(key),
                        headers={**HUB, "Idempotency-Key": key}, timeout=120)
    return answer.status_code, time.monotonic() - started


def settle_probe(url: str, person: UUID, tally: Tally) -> None:
    """Send the probe again, same key, until acknowledged: whether or not it landed, once."""
    answer = send_until_answered(url, f"/people/{person}/events", contact("probe"), "probe", tally,
                                 time.monotonic() + 60)
    assert answer is not None, "the probe was never acknowledged"
    assert answer.status_code == 201, answer.text
    tally.acknowledged["probe"] = (person, int(answer.json()["version"]))


def start_writers(url: str, people: list[UUID], tally: Tally, deadline: float,
                  writers: int = 4, contacts: int = 60) -> list[threading.Thread]:
    """Start ``writers`` threads (w0, w1, ...), each writing ``contacts`` contacts; answers them."""
    threads = [threading.Thread(target=write_contacts,
                                args=(url, f"w{n}", people, contacts, tally, deadline))
               for n in range(writers)]
    for thread in threads:
        thread.start()
    return threads


def check_tally(env: dict[str, str], people: list[UUID], tally: Tally) -> Figures:
    """Check the ledger at ``env`` against what the writers sent and had acknowledged; its figures."""
    ledger = Ledger(env=env)
    try:
        return check_ledger(ledger, people, tally.sent, tally.acknowledged, env)
    finally:
        ledger.close()
