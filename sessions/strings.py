"""Texts the live pages' JavaScript needs, translated on the server (JS holds no UI text).

A concept's own texts are in its module: `strings()` in sessions/concepts/<concept>.py, read by
the pages as `strings.<concept>` (e.g. `const S = strings.requirements` in
static/js/views/requirements.js). Here are only the texts several concepts share (status
words, buttons, the parts of a case, dots, comments and reasons), read at the top level
(`strings.save`), and the services' length limits. Adding a phase kind never touches this file.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from game.core.models import Reveal
from game.framework.models import RULE_FIELDS
from game.notes import services as notes_services
from game.practice import services as practice_services
from game.requirements import services as requirements_services
from game.statements import services as statements_services
from sessions import concepts


def live_strings() -> dict:
    """The common texts, and under each concept's name the texts of every concept module that
    has a `strings()`; all translated into the active language now."""
    return {
        **common_strings(),
        **{
            name: module.strings()
            for name, module in concepts.modules().items()
            if hasattr(module, "strings")
        },
    }


def common_strings() -> dict:
    """Texts that more than one concept's views (or the shared pages and widgets) use."""
    return {
        # the connection, and the people in the room
        "status": {
            "connecting": _("Connecting…"),
            "online": _("Connected"),
            "reconnecting": _("Connection lost — reconnecting…"),
            "busy": _("Many people are joining at once — trying again in a moment…"),
            "offline": _("Not connected"),
        },
        "locked": _("locked"),
        "done": _("done"),
        "online": _("online"),
        "offline": _("offline"),
        "participants": {
            "one": ngettext("%(n)s participant", "%(n)s participants", 1),
            "other": ngettext("%(n)s participant", "%(n)s participants", 2),
        },
        "more_people": _("and %(n)s more (see the counts per layer)"),
        # what a screen reader is told when the room moves on (the page's live region)
        "announce": {
            "phase": _("Now: %(step)s — %(phase)s"),
            "time_up": _("Time is up."),
            "revealed": _("Now shown to the room: %(what)s"),
            "what": {what.value: str(what.label) for what in Reveal.What},
        },
        # a phone's long list shown a card at a time
        "cards": {
            "label": _("One at a time"),
            "position": _("%(n)s of %(total)s"),
            "prev": _("Previous"),
            "next": _("Next"),
            "all": _("Show all"),
            "one": _("One at a time"),
        },
        # the projector, when what it shows takes more than one screen
        "screen_page": _("Page %(n)s of %(total)s"),
        # results the facilitator reveals to the room
        "reveal": _("Reveal results"),
        "revealed": _("results visible to the room"),
        "hidden_results": _("results hidden from the room"),
        # writing, editing and saving
        "counter": _("%(n)s / %(max)s characters"),
        "add": _("Add"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "cancel_edit": _("Cancel editing"),
        "save": _("Save"),
        "save_changes": _("Save changes"),
        "saved": _("Saved."),
        "not_saved": _("Not saved yet."),
        "none": _("None."),
        # a choice with a comment beside it (a verdict, a stance)
        "take_back_hint": _("Tap your choice again to take it back."),
        "comment_label": _("Why? (optional)"),
        "save_comment": _("Save comment"),
        # adding and rephrasing requirements, with the reason
        "add_requirement": _("Add a requirement"),
        "requirement_text": _("Requirement"),
        "rephrase": _("Rephrase"),
        "new_text": _("New wording"),
        "reason_required": _("Reason"),
        "reason_optional": _("Reason (optional)"),
        # the parts of a case: the role-play's case and the cases from practice
        "case_part": {
            "situation": _("Situation"),
            "question": _("The maatwerk question"),
        },
        # dots
        "dots": {
            "one": ngettext("%(n)s dot", "%(n)s dots", 1),
            "other": ngettext("%(n)s dot", "%(n)s dots", 2),
        },
        "dots_left": _("%(n)s of %(total)s dots left"),
        "dots_mine": _("%(n)s of your dots"),
        "dot_add": _("Add a dot to %(name)s"),
        "dot_remove": _("Remove a dot from %(name)s"),
    }


def live_limits() -> dict:
    """The services' length limits, for the pages' counters and maxlength attributes (the
    server still enforces them; this only keeps the two from drifting apart)."""
    return {
        "statement": statements_services.STATEMENT_MAX,
        "cluster_name": notes_services.CLUSTER_NAME_MAX,
        "dots_per_participant": notes_services.DOTS_MAX,
        "requirement": requirements_services.REQUIREMENT_MAX,
        "reason": requirements_services.REASON_MAX,
        "discussion_note": requirements_services.DISCUSSION_NOTE_MAX,
        "redaction_note": practice_services.REDACTION_MAX,
        "conclusion": practice_services.CONCLUSION_MAX,
        # A rule's parts in the order a rule reads, each with its length limit.
        "rule": dict(RULE_FIELDS),
    }
