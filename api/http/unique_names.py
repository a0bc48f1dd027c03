"""A JSON body that names a field twice in one object is refused, not read by its last value.

Python's ``json`` keeps the last of two equal names, so ``{"contact_id": "c-1", "contact_id":
"c-2"}`` was stored as c-2 and answered 201, while a proxy, an auditor or a validator before the
ledger that reads the first value saw another request than the one kept (found in review). Every
route is an ``UniqueNamesRoute``: its request parses the body once, as FastAPI would, with a hook
that refuses an object naming a field twice. The refusal is FastAPI's own for a body that is not
JSON (``json_invalid``, 422, nothing written), its message naming the field when the name is a
plain field name (``contact_id``), and never echoing anything else of the body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


class NameGivenTwice(json.JSONDecodeError):
    """A JSON object naming a field twice (a decode error, so FastAPI answers it as one)."""

    def __init__(self, name: str, document: str) -> None:
        shown = name if FIELD_NAME.fullmatch(name) else "a field"
        super().__init__(f"{shown} is given twice in one object", document, 0)


def unique_names(document: str) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """``json.loads``'s ``object_pairs_hook``: the object as a dict, refusing a repeated name."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):
            seen: set[str] = set()
            for name, _ in pairs:
                if name in seen:
                    raise NameGivenTwice(name, document)
                seen.add(name)
        return found

    return hook


class UniqueNamesRequest(Request):
    """A request whose JSON body may not name a field twice in one object."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()  # bytes, their encoding found by ``json`` as FastAPI's is
            self._json = json.loads(body, object_pairs_hook=unique_names(""))
        return self._json


class UniqueNamesRoute(APIRoute):
    """A route whose body is parsed by ``UniqueNamesRequest``."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def unique_names_handler(request: Request) -> Response:
            return await handler(UniqueNamesRequest(request.scope, request.receive))

        return unique_names_handler
