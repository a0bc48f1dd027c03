"""The revocation list: token ids an administrator has withdrawn before their expiry.

A table beside the ledger's events, so every server process sees a revocation at its next
request. Rows hold only the token's id, when it expires and who revoked it, never a token.
"""

from __future__ import annotations

from datetime import datetime

from psycopg.sql import SQL

from commands.side_table import SideTable


class RevokedTokens(SideTable):
    """Withdrawn token ids, looked up on every authenticated request (a primary-key probe)."""

    SUFFIX = "revoked_tokens"
    COLUMNS = ("token_id text PRIMARY KEY, expires_at timestamptz NOT NULL, "
               "revoked_by text NOT NULL, revoked_at timestamptz NOT NULL DEFAULT now()")

    def revoke(self, token_id: str, expires_at: datetime, revoked_by: str) -> None:
        """Withdraw a token id (revoking twice is the same as once)."""
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(SQL("INSERT INTO {} (token_id, expires_at, revoked_by) VALUES (%s, %s, %s) "
                             "ON CONFLICT DO NOTHING").format(self.table),
                         (token_id, expires_at, revoked_by), prepare=False)

    def is_revoked(self, token_id: str) -> bool:
        """Whether the token id was withdrawn: one statement on its own (autocommit), one round
        trip, where a transaction block (BEGIN, SELECT, ROLLBACK) was three and 13% of an append."""
        with self.datastore.cursor() as curs:
            curs.execute(SQL("SELECT 1 FROM {} WHERE token_id = %s").format(self.table),
                         (token_id,), prepare=False)
            return curs.fetchone() is not None
