"""The request fingerprint: a keyed digest of the request's canonical JSON, nothing else."""

from __future__ import annotations

from uuid import UUID

import pytest
from builders import contact

from commands.idempotency import FINGERPRINT_VERSION, fingerprint
from ledger.catalogue import Occurrence

SECRET = "a-deployment-secret-of-some-length-000000"
PERSON = UUID("00000000-0000-4000-8000-000000000001")


def test_the_fingerprint_ignores_how_pydantic_prints_a_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new pydantic ``repr`` (as an upgrade may bring) leaves the fingerprint as it was."""
    before = fingerprint(SECRET, "append", PERSON, [contact()])
    monkeypatch.setattr(Occurrence, "__repr__", lambda self: "Occurrence(...)")
    monkeypatch.setattr(Occurrence, "__str__", lambda self: "Occurrence(...)")
    assert fingerprint(SECRET, "append", PERSON, [contact()]) == before


def test_the_fingerprint_is_that_of_the_canonical_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model and its JSON form (``model_dump(mode="json")``) have one fingerprint."""
    occurrence = contact()
    as_json = occurrence.model_dump(mode="json", serialize_as_any=True)
    assert fingerprint(SECRET, "append", PERSON, [occurrence]) == fingerprint(
        SECRET, "append", PERSON, [as_json])


def test_the_fingerprint_names_its_version() -> None:
    """The stored digest says which canonical form made it, so a later form can still check it."""
    assert fingerprint(SECRET, "append", PERSON, [contact()]).startswith(f"{FINGERPRINT_VERSION}:")


@pytest.mark.parametrize("change", ["route", "person", "body", "secret"])
def test_the_fingerprint_binds_route_person_body_and_secret(change: str) -> None:
    """Changing any of the four changes the digest."""
    parts = {"secret": SECRET, "route": "append", "person": PERSON, "body": [contact("c-1")]}
    changed = dict(parts, **{change: {"route": "register", "person": None,
                                      "body": [contact("c-2")], "secret": SECRET + "x"}[change]})
    assert fingerprint(*parts.values()) != fingerprint(*changed.values())
