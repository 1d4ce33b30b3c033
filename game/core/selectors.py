"""Reads of the core: the programme's phases in running order, moving through them, which
required layers the room still lacks, and who may see which results."""

from __future__ import annotations

from collections.abc import Iterable

from game.core.errors import GameError
from game.core.models import Audience, Layer, Phase, Programme, Traject


def joinable_layer_keys() -> list[str]:
    """The layers people join with, top to bottom: the columns every per-layer result starts
    from (game.core.anonymity merges the small ones)."""
    return list(Layer.objects.filter(joinable=True).order_by("order").values_list("key", flat=True))


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


def sees_results(audience: str, *, revealed: bool) -> bool:
    """The rule for results: the facilitator sees them all along, the room (projector and
    phones) only once revealed, so nobody follows the crowd."""
    return audience == Audience.FACILITATOR or revealed


def shows(traject: Traject, what: str, audience: str) -> bool:
    """Whether `audience` sees `what` (a `Reveal.What`) now.

    Reads `traject.reveals.all()`, so a snapshot build that prefetched the reveals asks the
    database once for all its sections."""
    revealed = any(r.what == what and r.audience == audience for r in traject.reveals.all())
    return sees_results(audience, revealed=revealed)


def is_revealed(traject: Traject, what: str) -> bool:
    """Whether the facilitator has revealed `what` (to whom it is meant): the switch the console
    shows and the clients read. Prefetch-friendly like `shows`."""
    return any(r.what == what for r in traject.reveals.all())


def shows_by_layer(audience: str) -> bool:
    """A stelling's or the dots' split per layer is the facilitator's alone, revealed or not: a
    layer in the room may be one person, whose vote it would show. (The requirements'
    vertical-support grid is the split the room is meant to see.)"""
    return audience == Audience.FACILITATOR
