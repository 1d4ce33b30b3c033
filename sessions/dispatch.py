"""Applying commands: permission, their declared arguments, idempotency, one transaction per batch,
at most one version bump per batch.

This is the only place that changes live state on behalf of a WebSocket message, so the rules
"persisted before acknowledged" and "a retried id is applied once" hold everywhere. Commands
that arrive together for one session are applied as one batch (sessions.batching): one
transaction and one lock of the session row for all of them, yet each command in a savepoint of
its own, so a refused command changes nothing and the others still apply.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import translation

from game.core.errors import GameError
from game.core.models import Phase
from sessions.arguments import Args
from sessions.models import CommandRecord, LiveSession
from sessions.protocol import Envelope, ProtocolError
from sessions.registry import COMMANDS, Actor, Command, Context
from sessions.versions import current_version


@dataclass(frozen=True)
class Outcome:
    version: int
    changed: bool


@dataclass(frozen=True)
class Request:
    """One command of a batch; `language` is the sender's, active while its handler runs."""

    actor: Actor
    envelope: Envelope
    language: str | None = None


def execute(*, live_id: int, actor: Actor, envelope: Envelope) -> Outcome:
    """Apply `envelope` for `actor` on its own; raises GameError (or ProtocolError) and changes
    nothing."""
    request = Request(actor, envelope, translation.get_language())
    (result,) = execute_batch(live_id=live_id, requests=[request])
    if isinstance(result, Exception):
        raise result
    return result


def execute_batch(*, live_id: int, requests: Sequence[Request]) -> list[Outcome | Exception]:
    """Apply `requests` in order in one transaction; per request its Outcome, or the exception
    that refused it (that command then changed nothing).

    Each command runs as it would alone (on the session row as the previous command left it,
    closed and locked checks first), but the row is read and locked once and the version grows
    once if any command changed something: every command of the batch is acknowledged with that
    version. Raises only when
    the transaction itself fails, and then nothing of the batch was stored.
    """
    results: list[Outcome | Exception | None] = [None] * len(requests)
    parsed: dict[int, tuple[Command, Args]] = {}
    for i, request in enumerate(requests):
        try:
            parsed[i] = parse(request.actor, request.envelope)
        except Exception as exc:
            results[i] = exc
    if not parsed:
        return results
    applied: dict[int, bool] = {}  # index → whether it changed something
    records: dict[tuple[str, str], CommandRecord] = {}  # by (actor, client id), first copies
    with transaction.atomic():
        # The lock, once: commands of the session elsewhere wait until this batch committed, so
        # a client id found unrecorded below cannot be recorded by anyone else meanwhile.
        LiveSession.objects.select_for_update().values_list("pk").get(pk=live_id)
        done = applied_before(live_id, [requests[i] for i in parsed])
        live = None  # read at the first command; again after one that failed
        for i, (command, args) in parsed.items():
            request = requests[i]
            key = (request.actor.key, request.envelope.id)
            if key in done:  # a retry of a command applied in an earlier batch
                results[i] = Outcome(version=done[key], changed=False)
                continue
            if key in records:  # a second copy within this batch
                applied[i] = False
                continue
            try:
                with transaction.atomic(), language(request):
                    live = live or session_row(live_id)
                    changed = apply(live, request.actor, command, args)
            except Exception as exc:
                live = None  # its handler may have changed the row in memory before it failed
                results[i] = exc
                continue
            applied[i] = changed
            records[key] = CommandRecord(
                live_session_id=live_id,
                actor=request.actor.key,
                client_id=request.envelope.id,
                name=request.envelope.cmd,
            )
        if any(applied.values()):
            LiveSession.objects.filter(pk=live_id).update(version=F("version") + 1)
        version = current_version(live_id)
        for record in records.values():
            record.version = version
        CommandRecord.objects.bulk_create(records.values())
    for i, changed in applied.items():
        results[i] = Outcome(version=version, changed=changed)
    return results


def parse(actor: Actor, envelope: Envelope) -> tuple[Command, Args]:
    """The command and its checked arguments, before any database work."""
    command = COMMANDS.get(envelope.cmd)
    if command is None:
        raise ProtocolError("unknown_command")
    if actor.audience not in command.audiences:
        raise ProtocolError("forbidden")
    if not envelope.id:
        raise ProtocolError("bad_message")
    return command, command.args.parse(envelope.args)


def applied_before(live_id: int, requests: list[Request]) -> dict[tuple[str, str], int]:
    """The version each already applied (actor, client id) of `requests` was acknowledged with."""
    keys = {(request.actor.key, request.envelope.id) for request in requests}
    rows = CommandRecord.objects.filter(
        live_session_id=live_id, client_id__in={client_id for _, client_id in keys}
    ).values_list("actor", "client_id", "version")
    return {(actor, client_id): version for actor, client_id, version in rows}


def session_row(live_id: int) -> LiveSession:
    return LiveSession.objects.select_related("traject__programme", "phase__step").get(pk=live_id)


def apply(live: LiveSession, actor: Actor, command: Command, args: Args) -> bool:
    """Run one handler on the session row and store what it changed of the row; returns whether
    anything changed."""
    if not live.is_open:
        raise ProtocolError("session_closed")
    if command.is_input and input_locked(live, command.input_kind):
        raise GameError("phase_locked")
    before = row_of(live)
    changed = command.handler(Context(live=live, actor=actor), args)
    if changed:
        # Only the fields the handler set: most commands (a vote) leave the row alone, and a
        # batch of 200 votes should not rewrite the session row 200 times.
        dirty = [name for name, value in row_of(live).items() if value != before[name]]
        if dirty:
            live.save(update_fields=dirty)
    return changed


ROW_FIELDS = [f.attname for f in LiveSession._meta.concrete_fields if not f.primary_key]


def row_of(live: LiveSession) -> dict[str, object]:
    # Deep copies: a handler may change a JSON list such as locked_phases in place.
    return {name: copy.deepcopy(getattr(live, name)) for name in ROW_FIELDS}


def language(request: Request):
    return translation.override(request.language) if request.language else nullcontext()


def input_locked(live: LiveSession, kind: str | None) -> bool:
    if kind is None:
        return live.is_locked(live.phase)
    if not live.locked_phases:  # the usual case, and no query for each vote of a burst
        return False
    return Phase.objects.filter(
        step__programme_id=live.traject.programme_id, kind=kind, pk__in=live.locked_phases
    ).exists()
