"""The base of the write side's applications: configured only by the settings handed to them.

The eventsourcing library merges ``os.environ`` into every application's settings
(``Application.construct_env``), and a name prefixed with the application's (``LEDGER_...``)
even wins over the one handed in: a stray ``COMPRESSOR_TOPIC`` or ``LEDGER_POSTGRES_SCHEMA`` in a
shell would quietly change how or where the ledger stores its events. Here only the class's own
settings and those handed in count (the composition root hands them all in); the sessions are
tuned as ``commands.sessions`` says.
"""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import InfrastructureFactory
from eventsourcing.utils import Environment

from commands.sessions import tune_sessions


class ConfiguredApplication(Application[UUID]):
    """An application whose settings are its class's and those it is given, never the environment's."""

    def construct_env(self, name: str, env: Mapping[str, str] | None = None) -> Environment:
        """The class's settings, snapshotting when the class asks for it, then those handed in."""
        own = dict(type(self).env)
        if type(self).is_snapshotting_enabled or type(self).snapshotting_intervals:
            own["IS_SNAPSHOTTING_ENABLED"] = "y"
        return Environment(name, {**own, **(env or {})})

    def construct_factory(self, env: Environment) -> InfrastructureFactory:
        """The library's factory, its sessions tuned (see ``commands.sessions``)."""
        return tune_sessions(super().construct_factory(env), env)  # type: ignore[no-any-return]
