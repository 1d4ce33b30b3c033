"""Error codes of roles, the case, reactions and wishes and their messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "role_unknown": _("That role does not exist."),
    "case_unknown": _("That case does not exist (any more)."),
    "no_case": _("Choose a case first."),
    "no_more_developments": _("All developments of this case are already shown."),
    "no_role": _("You have no role yet. Wait until the facilitator deals the roles."),
    "reaction_empty": _("Your reaction is empty."),
    "reaction_too_long": _("A reaction can be at most %(max)s characters."),
    "wish_empty": _("Your wish is empty."),
    "wish_too_long": _("A wish can be at most %(max)s characters."),
    "wish_unknown": _("That wish does not exist (any more)."),
    "too_many_wishes": _("You can write at most %(max)s wishes. Change or delete one first."),
}
