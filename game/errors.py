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
    "statement_empty": _("Type the statement first."),
    "statement_too_long": _("A statement can be at most %(max)s characters."),
    "statement_unknown": _("That statement does not exist (any more)."),
    "statement_closed": _("This statement is closed; answers are no longer counted."),
    "answer_unknown": _("Choose agree, disagree or don't know."),
    "prompt_unknown": _("Choose one of the questions for your note."),
    "note_empty": _("Your note is empty."),
    "note_too_long": _("A note can be at most %(max)s characters."),
    "note_unknown": _("That note does not exist (any more)."),
    "not_yours": _("You can only change your own notes."),
    "cluster_name_empty": _("Give the cluster a name."),
    "cluster_name_too_long": _("A cluster name can be at most %(max)s characters."),
    "cluster_unknown": _("That cluster does not exist (any more)."),
    "dots_invalid": _("The number of dots is not valid."),
    "dots_exhausted": _("You have used all your dots (%(max)s). Take one away first."),
    "picture_field_unknown": _("That part of the shared picture does not exist."),
    "picture_too_long": _("Each part of the shared picture can be at most %(max)s characters."),
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
