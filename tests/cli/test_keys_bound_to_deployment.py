"""Keys follow the deployment, not the working folder: ``ledger`` run from two folders against one
database, with no key in the environment (each folder's ``.ledger/`` would hold its own keys)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from builders import nhs_number
from fastapi.testclient import TestClient
from import_lines import HUB, WHEN

from api.composition import RefusedToStart
from api.http.app import create_app
from api.settings import Settings

LEDGER = str(Path(sys.executable).with_name("ledger"))
LABEL = "care-journey-ledger: the deployment's {name} key, fingerprint v1"


def registration(serial: int) -> bytes:
    """A new person's registration, NHS number ``serial``, as an import line."""
    body = {"type": "PersonRegistered", "person_id": str(uuid4()), "provider_id": "hub",
            "staff_id": "s-1", "occurred_at": WHEN,
            "data": {"nhs_number": nhs_number(serial), "given_name": "Ada", "family_name": "Example",
                     "birth_date": "1990-04-01"}}
    return json.dumps(body).encode()


def ledger_in(folder: Path, database_url: str, schema: str, *args: str, stdin: bytes = b"",
              **keys: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``ledger`` from ``folder`` over the test's schema, with only the keys given here."""
    folder.mkdir(exist_ok=True)
    env = {name: value for name, value in os.environ.items() if not name.startswith("LEDGER_")}
    env |= {"DATABASE_URL": database_url, "LEDGER_SCHEMA": schema, **keys}
    return subprocess.run([LEDGER, *args], cwd=folder, env=env, input=stdin, capture_output=True,
                          timeout=120, check=False)


def recorded(database_url: str, schema: str, query: str) -> list[tuple[object, ...]]:
    """The rows a query over the test's schema answers."""
    with psycopg.connect(database_url, options=f"-c search_path={schema}") as conn:
        return conn.execute(query).fetchall()  # type: ignore[arg-type]


@pytest.fixture
def first(tmp_path: Path, database_url: str, schema: str) -> Path:
    """Folder A: the hub and one person imported from it, its keys generated under ``A/.ledger``."""
    answer = ledger_in(tmp_path / "a", database_url, schema, "import", "-",
                       stdin=HUB + b"\n" + registration(1) + b"\n")
    assert answer.returncode == 0, answer.stderr
    return tmp_path / "a"


def test_the_first_use_records_a_keyed_fingerprint_of_each_key(first: Path, database_url: str,
                                                               schema: str) -> None:
    """One row per key: the HMAC of its label under the key, never the key or its plain hash."""
    rows = dict(recorded(database_url, schema, "SELECT key_name, fingerprint FROM ledger_deployment"))
    for name in ("identity", "signing", "master"):
        key = (first / ".ledger" / f"{name}-key").read_text().strip()
        expected = hmac.new(key.encode(), LABEL.format(name=name).encode(), hashlib.sha256).hexdigest()
        assert rows[name] == expected
        assert rows[name] not in (key, hashlib.sha256(key.encode()).hexdigest())


def test_another_folder_without_the_keys_is_refused_and_writes_nothing(
    first: Path, tmp_path: Path, database_url: str, schema: str
) -> None:
    """The same NHS number from folder B: exit 2 naming the keys and where they are looked for;
    no second story, no event, no key generated in B."""
    head = recorded(database_url, schema, "SELECT count(*) FROM ledger_events")
    answer = ledger_in(tmp_path / "b", database_url, schema, "import", "-", stdin=registration(1))
    stderr = answer.stderr.decode()
    assert answer.returncode == 2, stderr
    assert "identity key" in stderr
    assert "LEDGER_IDENTITY_KEY" in stderr
    assert str((tmp_path / "b" / ".ledger" / "identity-key").resolve()) in stderr
    assert recorded(database_url, schema, "SELECT count(*) FROM ledger_events") == head
    assert not (tmp_path / "b" / ".ledger").exists()


def test_another_folder_with_the_same_keys_is_accepted(first: Path, tmp_path: Path, database_url: str,
                                                        schema: str) -> None:
    """Folder B given A's keys in the environment runs, and the NHS number is still taken."""
    keys = {f"LEDGER_{name.upper()}_KEY": (first / ".ledger" / f"{name}-key").read_text().strip()
            for name in ("identity", "signing", "master")}
    answer = ledger_in(tmp_path / "b", database_url, schema, "import", "-", stdin=registration(1), **keys)
    assert answer.returncode == 1, answer.stderr  # the line is refused: one story per NHS number
    assert b"nhs_number" in answer.stderr


def test_a_different_signing_key_alone_is_named(first: Path, tmp_path: Path, database_url: str,
                                                schema: str) -> None:
    """Only the key that differs is named in the refusal."""
    identity = (first / ".ledger" / "identity-key").read_text().strip()
    answer = ledger_in(tmp_path / "b", database_url, schema, "verify-chain",
                       LEDGER_IDENTITY_KEY=identity, LEDGER_SIGNING_KEY="another-signing-key-" + "x" * 32)
    stderr = answer.stderr.decode()
    assert answer.returncode == 2, stderr
    assert "the signing key differs" in stderr
    assert "identity key" not in stderr


def test_the_server_refuses_to_start_from_another_folder(first: Path, tmp_path: Path, database_url: str,
                                                          schema: str) -> None:
    """``ledger serve`` from folder B exits 2 before listening."""
    answer = ledger_in(tmp_path / "b", database_url, schema, "serve", "--port", "9")
    assert answer.returncode == 2, answer.stderr
    assert b"refusing to start" in answer.stderr


def test_the_http_app_does_not_start_with_another_signing_key(first: Path, database_url: str,
                                                               schema: str) -> None:
    """``create_app`` over the same database with another signing key fails at start-up."""
    identity = (first / ".ledger" / "identity-key").read_text().strip()
    settings = Settings(database_url=database_url, schema_name=schema, identity_key=identity,
                        signing_key="another-signing-key-" + "x" * 32)
    with pytest.raises(RefusedToStart, match="the signing key differs"), TestClient(create_app(settings)):
        pass
