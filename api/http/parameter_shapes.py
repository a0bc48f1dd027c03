"""FastAPI's per-request look at each parameter's annotation, remembered: its answers never change.

For every parameter of every request, FastAPI's ``request_params_to_args`` asks again whether
the parameter's annotation is a sequence (``field_annotation_is_sequence``, which walks the
``typing`` unions) and whether the parameter is a model of parameters (``_get_param_model``).
Both are pure functions of a field built once at start-up, yet together they were about a fifth
of ``solve_dependencies``' CPU on the hot routes (``python -m bench.dependency_cost``).

``remember_parameter_shapes`` puts remembering versions of the two in place in
``fastapi.dependencies.utils`` (the module that calls them), once per process; the answers are
the originals' own, asked once per annotation or field. Should FastAPI rename either, nothing is
replaced and the cost simply comes back (``tests/api/test_api_parameter_shapes.py`` says so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import fastapi.dependencies.utils as solving

_SEQUENCE, _MODEL = "field_annotation_is_sequence", "_get_param_model"


def remembering_sequence(original: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """``original`` (is this annotation a sequence?), its answer kept per annotation; an
    annotation that cannot be a key (unhashable) is asked every time."""
    known: dict[Any, bool] = {}

    def is_sequence(annotation: Any) -> bool:
        try:
            return known[annotation]
        except KeyError:
            answer = known[annotation] = original(annotation)
            return answer
        except TypeError:
            return original(annotation)

    is_sequence.remembers = original  # type: ignore[attr-defined]
    return is_sequence


def remembering_model(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``original`` (the field's model of parameters, or None), its answer kept per field (by
    identity: the field is kept with it, so that its id is never reused)."""
    known: dict[int, tuple[Any, Any]] = {}

    def param_model(field: Any) -> Any:
        found = known.get(id(field))
        if found is None or found[0] is not field:
            found = known[id(field)] = (field, original(field))
        return found[1]

    param_model.remembers = original  # type: ignore[attr-defined]
    return param_model


def remember_parameter_shapes() -> bool:
    """Put the remembering versions in place (once); False when FastAPI has neither name."""
    placed = False
    for name, remembering in ((_SEQUENCE, remembering_sequence), (_MODEL, remembering_model)):
        original = getattr(solving, name, None)
        if original is None:
            continue
        if not hasattr(original, "remembers"):
            setattr(solving, name, remembering(original))
        placed = True
    return placed
