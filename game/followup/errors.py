"""Error codes of day 2: claims, reviews and revisions and their messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "own_layer": _("Nobody plays their own layer in the game. Choose another role."),
    "not_frozen": _("There is no frozen framework yet."),
    "claim_unknown": _("That claim does not exist (any more)."),
    "claim_decided": _("This claim has already been confirmed or rejected."),
    # One message for an unknown name and a name in another layer: it must not reveal who came.
    "claim_no_match": _(
        "We cannot find anyone from day 1 with this name and layer. Check the spelling, or "
        "join as a new participant."
    ),
    "claim_ambiguous": _(
        "More than one person from day 1 in this layer has a name like this. Type your name "
        "exactly as last time, accents included, or ask the facilitator."
    ),
    "applied_unknown": _("Choose yes, partly or no."),
    "review_item_unknown": _("That item is not part of the framework."),
    "review_too_long": _("An answer can be at most %(max)s characters."),
    "changes_none": _("There is nothing to revise."),
    "change_invalid": _("One of the changes is not valid. Check kind, item and action."),
    "change_twice": _("Each item can be changed only once per revision."),
}
