"""Refusals are rendered by orjson (``JSONAnswer``): the very bytes Starlette's ``json.dumps``
rendering gave, non-ASCII text included."""

from __future__ import annotations

from fastapi.responses import JSONResponse

from api.http.responses import JSONAnswer

REFUSAL = {"detail": [{"loc": ["body", "data", "summary"], "msg": "too long — 10,001 characters",
                       "type": "invalid_event"}]}


def test_a_refusal_renders_as_starlette_rendered_it() -> None:
    """Same bytes, same content type."""
    ours, theirs = JSONAnswer(REFUSAL, status_code=422), JSONResponse(REFUSAL, status_code=422)
    assert (ours.body, ours.media_type) == (theirs.body, theirs.media_type)
