"""The bounded map every process's caches share (``ledger.kept``)."""

from __future__ import annotations

import pytest

from ledger import kept as kept_module
from ledger.kept import Kept


def test_the_least_recently_used_leaves_first() -> None:
    """With room for two, reading ``a`` keeps it when ``c`` comes: ``b`` leaves."""
    kept: Kept[str, int] = Kept(2)
    kept.put("a", 1)
    kept.put("b", 2)
    kept.get("a")
    kept.put("c", 3)
    assert ("a" in kept, "b" in kept, "c" in kept) == (True, False, True)


def test_a_size_below_one_keeps_nothing() -> None:
    """Size 0 is the setting for no cache."""
    kept: Kept[str, int] = Kept(0)
    kept.put("a", 1)
    assert kept.get("a") is None


def test_a_value_that_may_not_replace_leaves_the_kept_one() -> None:
    """``replaces`` decides: an older version does not overwrite a newer one."""
    kept: Kept[str, int] = Kept(5)
    kept.put("log", 7)
    kept.put("log", 3, replaces=lambda old: old < 3)
    assert kept.pop("log") == 7
    assert kept.pop("log") is None


def test_a_put_marked_before_its_key_was_forgotten_is_refused() -> None:
    """A load begun before the erasure brings nothing back."""
    kept: Kept[str, int] = Kept(5)
    mark = kept.mark()
    kept.forget("person")
    kept.put("person", 1, since=mark)
    assert "person" not in kept


def test_a_put_marked_after_its_key_was_forgotten_is_kept() -> None:
    """A load begun after the erasure keeps as any other."""
    kept: Kept[str, int] = Kept(5)
    kept.forget("person")
    kept.put("person", 1, since=kept.mark())
    assert kept.get("person") == 1


def test_forgetting_one_key_refuses_no_other() -> None:
    """An erasure of one person leaves loads of everyone else alone."""
    kept: Kept[str, int] = Kept(5)
    mark = kept.mark()
    kept.forget("erased")
    kept.put("other", 1, since=mark)
    assert kept.get("other") == 1


def test_a_put_marked_before_a_forget_no_longer_remembered_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the forgets remembered one by one, a load begun before the oldest dropped one keeps
    nothing, whichever key it is for."""
    monkeypatch.setattr(kept_module, "FORGOTTEN", 2)
    kept: Kept[str, int] = Kept(5)
    mark = kept.mark()
    for person in ("a", "b", "c"):
        kept.forget(person)
    kept.put("a", 1, since=mark)
    kept.put("d", 1, since=mark)
    assert ("a" in kept, "d" in kept) == (False, False)
