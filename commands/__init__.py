"""The write side: the Ledger application, one method per command (load, decide, save)."""

from commands.application import Ledger
from commands.receipts import Receipt

__all__ = ["Ledger", "Receipt"]
