"""Joining a traject in one's own layer, and which required layers are still missing."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from game.errors import GameError
from game.models import Layer, Participant, Traject

NAME_MAX = 60


def clean_name(raw: str) -> str:
    """Collapse whitespace; refuse empty and over-long names with a clear error."""
    name = " ".join((raw or "").split())
    if not name:
        raise GameError("name_empty")
    if len(name) > NAME_MAX:
        raise GameError("name_too_long", max=NAME_MAX)
    return name


def join_traject(*, traject: Traject, name: str, layer_key: str) -> Participant:
    """Add a participant in their own layer; a name already in use is refused, not taken over."""
    name = clean_name(name)
    layer = Layer.objects.filter(key=layer_key, joinable=True).first()
    if layer is None:
        raise GameError("layer_unknown")
    if traject.participants.filter(name__iexact=name).exists():
        raise GameError("name_taken")
    try:
        with transaction.atomic():
            return Participant.objects.create(traject=traject, name=name, layer=layer)
    except IntegrityError as exc:  # two phones raced for the same name
        raise GameError("name_taken") from exc


def missing_required_layers(present_layer_ids: Iterable[int]) -> list[Layer]:
    """Required layers nobody in the room works in: the console warns about these."""
    present = set(present_layer_ids)
    return [layer for layer in Layer.objects.filter(required=True) if layer.pk not in present]
