"""Contract fuzzing: schemathesis drives the served OpenAPI with every role's token and finds no
server error and no answer that differs from the document (status, body, content type)."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator

import httpx
import psycopg
import pytest
import schemathesis
from api_journeys import SIGNING_KEY, bearer, registration
from api_server import serving
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.http.app import create_app
from api.settings import Settings


@pytest.fixture(scope="module")
def fuzzed_server(database_url: str) -> Iterator[str]:
    """One served ledger (its own schema) for every generated request of this module."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    ledger_settings = Settings(database_url=database_url, schema_name=schema, signing_key=SIGNING_KEY)
    with serving(create_app(ledger_settings)) as base:
        hub = bearer("provider", "hub")
        httpx.post(f"{base}/people", json=registration(), headers=hub).raise_for_status()
        yield base


@pytest.fixture(scope="module")
def served_schema(fuzzed_server: str) -> schemathesis.BaseSchema:
    """The OpenAPI document as the server serves it."""
    return schemathesis.openapi.from_url(f"{fuzzed_server}/openapi.json")


contract = schemathesis.pytest.from_fixture("served_schema")


MONTH = re.compile(r"^\d{4}-\d{2}$")
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance,
          content_type_conformance]
TOKENS = {"provider": bearer("provider", "hub"), "key_worker": bearer("key_worker", "hub"),
          "analyst": bearer("analyst"), "commissioner": bearer("commissioner"),
          "admin": bearer("admin"), "privacy_officer": bearer("privacy_officer")}


@contract.parametrize()
@settings(max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", "8")), deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_server_error(case: schemathesis.Case) -> None:
    """Every generated request, sent with each role's token, conforms and is never a 5xx."""
    for token in TOKENS.values():  # a minute, as the server's deadline: the machine may be busy
        case.call_and_validate(headers={**(case.headers or {}), **token}, checks=CHECKS, timeout=60)
