"""Applying one command: permission, its declared arguments, idempotency, one transaction, one
version bump.

This is the only place that changes live state on behalf of a WebSocket message, so the rules
"persisted before acknowledged" and "a retried id is applied once" hold everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F

from game.core.errors import GameError
from game.core.models import Phase
from sessions.models import CommandRecord, LiveSession
from sessions.protocol import Envelope, ProtocolError
from sessions.registry import COMMANDS, Actor, Context


@dataclass(frozen=True)
class Outcome:
    version: int
    changed: bool


def execute(*, live_id: int, actor: Actor, envelope: Envelope) -> Outcome:
    """Apply `envelope` for `actor`; raises GameError (or ProtocolError) and changes nothing."""
    command = COMMANDS.get(envelope.cmd)
    if command is None:
        raise ProtocolError("unknown_command")
    if actor.audience not in command.audiences:
        raise ProtocolError("forbidden")
    if not envelope.id:
        raise ProtocolError("bad_message")
    args = command.args.parse(envelope.args)
    try:
        with transaction.atomic():
            live = (
                LiveSession.objects.select_for_update()
                .select_related("traject__programme", "phase__step")
                .get(pk=live_id)
            )
            done = CommandRecord.objects.filter(
                live_session=live, actor=actor.key, client_id=envelope.id
            ).first()
            if done is not None:  # a retry of a command that was already applied
                return Outcome(version=done.version, changed=False)
            if not live.is_open:
                raise ProtocolError("session_closed")
            if command.is_input and input_locked(live, command.input_kind):
                raise GameError("phase_locked")
            changed = command.handler(Context(live=live, actor=actor), args)
            if changed:
                live.version = F("version") + 1
                live.save()
                live.refresh_from_db(fields=["version"])
            CommandRecord.objects.create(
                live_session=live,
                actor=actor.key,
                client_id=envelope.id,
                name=envelope.cmd,
                version=live.version,
            )
            return Outcome(version=live.version, changed=changed)
    except IntegrityError:
        # The same id raced in on two connections: the other one applied it.
        done = CommandRecord.objects.filter(
            live_session_id=live_id, actor=actor.key, client_id=envelope.id
        ).first()
        if done is None:
            raise
        return Outcome(version=done.version, changed=False)


def input_locked(live: LiveSession, kind: str | None) -> bool:
    if kind is None:
        return live.is_locked(live.phase)
    return Phase.objects.filter(
        step__programme_id=live.traject.programme_id, kind=kind, pk__in=live.locked_phases
    ).exists()
