"""What the API accepts: request bodies, validated at the edge before any command runs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictStr

from ledger.catalogue import PERSON_EVENTS, ProviderCostsChanged, ProviderRegistered
from ledger.errors import InvalidEvent
from ledger.payloads import PersonRegistered
from ledger.values import Identifier, Instant, check_not_in_future

STORY_EVENT_TYPES = sorted(set(PERSON_EVENTS) - {"PersonRegistered", "RelationshipClaimed"})
MAX_BATCH = 100
EARLIEST_YEAR = 1900


def _not_in_future(value: datetime) -> datetime:
    """Refuse instants more than 5 minutes ahead, and before 1900 (no care record is older)."""
    if value.year < EARLIEST_YEAR:
        raise ValueError(f"occurred_at is before {EARLIEST_YEAR}")
    check_not_in_future(value, datetime.now(UTC))
    return value


RecentInstant = Annotated[Instant, AfterValidator(_not_in_future)]


class Body(BaseModel):
    """Base of every request body: unknown fields (such as ``provider_id``) are refused."""

    model_config = ConfigDict(extra="forbid")


class ProviderBody(Body):
    """A ``ProviderRegistered`` line as in the import format; the staff id comes from the token."""

    type: Literal["ProviderRegistered"] = "ProviderRegistered"
    provider_id: Identifier
    occurred_at: RecentInstant
    data: ProviderRegistered


class CostsBody(Body):
    """New unit costs for a provider, in force from ``occurred_at``."""

    occurred_at: RecentInstant
    data: ProviderCostsChanged


class PersonBody(Body):
    """A registration: the story's first event. ``person_id`` is chosen by the sender or made."""

    person_id: UUID | None = None
    occurred_at: RecentInstant
    data: PersonRegistered


class EventBody(Body):
    """One event for a story; provider and staff come from the token, never the body."""

    type: Annotated[StrictStr, Field(max_length=64, json_schema_extra={"enum": STORY_EVENT_TYPES})]
    occurred_at: RecentInstant
    data: dict[str, Any]


class AppendBody(Body):
    """Either one event (``type``, ``occurred_at``, ``data``) or ``events``: a batch, all or nothing."""

    type: Annotated[StrictStr | None,
                    Field(max_length=64, json_schema_extra={"enum": STORY_EVENT_TYPES})] = None
    occurred_at: RecentInstant | None = None
    data: dict[str, Any] | None = None
    events: Annotated[list[EventBody] | None, Field(min_length=1, max_length=MAX_BATCH)] = None

    def sent(self) -> list[EventBody]:
        """The events sent, in order, whichever form the body took."""
        single = {"type": self.type, "occurred_at": self.occurred_at, "data": self.data}
        if self.events is not None:
            if any(value is not None for value in single.values()):
                raise InvalidEvent("events: send one event or a batch, not both", "events")
            return self.events
        for name, value in single.items():
            if value is None:
                raise InvalidEvent(f"{name}: required (or send a batch as events)", name)
        return [EventBody.model_validate(single)]
