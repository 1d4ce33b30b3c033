"""Reads of the core: the programme's phases in running order, moving through them, and which
required layers the room still lacks."""

from __future__ import annotations

from collections.abc import Iterable

from game.core.errors import GameError
from game.core.models import Layer, Phase, Programme


def missing_required_layers(present_layer_ids: Iterable[int]) -> list[Layer]:
    """Required layers nobody in the room works in: the console warns about these."""
    present = set(present_layer_ids)
    return [layer for layer in Layer.objects.filter(required=True) if layer.pk not in present]


def phases_of(programme: Programme) -> list[Phase]:
    """All phases of a programme in the order they are run."""
    return list(
        Phase.objects.filter(step__programme=programme)
        .select_related("step")
        .order_by("step__order", "order")
    )


def first_phase(programme: Programme, *, day: int = 1) -> Phase:
    """Where a new live session starts: the first phase of that day's first step."""
    phases = [p for p in phases_of(programme) if p.step.day >= day]
    if not phases:
        raise GameError("phase_unknown")
    return phases[0]


def neighbour_phase(programme: Programme, current: Phase, *, offset: int) -> Phase:
    """The phase `offset` places after (or before, when negative) the current one."""
    phases = phases_of(programme)
    index = next(i for i, phase in enumerate(phases) if phase.pk == current.pk) + offset
    if index < 0:
        raise GameError("phase_first")
    if index >= len(phases):
        raise GameError("phase_last")
    return phases[index]


def phase_by_key(programme: Programme, step_key: str, phase_key: str) -> Phase:
    try:
        return Phase.objects.select_related("step").get(
            step__programme=programme, step__key=step_key, key=phase_key
        )
    except Phase.DoesNotExist as exc:
        raise GameError("phase_unknown") from exc
