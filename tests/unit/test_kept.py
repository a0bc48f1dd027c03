"""The bounded map every process's caches share (``ledger.kept``)."""

from __future__ import annotations

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
