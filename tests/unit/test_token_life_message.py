"""A token asked for too long a life is refused in plain words (found in review: "a admin token
lives at most 1:00:00")."""

from __future__ import annotations

from datetime import timedelta

import pytest

from api.http.tokens import Caller, mint

KEY = "unit-signing-key-" + "k" * 32


def test_an_admin_token_too_long_names_its_hour() -> None:
    """One hour, said as such."""
    with pytest.raises(ValueError, match=r"^a token of role admin lives at most 1 hour$"):
        mint(Caller(role="admin", staff_id="a-1"), KEY, timedelta(hours=2))


def test_a_staff_token_too_long_names_its_hours() -> None:
    """Twelve hours, said as such."""
    with pytest.raises(ValueError, match=r"^a token of role provider lives at most 12 hours$"):
        mint(Caller(role="provider", provider_id="hub", staff_id="s-1"), KEY, timedelta(hours=13))
