"""The one domain error type, the catalogue its codes are localised with, and the core's codes.

Services raise `GameError("phase_locked")`; tests assert the code, the live layer shows the
message in the reader's language. Each concept keeps its own codes in its errors.py; GameConfig
.ready() registers them all in CATALOGUE, and a system check refuses a code two concepts claim.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "name_empty": _("Please enter your name."),
    "name_too_long": _("Your name can be at most %(max)s characters."),
    "name_taken": _("Someone in this session already uses this name. Add an initial or a surname."),
    "layer_unknown": _("Choose the layer you work in."),
    "phase_unknown": _("That part of the programme does not exist."),
    "phase_first": _("This is already the first part of the programme."),
    "phase_last": _("This is already the last part of the programme."),
    "phase_locked": _("The facilitator has locked input for this part."),
    "timer_invalid": _("A timer runs between 10 seconds and 3 hours."),
    "not_yours": _("You can only change what you wrote yourself."),
    "dots_invalid": _("The number of dots is not valid."),
    "dots_exhausted": _("You have used all your dots (%(max)s). Take one away first."),
    "dots_in_use": _("Someone already used %(max)s dots; choose at least that many."),
    "no_participants": _("Nobody has joined yet, so there are no roles to deal."),
    "participant_unknown": _("That participant is not part of this session."),
}

# Every concept's codes, filled once at start-up by GameConfig.ready().
CATALOGUE: dict[str, object] = {}
# Codes registered by more than one concept: a system check reports them.
DUPLICATE_CODES: set[str] = set()


def register_messages(messages: Mapping[str, object]) -> None:
    DUPLICATE_CODES.update(CATALOGUE.keys() & messages.keys())
    CATALOGUE.update(messages)


class GameError(Exception):
    """A rule of the workshop refused an action; `code` is machine-readable, `params` fill it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def details(self) -> dict:
        """Structured parameters the client can use (lists and dicts, e.g. the personal-data
        findings a phone highlights); text parameters only fill the message."""
        return {k: v for k, v in self.params.items() if isinstance(v, list | dict)}

    def message(self) -> str:
        """The localised message in the active language."""
        template = CATALOGUE.get(self.code, _("That did not work. Please try again."))
        return str(template) % self.params if self.params else str(template)
