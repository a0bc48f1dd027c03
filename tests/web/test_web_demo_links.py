"""The demo's sign-in sheet: a link per role that opens the web page signed in."""

from __future__ import annotations

import re

from api.cli.demo import demo_callers, sign_in_sheet
from api.http.tokens import verify

KEY = "demo-signing-key-" + "z" * 32
ROLES = demo_callers("hub-s-7")


def test_the_sign_in_sheet_has_a_working_link_per_role() -> None:
    """Each role's link carries a token, in the URL fragment, that the ledger accepts for that role."""
    sheet = sign_in_sheet("http://127.0.0.1:8000", KEY, "hub-s-7")
    links = re.findall(r"(\w+): http://127\.0\.0\.1:8000/#token=(\S+)", sheet)
    assert [role for role, _ in links] == [caller.role for caller in ROLES]
    assert all(verify(token, KEY).role == role for role, token in links)


def test_the_demo_prints_no_administrator_token() -> None:
    """An admin token printed to a terminal would outlive the demo: `ledger token` mints one."""
    assert "admin" not in [caller.role for caller in ROLES]
    assert not re.search(r"^\s*admin:", sign_in_sheet("http://127.0.0.1:8000", KEY, "hub-s-7"), re.MULTILINE)


def test_the_key_worker_link_is_for_the_key_worker_chosen() -> None:
    """The key worker's token names the staff member the demo chose (the Hub's busiest)."""
    sheet = sign_in_sheet("http://127.0.0.1:8000", KEY, "hub-s-7")
    token = re.search(r"key_worker: http://127\.0\.0\.1:8000/#token=(\S+)", sheet)
    assert token is not None
    assert verify(token.group(1), KEY).staff_id == "hub-s-7"
