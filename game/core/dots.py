"""Placing dots: the one rule behind dot-voting on clusters (Stap 1), requirements (Stap 2) and
own cases (Stap 3). A participant's dots on one item are one row; stacking is allowed, the
total over all items is capped, and 0 takes the dots back."""

from __future__ import annotations

from django.db.models import Model, Sum

from game.core.errors import GameError


def place_dots(
    *,
    model: type[Model],
    participant,
    item: dict,
    dots: int,
    allowed: int,
    touch: dict | None = None,
) -> bool:
    """Put `dots` of `participant`'s dots on the item that `item` ({field: object}) names.

    Returns whether anything changed. `touch` holds extra fields written with a change (a
    vote's timestamp). Raises `dots_invalid` for a negative number and `dots_exhausted` when
    the dots on the other items plus these would pass `allowed`.
    """
    if dots < 0:
        raise GameError("dots_invalid")
    mine = model.objects.filter(participant=participant)
    elsewhere = mine.exclude(**item).aggregate(total=Sum("dots"))["total"] or 0
    if elsewhere + dots > allowed:
        raise GameError("dots_exhausted", max=allowed)
    row = mine.filter(**item).first()
    if dots == 0:
        return row is not None and row.delete()[0] > 0
    if row is None:
        model.objects.create(participant=participant, dots=dots, **item)
        return True
    if row.dots == dots:
        return False
    row.dots = dots
    for name, value in (touch or {}).items():
        setattr(row, name, value)
    row.save(update_fields=["dots", *(touch or {})])
    return True
