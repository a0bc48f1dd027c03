"""A route's blocking part in one worker thread, and everything else on the event loop.

FastAPI runs each sync dependency, a sync route and then the validation of a sync route's answer
in a worker thread of its own: a story read paid five thread hops, a list page six, and each
costs more server CPU than the dependency it runs (waking a thread, a future, a callback back
onto the loop: measured with ``python -m bench.route_cpu --profiles DIR``). So the dependencies
that only look at the request are coroutines (``api.http.auth``, ``api.http.dependencies``) and
a route that reads or writes the store is wrapped by ``in_worker_thread``: FastAPI sees a
coroutine with the route's own parameters, which runs the route's body, unchanged, in one worker
thread (its database calls never on the loop) and answers on the loop.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

from starlette.concurrency import run_in_threadpool

Parameters = ParamSpec("Parameters")
Answer = TypeVar("Answer")


def in_worker_thread(
    route: Callable[Parameters, Answer],
) -> Callable[Parameters, Coroutine[Any, Any, Answer]]:
    """``route`` as a coroutine that runs it in a worker thread (one hop for the whole body).

    ``functools.wraps`` keeps the route's name, docstring and signature (``__wrapped__``), from
    which FastAPI reads its parameters, their annotations and its answer's model.
    """

    @functools.wraps(route)
    async def answered(*args: Parameters.args, **kwargs: Parameters.kwargs) -> Answer:
        return await run_in_threadpool(route, *args, **kwargs)

    return answered
