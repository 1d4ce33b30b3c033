"""The one domain error type, and the messages its codes are localised with.

Services raise `GameError("phase_locked")`; tests assert the code, the live layer shows the
message in the reader's language.
"""

from __future__ import annotations

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
}


class GameError(Exception):
    """A rule of the workshop refused an action; `code` is machine-readable, `params` fill it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self) -> str:
        """The localised message in the active language."""
        template = MESSAGES.get(self.code, _("That did not work. Please try again."))
        return str(template) % self.params if self.params else str(template)
