"""A forged cursor whose parts Python reads but PostgreSQL's casts would not (other digits, week
dates, far offsets, ``urn:uuid:``, a NUL) is refused with a 422 naming ``cursor`` or read in the
one spelling PostgreSQL takes: never a 500. Asked over HTTP, as an intruder would."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from tests.api.worklist_story import CMHT, KW5

PERSON = "3c156af7-abec-43b6-8f60-1c834d223a0e"


def forged(*parts: str) -> str:
    """A cursor as the lists write them (the list and whose it is, then the position), holding
    ``parts``."""
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode()


WAITING = ("waiting-list", "cmht")
REFUSED = [
    ("/providers/cmht/waiting-list", CMHT,
     forged(*WAITING, "\u0663", "2026-01-01T00:00:00+00:00", "", "r-1")),
    ("/providers/cmht/waiting-list", CMHT,
     forged(*WAITING, "3", "2026-01-01T00:00:00+00:00", "", "r\u0000")),
]
READ = [
    ("/providers/cmht/waiting-list", CMHT,
     forged(*WAITING, "3", "2026-W01-1T00:00:00+00:00", "", "r-1")),
    ("/providers/cmht/waiting-list", CMHT,
     forged(*WAITING, "3", "2026-01-01T00:00:00+20:00", "", "r-1")),
    ("/providers/cmht/caseload", CMHT, forged("caseload", "cmht", "2026-W01-1", PERSON)),
    ("/key-workers/kw-5/caseload", KW5,
     forged("key-worker-caseload", "cmht", "kw-5", f"urn:uuid:{PERSON}")),
]


@pytest.mark.parametrize(("path", "headers", "cursor"), REFUSED)
def test_a_part_postgresql_cannot_read_is_refused_naming_the_cursor(
        served: str, path: str, headers: dict[str, str], cursor: str) -> None:
    """A rank in Arabic-Indic digits, an identifier holding a NUL: 422 naming ``cursor``."""
    answer = httpx.get(served + path, params={"cursor": cursor}, headers=headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["query", "cursor"]


@pytest.mark.parametrize(("path", "headers", "cursor"), READ)
def test_a_part_in_another_spelling_is_read_as_its_value(
        served: str, path: str, headers: dict[str, str], cursor: str) -> None:
    """A week date, an offset of twenty hours, a ``urn:uuid:``: the page after that position."""
    answer = httpx.get(served + path, params={"cursor": cursor}, headers=headers)
    assert answer.status_code == 200, answer.text
