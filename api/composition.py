"""The composition root: a start of the ledger (the command line, ``ledger serve``, the HTTP app)
turns the settings it read once into a ``Deployment`` here, and hands its parts down explicitly.

Opening a deployment finds the database server (or starts the embedded one), finds the keys,
checks them against the ones the database was first used with (``api.deployment.key_binding``)
and builds the store's settings for the eventsourcing library.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

import orjson
import structlog
from pydantic import SecretStr

from api.deployment.database import server_url, store_env
from api.deployment.key_binding import RefusedToStart, bind_keys
from api.deployment.keys import KEY_PLACES
from api.settings import Settings

__all__ = ["Deployment", "RefusedToStart", "configure_logging", "open_deployment"]


@dataclass(frozen=True)
class Deployment:
    """What one start runs on: the settings (with the keys and the database server found) and the
    store's env."""

    settings: Settings
    env: dict[str, str]

    @property
    def signing_key(self) -> str:
        """The key that signs bearer tokens."""
        assert self.settings.signing_key is not None, "opened deployments have their keys"
        return self.settings.signing_key.get_secret_value()


def open_deployment(settings: Settings) -> Deployment:
    """The deployment the settings name, its keys bound to its database; ``RefusedToStart`` if not."""
    url = server_url(settings)
    keys = bind_keys(url, settings)
    found = settings.model_copy(update={"database_url": url,  # the embedded server, once started
                                        **{place.field: SecretStr(keys[place.name]) for place in KEY_PLACES}})
    return Deployment(found, store_env(url, found))


def configure_logging(level: str = "INFO") -> None:
    """JSON lines to standard error through structlog, with the request id bound per request.
    Log lines carry ids and counts, never personal data.

    Every request writes one, so the line is made cheaply: orjson renders it straight to bytes,
    written whole to standard error's binary stream (one write each, as print made it), the
    same fields in the same order as the standard library's ``json`` gave them.
    """
    logging.basicConfig(format="%(message)s", stream=sys.stderr, level=level)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(serializer=orjson.dumps),
        ],
        logger_factory=structlog.BytesLoggerFactory(file=sys.stderr.buffer),
        cache_logger_on_first_use=True,
    )
