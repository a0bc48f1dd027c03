"""Contract fuzzing: schemathesis drives the served OpenAPI and finds no server error."""

from __future__ import annotations

import os
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
from schemathesis.specs.openapi.checks import status_code_conformance

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


@contract.parametrize()
@settings(max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", "20")), deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_server_error(case: schemathesis.Case) -> None:
    """Every generated request is answered without a 5xx and with a declared status code."""
    role = "admin" if case.path.startswith("/providers") else "provider"
    headers = {**(case.headers or {}), **bearer(role, None if role == "admin" else "hub")}
    case.call_and_validate(headers=headers, checks=[not_a_server_error, status_code_conformance])
