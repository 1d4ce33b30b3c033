"""Error codes of notes, clusters, dots and the shared picture and their messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "prompt_unknown": _("Choose one of the questions for your note."),
    "note_empty": _("Your note is empty."),
    "note_too_long": _("A note can be at most %(max)s characters."),
    "note_unknown": _("That note does not exist (any more)."),
    "cluster_name_empty": _("Give the cluster a name."),
    "cluster_name_too_long": _("A cluster name can be at most %(max)s characters."),
    "cluster_unknown": _("That cluster does not exist (any more)."),
    "picture_field_unknown": _("That part of the shared picture does not exist."),
    "picture_too_long": _("Each part of the shared picture can be at most %(max)s characters."),
}
