"""Error codes of requirements and votes and their messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "wishes_none": _("Choose at least one wish."),
    "requirement_empty": _("Type the requirement first."),
    "requirement_too_long": _("A requirement can be at most %(max)s characters."),
    "requirement_unknown": _("That requirement does not exist (any more)."),
    "requirement_closed": _("This requirement was dropped; it takes no votes."),
    "reason_too_long": _("A reason can be at most %(max)s characters."),
    "vote_method_unknown": _("Choose MoSCoW or dots."),
    "votes_exist": _("Votes have already been cast, so the way of voting can no longer change."),
    "wrong_vote_method": _("This round uses a different way of voting. Reload the page."),
    "choice_unknown": _("Choose must, should, could or won't."),
    "decision_unknown": _("Choose accept, drop or back to candidate."),
    "discussion_note_too_long": _("A discussion note can be at most %(max)s characters."),
    "nothing_accepted": _("Accept at least one requirement before adopting the programme."),
}
