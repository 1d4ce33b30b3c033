"""Writes of the core: starting a traject, joining it in one's own layer (and saying whether one
may be named in the outcome document), revealing results (and releasing the outcome document).
Each raises GameError with a code the live layer localises."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from game.core.errors import GameError
from game.core.models import Audience, Layer, Participant, Reveal, Traject
from game.statements.services import seed_statements

NAME_MAX = 60

# To whom each thing is revealed: results to the room (the projector and the phones), the
# outcome document to the participants, who download it on their phone.
ROOM = (Audience.SCREEN, Audience.PARTICIPANT)
REVEALED_TO = {
    Reveal.What.DOTS: ROOM,
    Reveal.What.ROLES: ROOM,
    Reveal.What.VOTES: ROOM,
    Reveal.What.DOCUMENT: (Audience.PARTICIPANT,),
}


def clean_name(raw: str) -> str:
    """Collapse whitespace; refuse empty and over-long names with a clear error."""
    name = " ".join((raw or "").split())
    if not name:
        raise GameError("name_empty")
    if len(name) > NAME_MAX:
        raise GameError("name_too_long", max=NAME_MAX)
    return name


def join_traject(
    *, traject: Traject, name: str, layer_key: str, name_consent: bool = False
) -> Participant:
    """Add a participant in their own layer; a name already in use is refused, not taken over.
    Nobody is named in the outcome document unless they said so (`name_consent`)."""
    name = clean_name(name)
    layer = Layer.objects.filter(key=layer_key, joinable=True).first()
    if layer is None:
        raise GameError("layer_unknown")
    if traject.participants.filter(name__iexact=name).exists():
        raise GameError("name_taken")
    try:
        with transaction.atomic():
            return Participant.objects.create(
                traject=traject, name=name, layer=layer, name_consent=name_consent
            )
    except IntegrityError as exc:  # two phones raced for the same name
        raise GameError("name_taken") from exc


def set_name_consent(*, participant: Participant, consent: bool) -> bool:
    """Let a participant change their mind about being named in the outcome document; the
    document reads the field each time it is built, so the next one follows. Returns whether
    that changed anything."""
    if participant.name_consent == consent:
        return False
    participant.name_consent = consent
    participant.save(update_fields=["name_consent"])
    return True


@transaction.atomic
def create_traject(*, facilitator, **fields) -> Traject:
    traject = Traject.objects.create(facilitator=facilitator, **fields)
    seed_statements(traject)
    return traject


def set_revealed(*, traject: Traject, what: str, revealed: bool) -> bool:
    """Reveal `what` to the audiences it is meant for, or hide it again; returns whether that
    changed anything (revealing twice keeps the first moment)."""
    rows = traject.reveals.filter(what=what)
    if not revealed:
        return rows.delete()[0] > 0
    if rows.exists():
        return False
    Reveal.objects.bulk_create(
        Reveal(traject=traject, what=what, audience=audience) for audience in REVEALED_TO[what]
    )
    return True
