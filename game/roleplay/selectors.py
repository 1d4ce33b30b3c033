"""Reads of the role-play: a participant's played role, the case's revealed developments, the
wensenpakketten per role."""

from __future__ import annotations

from collections import defaultdict

from game.core.errors import GameError
from game.core.models import Layer, Participant, Traject
from game.roleplay.models import Development, RoleAssignment, Wish


def played_role(participant: Participant) -> Layer | None:
    """The role this participant plays in the game, or None before the roles are dealt."""
    row = (
        RoleAssignment.objects.select_related("role")
        .filter(traject_id=participant.traject_id, participant=participant)
        .first()
    )
    return row.role if row else None


def deal_seed(traject: Traject) -> int | None:
    """The seed of the traject's current deal (to reproduce it), or None before the first deal.

    Every row of a deal carries it; a row the facilitator made for a latecomer carries none.
    """
    seeds = traject.role_assignments.exclude(deal_seed=None).values_list("deal_seed", flat=True)
    return seeds.first()


def revealed_developments(traject: Traject) -> list[Development]:
    """The developments the room has seen, in order (for the screen, phones and document)."""
    if traject.case_id is None:
        return []
    developments = Development.objects.filter(case_id=traject.case_id).order_by("order")
    return list(developments[: traject.developments_revealed])


def role_or_refuse(participant: Participant) -> Layer:
    role = played_role(participant)
    if role is None:
        raise GameError("no_role")
    return role


def own_wish(participant: Participant, wish_id: int) -> Wish:
    wish = Wish.objects.filter(pk=wish_id, traject_id=participant.traject_id).first()
    if wish is None:
        raise GameError("wish_unknown")
    if wish.participant_id != participant.pk:
        raise GameError("not_yours")
    return wish


def wish_of(traject: Traject, wish_id: int) -> Wish:
    wish = traject.wishes.filter(pk=wish_id).first()
    if wish is None:
        raise GameError("wish_unknown")
    return wish


def wish_packages(traject: Traject) -> list[tuple[Layer, list[Wish]]]:
    """The wensenpakketten: the wishes grouped by the role they were written in, top to bottom."""
    packages: dict[int, list[Wish]] = defaultdict(list)
    roles: dict[int, Layer] = {}
    for wish in traject.wishes.select_related("role").order_by("role__order", "created_at", "pk"):
        packages[wish.role_id].append(wish)
        roles[wish.role_id] = wish.role
    return [(roles[role_id], wishes) for role_id, wishes in packages.items()]
