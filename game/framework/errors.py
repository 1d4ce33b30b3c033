"""Error codes of beslisregels and freezing the kader and their messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "rule_empty": _("Fill in at least who decides and what they may decide."),
    "rule_too_long": _("This part of a decision rule can be at most %(max)s characters."),
    "rule_unknown": _("That decision rule does not exist (any more)."),
    "rule_status_unknown": _("Choose proposed, agreed or dropped."),
    "rule_closed": _("This decision rule was dropped; it takes no reactions."),
    "stance_unknown": _("Choose agree or concern."),
    "framework_empty": _("Accept a requirement or agree on a decision rule before freezing."),
    "already_frozen": _(
        "The framework is already frozen as version 1. Changes now go into a revision."
    ),
}
