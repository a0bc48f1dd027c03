"""The one log line per request, as ``ledger serve`` writes it (orjson, straight to standard
error's bytes): a JSON object with the request id, method, route template, status and time, and
never the path itself (it may hold a person's id)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

PERSON = "0b7f3c1e-5d0a-4b8e-9a51-2f6c7d8e9a10"
# In a process of its own: configure_logging caches its loggers for good (as a server wants).
A_STORY_READ = f"""
from fastapi import FastAPI
from fastapi.testclient import TestClient
from api.composition import configure_logging
from api.http.middleware import RequestContext

configure_logging()
app = FastAPI()

@app.get("/people/{{person_id}}/story")
async def story(person_id: str) -> dict[str, str]:
    return {{"ok": "yes"}}

with TestClient(RequestContext(app)) as client:
    client.get("/people/{PERSON}/story", headers={{"X-Request-ID": "trace-7"}})
"""


@pytest.fixture(scope="module")
def logged() -> list[dict[str, Any]]:
    """The JSON lines a story read wrote to standard error, logging configured as served."""
    done = subprocess.run([sys.executable, "-c", A_STORY_READ], capture_output=True, text=True,
                          timeout=120, check=True)
    return [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]


def test_the_request_line_keeps_its_fields(logged: list[dict[str, Any]]) -> None:
    """One line, with the same fields the standard library's json rendered before."""
    (line,) = [entry for entry in logged if entry["event"] == "request"]
    assert set(line) == {"event", "method", "route", "status", "ms", "request_id", "level", "timestamp"}
    assert (line["method"], line["route"], line["status"], line["request_id"]) == \
        ("GET", "/people/{person_id}/story", 200, "trace-7")


def test_the_request_line_names_no_path(logged: list[dict[str, Any]]) -> None:
    """The person's id, in the path, is in no line."""
    assert logged
    assert all(PERSON not in json.dumps(entry) for entry in logged)
