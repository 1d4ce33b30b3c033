"""Error codes of stellingen and their messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "statement_empty": _("Type the statement first."),
    "statement_too_long": _("A statement can be at most %(max)s characters."),
    "statement_unknown": _("That statement does not exist (any more)."),
    "statement_closed": _("This statement is closed; answers are no longer counted."),
    "answer_unknown": _("Choose agree, disagree or don't know."),
}
