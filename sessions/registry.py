"""Command handlers registered by name, each with the audiences allowed to send it.

A handler runs inside the command's transaction with the live session row locked, with its
declared arguments already checked (sessions.arguments). It changes the state through game
services and returns True when something changed (the version then grows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.core.bursts import only
from game.core.models import Audience, Participant
from sessions.arguments import Args
from sessions.models import LiveSession

# The audiences by the game's names, as plain strings (group names, JSON, the pages).
FACILITATOR = Audience.FACILITATOR.value
PARTICIPANT = Audience.PARTICIPANT.value
SCREEN = Audience.SCREEN.value


@dataclass(frozen=True)
class Actor:
    """Who sent a command: the audience, and the participant or facilitator behind it."""

    audience: str
    key: str
    participant_id: int | None = None
    user_id: int | None = None


@dataclass
class Context:
    live: LiveSession
    actor: Actor


Handler = Callable[[Context, Args], bool]
# Many commands of one kind at once (a room voting): per command True/False, or the exception
# that refused it and stored nothing of it.
BulkHandler = Callable[[LiveSession, list[tuple[Actor, Args]]], list[bool | Exception]]


@dataclass(frozen=True)
class Command:
    name: str
    audiences: frozenset[str]
    handler: Handler
    args: type[Args]
    # Participant input is refused while its phase is locked: the phases of kind `input_kind`
    # (so a draft sent just after the facilitator moved on still lands), or else the current one.
    is_input: bool
    input_kind: str | None
    # When set, consecutive commands of this kind in one batch are applied by one call.
    bulk: BulkHandler | None = None


COMMANDS: dict[str, Command] = {}
# Names registered twice: the later one would silently replace the first, so the system check
# (sessions/checks.py) refuses to start.
DUPLICATE_COMMANDS: set[str] = set()


def command(
    name: str,
    *,
    audiences: set[str],
    args: type[Args],
    is_input: bool = False,
    input_kind: str | None = None,
):
    """Register a handler; `args` is the model its arguments are parsed with (NoArgs if none)."""

    def register(handler: Handler) -> Handler:
        is_any_input = is_input or bool(input_kind)
        _register(Command(name, frozenset(audiences), handler, args, is_any_input, input_kind))
        return handler

    return register


def bulk_command(
    name: str, *, audiences: set[str], args: type[Args], input_kind: str | None = None
):
    """Register a bulk handler; a command arriving alone is a bulk of one."""

    def register(bulk: BulkHandler) -> BulkHandler:
        def handler(ctx: Context, parsed: Args) -> bool:
            return only(bulk(ctx.live, [(ctx.actor, parsed)]))

        _register(Command(name, frozenset(audiences), handler, args, True, input_kind, bulk))
        return bulk

    return register


def _register(command: Command) -> None:
    if command.name in COMMANDS:
        DUPLICATE_COMMANDS.add(command.name)
    COMMANDS[command.name] = command


def me(ctx: Context) -> Participant:
    return Participant.objects.select_related("traject").get(pk=ctx.actor.participant_id)
