"""Keys bound to the deployment, not to the working folder: the database records a fingerprint of
each key the first time it is used (``ledger_deployment``, one row per key name, in the ledger's
schema), and every later start compares its own keys with them and refuses to start if one differs.

Without it, a command run from another folder would generate a new identity key under its own
``.ledger/``: the same NHS number would get another claim id, and a second story be accepted.
"""

from __future__ import annotations

import hmac
from typing import Any

import psycopg
from psycopg.sql import SQL, Identifier

from api.deployment.keys import KEY_PLACES, KeyPlace
from api.settings import Settings

TABLE = "ledger_deployment"
CREATE = ("CREATE TABLE IF NOT EXISTS {} (key_name text PRIMARY KEY, fingerprint text NOT NULL, "
          "recorded_at timestamptz NOT NULL DEFAULT now())")
ADVICE = ("Run from the folder whose .ledger/ holds this deployment's keys, set LEDGER_HOME to that "
          ".ledger folder, or provide the keys in the environment.")


class RefusedToStart(Exception):
    """The ledger must not start with these settings; the message says why and what to do."""


def bind_keys(url: str, settings: Settings) -> dict[str, str]:
    """The deployment's keys by name, checked against the fingerprints the database recorded when
    first used (recording those it lacks); ``RefusedToStart`` names each key that differs."""
    table = Identifier(settings.schema_name, TABLE)
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=max(2, round(settings.connect_timeout))) \
                as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{settings.schema_name}.{TABLE}",))
            conn.execute(SQL(CREATE).format(table))
            rows = conn.execute(SQL("SELECT key_name, fingerprint FROM {}").format(table)).fetchall()
            recorded = {str(name): str(fingerprint) for name, fingerprint in rows}
            keys = checked_keys(settings, recorded)
            for place in KEY_PLACES:
                if place.name not in recorded:
                    conn.execute(SQL("INSERT INTO {} (key_name, fingerprint) VALUES (%s, %s)").format(table),
                                 (place.name, place.fingerprint(keys[place.name])))
    except psycopg.errors.InvalidSchemaName:
        raise RefusedToStart(f"LEDGER_SCHEMA: the schema {settings.schema_name!r} does not exist "
                             "in the database; create it first") from None
    except psycopg.OperationalError as error:
        raise RefusedToStart(f"DATABASE_URL: cannot reach the database ({error})") from None
    return keys


def checked_keys(settings: Settings, recorded: dict[str, str]) -> dict[str, str]:
    """Each key found (or, for a database that has never seen that key, generated); refuses when a
    key differs from the recorded one, or is missing although the database recorded one."""
    keys: dict[str, str] = {}
    refused: list[tuple[KeyPlace, str]] = []
    for place in KEY_PLACES:
        key = place.found(settings)
        if key is None and place.name not in recorded:
            key = place.kept(settings.home)
        if key is None:
            refused.append((place, f"no {place.name} key was found, but this database was first used "
                                   "with one"))
        elif place.name in recorded and not hmac.compare_digest(recorded[place.name], place.fingerprint(key)):
            refused.append((place, f"the {place.name} key differs from the one this database was first "
                                   "used with"))
        else:
            keys[place.name] = key
    if refused:
        reasons = "; ".join(reason for _, reason in refused)
        places = "; ".join(f"the {place.name} key in {place.where(settings)}" for place, _ in refused)
        raise RefusedToStart(f"refusing to start: {reasons} (schema {settings.schema_name!r}). "
                             f"Keys are looked for as follows: {places}. {ADVICE}")
    return keys


def record_new_key(curs: Any, settings: Settings, place: KeyPlace, key: str) -> None:
    """Record a key's new fingerprint in the caller's transaction (after ``ledger
    rotate-master-key`` re-wrapped what the old key wrapped): later starts accept only the new key."""
    curs.execute(SQL("UPDATE {} SET fingerprint = %s, recorded_at = now() WHERE key_name = %s")
                 .format(Identifier(settings.schema_name, TABLE)),
                 (place.fingerprint(key), place.name), prepare=False)
