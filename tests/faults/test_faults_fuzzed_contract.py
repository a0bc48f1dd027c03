"""Fuzzing the served OpenAPI with every conformance check: no 5xx, every status code declared,
every response body as the schema says; the requests and server errors are counted."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from api_journeys import bearer, registration
from api_server import serving
from hypothesis import HealthCheck, settings
from ledger_invariants import check_projections
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.deployment.database import store_env
from api.http.app import create_app
from api.settings import Settings

FUZZED: Counter[str] = Counter()
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance,
          content_type_conformance, response_headers_conformance]


@pytest.fixture(scope="module")
def fuzzed_ledger(database_url: str) -> Iterator[str]:
    """One served ledger, with a registered person, for every generated request of this module."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute('CREATE SCHEMA IF NOT EXISTS "fuzzed"')
    fuzzed = Settings(database_url=database_url, schema_name="fuzzed",
                      signing_key="test-signing-key-" + "x" * 32)
    env = store_env(database_url, fuzzed)
    with serving(create_app(fuzzed)) as base:
        httpx.post(f"{base}/people", json=registration(), headers=bearer("provider", "hub"))
        yield base
        check_projections(env)  # whatever the fuzzer wrote, the figures equal a rebuild
    print(f"\nfuzzed contract: requests={sum(FUZZED.values())} by status={dict(FUZZED)}")


@pytest.fixture(scope="module")
def fuzzed_schema(fuzzed_ledger: str) -> schemathesis.BaseSchema:
    """The OpenAPI document as the server serves it."""
    return schemathesis.openapi.from_url(f"{fuzzed_ledger}/openapi.json")


contract = schemathesis.pytest.from_fixture("fuzzed_schema")


@contract.parametrize()
@settings(max_examples=int(os.environ.get("FAULTS_FUZZ_EXAMPLES", "25")), deadline=None,
          derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_fuzzed_answer_conforms(case: schemathesis.Case) -> None:
    """Every generated request: no 5xx, a declared status, a body and headers as declared."""
    role = "admin" if case.path.startswith("/providers") else "provider"
    headers = {**(case.headers or {}), **bearer(role, None if role == "admin" else "hub")}
    response = case.call(headers=headers)
    FUZZED["5xx" if response.status_code >= 500 else str(response.status_code)] += 1
    case.validate_response(response, checks=CHECKS)
