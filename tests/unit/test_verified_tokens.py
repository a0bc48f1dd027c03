"""A token's signature is checked once per process; its expiry at every use; a bad one never kept."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from api.http.tokens import BadToken, Caller, mint
from api.http.verified_tokens import VerifiedTokens

KEY = "verified-tokens-test-key-" + "x" * 32
STAFF = Caller(role="provider", provider_id="hub", staff_id="s-1")


def test_a_good_token_is_kept_and_names_its_caller() -> None:
    """The second use hands out the caller kept from the first."""
    tokens, token = VerifiedTokens(), mint(STAFF, KEY)
    first = tokens.caller(token, KEY)
    assert tokens.caller(token, KEY) is first
    assert (first.role, first.provider_id, first.staff_id) == ("provider", "hub", "s-1")


def test_a_kept_token_is_refused_once_expired() -> None:
    """A token living one second is refused after it, though it was kept."""
    tokens, token = VerifiedTokens(), mint(STAFF, KEY, timedelta(seconds=1))
    tokens.caller(token, KEY)
    time.sleep(1.1)
    with pytest.raises(BadToken):
        tokens.caller(token, KEY)


def test_a_token_kept_under_one_key_is_verified_again_under_another() -> None:
    """Keeping is per key: the same token under another deployment's key is refused."""
    tokens, token = VerifiedTokens(), mint(STAFF, KEY)
    tokens.caller(token, KEY)
    with pytest.raises(BadToken):
        tokens.caller(token, "another-deployments-key-" + "y" * 32)


def test_the_kept_tokens_are_bounded() -> None:
    """Past its size the least recently used token is dropped."""
    tokens = VerifiedTokens(size=2)
    first, *rest = [mint(Caller(role="provider", provider_id="hub", staff_id=f"s-{n}"), KEY)
                    for n in range(3)]
    kept = tokens.caller(first, KEY)
    for token in rest:
        tokens.caller(token, KEY)
    assert tokens.caller(first, KEY) is not kept
