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
    version. Consecutive commands of a kind with a bulk handler (a room voting) are applied by
    one call. Raises only when the transaction itself fails, and then nothing of the batch was
    stored.
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
    keys = {i: (request.actor.key, request.envelope.id) for i, request in enumerate(requests)}
    applied: dict[int, bool] = {}  # index → whether it changed something
    records: dict[tuple[str, str], CommandRecord] = {}  # by (actor, client id), first copies
    with transaction.atomic():
        # The lock, once: commands of the session elsewhere wait until this batch committed, so
        # a client id found unrecorded below cannot be recorded by anyone else meanwhile.
        LiveSession.objects.select_for_update().values_list("pk").get(pk=live_id)
        done = applied_before(live_id, [requests[i] for i in parsed])
        live = None  # read at the first command; again after one that failed
        order = list(parsed)
        alone: set[int] = set()  # commands of a failed run, tried again one by one
        while order:
            i = order[0]
            if keys[i] in done:  # a retry of a command applied in an earlier batch
                results[i] = Outcome(version=done[keys[i]], changed=False)
                order.pop(0)
                continue
            if keys[i] in records:  # a second copy within this batch
                applied[i] = False
                order.pop(0)
                continue
            run = [i] if i in alone else next_run(order, parsed, keys, set(done) | set(records))
            del order[: len(run)]
            command = parsed[i][0]
            try:
                with transaction.atomic(), language(requests[i]):
                    live = live or session_row(live_id)
                    changes = apply(live, command, [(requests[j].actor, parsed[j][1]) for j in run])
            except Exception as exc:
                live = None  # its handler may have changed the row in memory before it failed
                if len(run) > 1:  # one bad vote must not sink the others: each on its own
                    order[:0] = run
                    alone.update(run)
                    continue
                changes = [exc]
            for j, changed in zip(run, changes, strict=True):
                if isinstance(changed, Exception):
                    results[j] = changed
                    continue
                applied[j] = changed
                records[keys[j]] = CommandRecord(
                    live_session_id=live_id,
                    actor=requests[j].actor.key,
                    client_id=requests[j].envelope.id,
                    name=requests[j].envelope.cmd,
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


def next_run(order: list[int], parsed: dict, keys: dict, known: set) -> list[int]:
    """The commands applied by one call from the head of `order`: the head alone, or with the
    following commands of the same bulk kind, up to a retry or a second copy (those go the
    single way, after the run has recorded what it applied)."""
    head = order[0]
    command = parsed[head][0]
    run, seen = [head], {keys[head]}
    if command.bulk is None:
        return run
    for j in order[1:]:
        if parsed[j][0] is not command or keys[j] in known or keys[j] in seen:
            break
        run.append(j)
        seen.add(keys[j])
    return run


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


def apply(
    live: LiveSession, command: Command, items: list[tuple[Actor, Args]]
) -> list[bool | Exception]:
    """Run one handler (or one bulk handler for all `items`) on the session row and store what
    it changed of the row; per item whether it changed anything, or the exception that refused
    it. A refusal of the whole call (closed, locked, a handler's exception) is raised."""
    if not live.is_open:
        raise ProtocolError("session_closed")
    if command.is_input and input_locked(live, command.input_kind):
        raise GameError("phase_locked")
    before = row_of(live)
    if command.bulk is None:
        [(actor, args)] = items
        changes = [command.handler(Context(live=live, actor=actor), args)]
    else:
        changes = command.bulk(live, items)
    if any(changed is True for changed in changes):
        # Only the fields the handler set: most commands (a vote) leave the row alone, and a
        # batch of 200 votes should not rewrite the session row 200 times.
        dirty = [name for name, value in row_of(live).items() if value != before[name]]
        if dirty:
            live.save(update_fields=dirty)
    return changes


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
