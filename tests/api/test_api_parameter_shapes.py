"""FastAPI's per-parameter questions, remembered, answer as FastAPI's own (``api.http.parameter_shapes``)."""

from __future__ import annotations

from typing import Any

import fastapi.dependencies.utils as solving
import pytest
from fastapi.routing import APIRoute, _iter_included_route_candidates

from api.http.app import create_app
from api.http.parameter_shapes import remembering_model, remembering_sequence
from api.settings import Settings

APP = create_app(Settings())  # built, never started: its routes only


def parameter_fields() -> list[Any]:
    """Every path, query, header and cookie field of every route the app serves."""
    fields: list[Any] = []
    for route in _iter_included_route_candidates(APP.routes):
        if isinstance(route, APIRoute):
            dependants = [route.dependant, *route.dependant.dependencies]
            fields += [f for d in dependants for f in (*d.path_params, *d.query_params,
                                                       *d.header_params, *d.cookie_params)]
    return fields


@pytest.mark.parametrize("name", ["field_annotation_is_sequence", "_get_param_model"])
def test_the_app_puts_the_remembering_versions_in_place(name: str) -> None:
    """FastAPI still has both names, and the app replaced them (else the saving is gone)."""
    assert hasattr(getattr(solving, name), "remembers")


def test_remembered_sequence_answers_are_fastapis() -> None:
    """For every parameter's annotation, asked twice, the same answer as FastAPI's own."""
    original = solving.field_annotation_is_sequence.remembers  # type: ignore[attr-defined]
    remembered = remembering_sequence(original)
    annotations = [f.field_info.annotation for f in parameter_fields()] + [list[int], str | None]
    assert [remembered(a) for a in annotations * 2] == [original(a) for a in annotations * 2]


def test_remembered_models_are_fastapis() -> None:
    """For every parameter field, asked twice, the same model (None for all here) as FastAPI's."""
    original = solving._get_param_model.remembers  # type: ignore[attr-defined]
    remembered = remembering_model(original)
    fields = parameter_fields()
    assert [remembered(f) for f in fields * 2] == [original(f) for f in fields * 2]


def test_an_unhashable_annotation_is_asked_every_time() -> None:
    """An annotation that cannot be a key is still answered, by the original each time."""
    asked: list[object] = []
    remembered = remembering_sequence(lambda annotation: asked.append(annotation) or False)
    assert [remembered([]), remembered([])] == [False, False]
    assert len(asked) == 2
