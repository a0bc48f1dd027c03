"""The README's configuration table lists exactly the settings the ledger reads, with their
defaults (no PostgreSQL needed)."""

from __future__ import annotations

import re
from pathlib import Path

from api.settings import Settings, variable_of, variables

README = Path(__file__).resolve().parents[2] / "README.md"


def documented() -> dict[str, str]:
    """Each variable of the README's Configuration table, with its default cell."""
    text = README.read_text()
    section = text[text.index("## Configuration\n"):]
    section = section[:section.index("\n## ", 1)]
    rows = re.findall(r"^\| `([A-Z_]+)` \| ([^|]*) \|", section, flags=re.MULTILINE)
    return {name: default.strip() for name, default in rows}


def shown(default: object) -> str:
    """A default as the table writes it: ``30`` for 30.0."""
    return f"`{default:g}`" if isinstance(default, float) else f"`{default}`"


def test_the_table_lists_every_setting_and_nothing_else() -> None:
    """The table's variables are exactly the fields of ``Settings``, in the same order."""
    assert list(documented()) == variables()


def test_the_table_gives_each_plain_default() -> None:
    """Every setting with a default value shows that value in the table."""
    table = documented()
    for field, info in Settings.model_fields.items():
        if info.default is not None:
            assert table[variable_of(field)] == shown(info.default), field
