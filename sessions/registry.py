"""Command handlers registered by name, each with the audiences allowed to send it.

A handler runs inside the command's transaction with the live session row locked. It changes the
state through game services and returns True when something changed (the version then grows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.core.models import Participant
from sessions.models import LiveSession
from sessions.protocol import ProtocolError

FACILITATOR = "facilitator"
PARTICIPANT = "participant"
SCREEN = "screen"


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


Handler = Callable[[Context, dict], bool]


@dataclass(frozen=True)
class Command:
    name: str
    audiences: frozenset[str]
    handler: Handler
    # Participant input is refused while its phase is locked: the phases of kind `input_kind`
    # (so a draft sent just after the facilitator moved on still lands), or else the current one.
    is_input: bool
    input_kind: str | None


COMMANDS: dict[str, Command] = {}


def command(
    name: str, *, audiences: set[str], is_input: bool = False, input_kind: str | None = None
):
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = Command(
            name, frozenset(audiences), handler, is_input or bool(input_kind), input_kind
        )
        return handler

    return register


def int_arg(args: dict, name: str, *, low: int, high: int) -> int:
    value = args.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ProtocolError("bad_args")
    return value


def str_arg(args: dict, name: str, *, max_length: int = 200, required: bool = True) -> str:
    value = args.get(name, "")
    if not isinstance(value, str) or len(value) > max_length or (required and not value.strip()):
        raise ProtocolError("bad_args")
    return value


def id_arg(args: dict, name: str) -> int:
    return int_arg(args, name, low=1, high=2**62)


def bool_arg(args: dict, name: str) -> bool:
    value = args.get(name)
    if not isinstance(value, bool):
        raise ProtocolError("bad_args")
    return value


def ids_arg(args: dict, name: str, *, max_items: int = 200) -> list[int]:
    """A non-empty list of ids (e.g. the wishes to merge)."""
    value = args.get(name)
    if not isinstance(value, list) or not 1 <= len(value) <= max_items:
        raise ProtocolError("bad_args")
    return [id_arg({"id": item}, "id") for item in value]


def me(ctx: Context) -> Participant:
    return Participant.objects.select_related("traject").get(pk=ctx.actor.participant_id)


TEXT_ARG_MAX = 8000  # generous: the services give the precise, localised limit


def text_arg(args: dict, name: str) -> str:
    return str_arg(args, name, max_length=TEXT_ARG_MAX, required=False)


def optional_bool(args: dict, name: str) -> bool:
    return bool_arg(args, name) if name in args else False
