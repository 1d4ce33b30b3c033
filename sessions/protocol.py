"""The WebSocket message envelope, validated in one place, and the protocol's own errors.

Client → server: `{"cmd": "phase.next", "id": "<client id>", "args": {...}}`, plus
`{"cmd": "sync", "args": {"version": n}}` and `{"cmd": "ping"}` which change nothing.
Server → client: `{"type": "state", "version": n, "state": {...}}`, or `{"type": "version",
"version": n}` when version n changes nothing this connection shows, `{"ack": id, "version": n}`,
`{"error": {"code", "message"}, "id": id}` and `{"type": "pong"}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from game.core.errors import GameError

MESSAGES = {
    "bad_message": _("The app sent a message the server does not understand. Reload the page."),
    "unknown_command": _("The app asked for something the server does not know."),
    "forbidden": _("You are not allowed to do that here."),
    "bad_args": _("Some of what was sent is missing or not valid."),
    "session_closed": _("This session has been closed by the facilitator."),
    "rate_limited": _("You are sending too quickly. Wait a moment and try again."),
    "server_error": _("Something went wrong on the server. Your input was not saved; try again."),
}

MAX_ID_LENGTH = 64


class ProtocolError(GameError):
    """An error of the conversation itself rather than of a workshop rule."""

    def message(self) -> str:
        return str(MESSAGES.get(self.code, MESSAGES["bad_message"]))


@dataclass(frozen=True)
class Envelope:
    cmd: str
    id: str
    args: dict = field(default_factory=dict)


def parse_envelope(content: object) -> Envelope:
    if not isinstance(content, dict):
        raise ProtocolError("bad_message")
    cmd, client_id, args = content.get("cmd"), content.get("id", ""), content.get("args", {})
    if not isinstance(cmd, str) or not cmd or len(cmd) > 60:
        raise ProtocolError("bad_message")
    if not isinstance(client_id, str) or len(client_id) > MAX_ID_LENGTH:
        raise ProtocolError("bad_message")
    if not isinstance(args, dict):
        raise ProtocolError("bad_args")
    return Envelope(cmd=cmd, id=client_id, args=args)


def error_message(
    code: str, message: str, client_id: str = "", details: dict | None = None
) -> dict:
    error = {"code": code, "message": message}
    if details:
        error["details"] = details
    return {"id": client_id, "error": error}
