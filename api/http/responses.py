"""What the write routes answer, the status codes every route may give (for OpenAPI), and the
JSON answer the refusals are built with."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import orjson
from fastapi.responses import JSONResponse
from pydantic import BaseModel

POSITION_HEADER = "X-Ledger-Position"  # a story write's place in the log, for ?after=


class JSONAnswer(JSONResponse):
    """A hand-built JSON answer (a refusal), rendered by orjson: the same compact UTF-8 bytes as
    Starlette's ``json.dumps``, in a fifth of the time.

    Routes with a response model, or a return annotation, are left to FastAPI: it renders them with
    pydantic-core's own ``dump_json``, a path it takes only with its default response class.
    """

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class ProviderAnswer(BaseModel):
    """A directory write: which provider, at which log position."""

    provider_id: str
    position: int


class Registered(BaseModel):
    """A new story: its person id and version (1)."""

    person_id: UUID
    version: int


class Appended(BaseModel):
    """The story's version after an append."""

    version: int


class ReadAnswer(BaseModel):
    """One read of a story in the access log."""

    role: str
    provider_id: str | None
    staff_id: str
    reason: str | None
    break_glass: bool
    outcome: str
    at: str


class AccessLogAnswer(BaseModel):
    """Who read a person's story, when, why and with what outcome, oldest first."""

    person_id: UUID
    reads: list[ReadAnswer]


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI descriptions of the status codes a route may answer besides its success."""
    return {code: {"description": DESCRIPTIONS[code]} for code in codes}


DESCRIPTIONS = {
    400: "A malformed header (such as If-Match)",
    401: "Missing, forged or expired token",
    403: "The caller's role or relationship does not allow this",
    404: "No such person or provider",
    409: "A conflict: duplicate, concurrent write or reused idempotency key",
    412: "If-Match: the story has moved on",
    413: "The body is larger than 1 MB",
    422: "The request breaks a rule; the detail names the field at fault",
    429: "Too many failed attempts lately: try again after Retry-After seconds",
    503: "The store does not answer; try again",
}
WRITE_CODES = (400, 401, 403, 404, 409, 413, 422, 503)
READ_CODES = (401, 403, 404, 422, 503)
STORY_READ_CODES = (*READ_CODES, 429)  # 429: past the limit on refused reads (commands.read_limit)
