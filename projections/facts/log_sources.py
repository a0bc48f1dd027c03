"""The logs the figures read: the ledger's own log, and the access log of story reads when present."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from eventsourcing.application import Application
from eventsourcing.utils import Environment, resolve_topic

from projections.facts.event_rows import TOPICS, Row, fact_of_state
from projections.facts.state_decoding import state_decoder

ACCESS_LOG = "access_log"
READ_TOPIC_SUFFIX = ".StoryRead"
# The figure events whose class was versioned (none yet): their stored state is upcast first.
VERSIONED = {topic: version for topic in TOPICS
             if (version := getattr(resolve_topic(topic), "class_version", 1)) != 1}


class Source(Protocol):
    """An upstream log: its application name, its recorder, and the facts one notification adds."""

    name: str
    topics: tuple[str, ...]

    @property
    def recorder(self) -> Any: ...

    def facts(self, notification: Any) -> list[tuple[str, Row]]: ...


class LogReader(Application[Any]):
    """A read-only handle on an application's log, configured only by the settings handed to it:
    the library would merge ``os.environ`` into them (see ``commands.configured``)."""

    def construct_env(self, name: str, env: Mapping[str, str] | None = None) -> Environment:
        """The class's settings and those handed in, never the environment's."""
        return Environment(name, {**type(self).env, **(env or {})})


class LedgerLog(LogReader):
    """A read-only handle on the ledger's log (the projections never issue commands)."""

    name = "ledger"


class AccessLogReader(LogReader):
    """A read-only handle on the API's access log, named ``access_log``."""

    name = ACCESS_LOG


def upcast(topic: str, state: dict[str, Any]) -> None:
    """Bring a stored state of an older class version up to the class's, as the mapper does."""
    cls, version = resolve_topic(topic), state.pop("class_version", 1)
    while version < VERSIONED[topic]:
        getattr(cls, f"upcast_v{version}_v{version + 1}")(state)
        version += 1


class ApplicationSource:
    """A source reading one application's log: named as it is, through its own recorder."""

    topics: tuple[str, ...] = ()

    def __init__(self, app: Application[Any]) -> None:
        self.app = app
        self.name = app.name
        self._decode = state_decoder(app.mapper.transcoder)

    @property
    def recorder(self) -> Any:
        """The application's recorder."""
        return self.app.recorder

    def _state(self, stored: bytes) -> dict[str, Any]:
        mapper = self.app.mapper
        if mapper.cipher:
            stored = mapper.cipher.decrypt(stored)
        if mapper.compressor:
            stored = mapper.compressor.decompress(stored)
        state: dict[str, Any] = self._decode(stored)
        return state


class LedgerSource(ApplicationSource):
    """Story and directory events of an application named ``ledger``."""

    topics = TOPICS
    kinds = frozenset(TOPICS)

    def __init__(self, app: Application[Any], env: dict[str, str] | None = None) -> None:
        """``env``: the settings ``app`` was opened from, when a worker process may open the
        same log from them (``projections.facts.bulk_catch_up``); None keeps reading in-process."""
        assert app.name == "ledger", "the figures read the application named 'ledger'"
        super().__init__(app)
        self.env = env

    def facts(self, notification: Any) -> list[tuple[str, Row]]:
        """The fact row the notification's event adds, if any (``stored_facts``)."""
        return self.stored_facts(notification.originator_id, notification.originator_version,
                                 notification.topic, notification.state)

    def stored_facts(self, person: Any, version: int, topic: str,
                     stored: bytes) -> list[tuple[str, Row]]:
        """The fact row a stored event adds, if any, from its state decoded once as stored (so
        an identity's values stay sealed whatever the application's mapper), no event built."""
        if topic not in self.kinds:
            return []
        state = self._state(stored)
        if topic in VERSIONED:
            upcast(topic, state)
        fact = fact_of_state(topic, person, version, state)
        return [] if fact is None else [fact]


class AccessLogSource(ApplicationSource):
    """Story reads from the access log, decoded from their stored state (no class needed).

    A ``StoryRead`` is kept in the person's stream (its originator) and carries the read's own
    time, ``at``: that dates the read; the event's ``timestamp`` says when it was recorded.
    """

    def facts(self, notification: Any) -> list[tuple[str, Row]]:
        """A ``story_reads`` row for each ``...StoryRead`` notification."""
        if not notification.topic.endswith(READ_TOPIC_SUFFIX):
            return []
        state = self._state(notification.state)
        return [("story_reads", (notification.id, notification.originator_id,
                                 state["provider_id"], state["at"], state["timestamp"]))]

