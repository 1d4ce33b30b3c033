"""The role-play (Stap 2): dealing and overriding roles, running the case, reactions and wishes.

The *played* role (RoleAssignment) is who you write as — reactions and wishes carry it — while a
vote counts in your *own* layer (see game.requirements). Each raises GameError with a code the
live layer localises.
"""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from game.core.errors import GameError
from game.core.models import Layer, Participant, Traject
from game.core.text import clean_text
from game.roleplay.models import Case, Development, Reaction, RoleAssignment, Wish
from game.roleplay.roles import assign_roles
from game.roleplay.selectors import own_wish, role_or_refuse

REACTION_MAX = 500


WISH_MAX = 200


# Seeds stay below this, small enough for the facilitator to type one back (roles.deal).
SEED_MAX = 2**31 - 1


@transaction.atomic
def deal_roles(*, traject: Traject, seed: int | None = None) -> dict[int, str]:
    """Deal every participant a played role, replacing all earlier assignments (a re-deal).

    Every layer is a role of the case (the joinable ones and the inwoner), so the guarantees of
    `game.roles.assign_roles` hold: nobody plays their own layer, someone plays the inwoner,
    groups stay even and people play far from home. Returns {participant_id: role_key}.

    Without a seed every deal draws a fresh one, so two trajecten with the same room do not get
    the same assignment, and a re-deal is a real re-deal. The seed, drawn or given, is stored
    on every row of the deal (`RoleAssignment.deal_seed`): dealing it again to the same
    participants gives the same assignment.
    """
    if seed is None:
        seed = secrets.randbelow(SEED_MAX)
    layers = list(Layer.objects.order_by("order"))
    line = [layer.key for layer in layers]
    people = list(traject.participants.values_list("pk", "layer__key"))
    if not people:
        raise GameError("no_participants")
    dealt = assign_roles(people=people, roles=line, seed=seed, order=line)
    by_key = {layer.key: layer for layer in layers}
    traject.role_assignments.all().delete()
    now = timezone.now()
    RoleAssignment.objects.bulk_create(
        RoleAssignment(
            traject=traject, participant_id=pid, role=by_key[key], dealt_at=now, deal_seed=seed
        )
        for pid, key in sorted(dealt.items())
    )
    return dealt


def override_role(*, traject: Traject, participant_id: int, role_key: str) -> bool:
    """The facilitator gives someone another role (or a first one, for a latecomer).

    Their own layer stays refused: standing where someone else stands is the game, and the
    inwoner is always free for anyone.
    """
    participant = traject.participants.filter(pk=participant_id).first()
    if participant is None:
        raise GameError("participant_unknown")
    role = Layer.objects.filter(key=role_key).first()
    if role is None:
        raise GameError("role_unknown")
    if role.pk == participant.layer_id:
        raise GameError("own_layer")
    row = RoleAssignment.objects.filter(traject=traject, participant=participant).first()
    if row is not None and row.role_id == role.pk:
        return False
    RoleAssignment.objects.update_or_create(
        traject=traject,
        participant=participant,
        defaults={"role": role, "overridden": True, "dealt_at": timezone.now()},
    )
    return True


def choose_case(*, traject: Traject, case_key: str) -> bool:
    """Put a case on the screen; its developments start hidden again."""
    case = Case.objects.filter(key=case_key).first()
    if case is None:
        raise GameError("case_unknown")
    if traject.case_id == case.pk and traject.developments_revealed == 0:
        return False
    traject.case, traject.developments_revealed = case, 0
    traject.save(update_fields=["case", "developments_revealed"])
    return True


def reveal_next_development(*, traject: Traject) -> Development:
    if traject.case_id is None:
        raise GameError("no_case")
    upcoming = (
        Development.objects.filter(case_id=traject.case_id)
        .order_by("order")[traject.developments_revealed : traject.developments_revealed + 1]
        .first()
    )
    if upcoming is None:
        raise GameError("no_more_developments")
    traject.developments_revealed += 1
    traject.save(update_fields=["developments_revealed"])
    return upcoming


def hide_last_development(*, traject: Traject) -> bool:
    """Take back the last development shown (a mis-click); nothing to hide changes nothing."""
    if traject.developments_revealed == 0:
        return False
    traject.developments_revealed -= 1
    traject.save(update_fields=["developments_revealed"])
    return True


def write_reaction(*, participant: Participant, text: str) -> Reaction:
    """Write or rewrite one's reaction to the case, labelled with the role played now."""
    role = role_or_refuse(participant)
    text = clean_text(
        text, limit=REACTION_MAX, empty="reaction_empty", too_long="reaction_too_long"
    )
    reaction, created = Reaction.objects.get_or_create(
        traject_id=participant.traject_id,
        participant=participant,
        defaults={"role": role, "text": text},
    )
    if not created:
        reaction.text, reaction.role, reaction.updated_at = text, role, timezone.now()
        reaction.save(update_fields=["text", "role", "updated_at"])
    return reaction


def write_wish(*, participant: Participant, text: str) -> Wish:
    """Add a wish to one's wensenpakket, in the role played now; a few each (max_wishes)."""
    role = role_or_refuse(participant)
    text = clean_text(text, limit=WISH_MAX, empty="wish_empty", too_long="wish_too_long")
    limit = participant.traject.max_wishes
    written = Wish.objects.filter(traject_id=participant.traject_id, participant=participant)
    if written.count() >= limit:
        raise GameError("too_many_wishes", max=limit)
    return Wish.objects.create(
        traject_id=participant.traject_id, participant=participant, role=role, text=text
    )


def edit_wish(*, participant: Participant, wish_id: int, text: str) -> bool:
    """Change one's own wish. Also once merged: the requirement keeps its own text."""
    wish = own_wish(participant, wish_id)
    text = clean_text(text, limit=WISH_MAX, empty="wish_empty", too_long="wish_too_long")
    if wish.text == text:
        return False
    wish.text = text
    wish.save(update_fields=["text"])
    return True


def delete_wish(*, participant: Participant, wish_id: int) -> None:
    """Withdraw one's own wish. A requirement merged from it stays: it is the facilitator's work
    now, and may rest on other wishes or on votes already cast."""
    own_wish(participant, wish_id).delete()
