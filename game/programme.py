"""Navigating the programme: the ordered list of phases, and moving forward and back through it."""

from __future__ import annotations

from game.errors import GameError
from game.models import Phase, Programme


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
