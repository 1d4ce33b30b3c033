"""Texts the live pages' JavaScript needs, translated on the server (JS holds no UI text)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def live_strings() -> dict:
    return {
        "status": {
            "connecting": _("Connecting…"),
            "online": _("Connected"),
            "reconnecting": _("Connection lost — reconnecting…"),
            "offline": _("Not connected"),
        },
        "position": _("Part %(n)s of %(total)s"),
        "ready": _("I'm done"),
        "ready_done": _("Done ✓ (tap to undo)"),
        "ready_count": _("%(n)s of %(total)s done"),
        "lock": _("Lock input"),
        "unlock": _("Unlock input"),
        "locked": _("locked"),
        "done": _("done"),
        "online": _("online"),
        "offline": _("offline"),
        "participants": {
            "one": ngettext("%(n)s participant", "%(n)s participants", 1),
            "other": ngettext("%(n)s participant", "%(n)s participants", 2),
        },
        "joined_wait": _(
            "You're in. The workshop starts in a moment: keep this page open, it follows the "
            "screen by itself."
        ),
        "confirm_close": _("Close this session? Phones can no longer send anything."),
        "answers": {"eens": _("Agree"), "oneens": _("Disagree"), "weet-niet": _("Don't know")},
        "your_answer": _("Your answer"),
        "no_statement": _("Waiting for the next statement…"),
        "no_statement_console": _("No statement is on. Open one from the list."),
        "results": _("Results"),
        "answered": _("%(n)s answers"),
        "revealed": _("results visible to the room"),
        "hidden_results": _("results hidden from the room"),
        "per_layer": _("Answers per layer"),
        "statements": _("Statements"),
        "new_statement": _("New statement"),
        "add": _("Add"),
        "statement_status": {
            "draft": _("not yet shown"),
            "open": _("open"),
            "revealed": _("results shown"),
            "closed": _("closed"),
        },
        "open_statement": _("Show to the room"),
        "reveal": _("Reveal results"),
        "hide_results": _("Hide results"),
        "close": _("Close"),
        "prompt": _("Question"),
        "your_note": _("Your note"),
        "counter": _("%(n)s / %(max)s characters"),
        "sign_note": _("Sign with my name (otherwise anonymous)"),
        "add_note": _("Post note"),
        "save_note": _("Save changes"),
        "cancel_edit": _("Cancel editing"),
        "my_notes": _("My notes"),
        "signed": _("signed with your name"),
        "anonymous": _("anonymous"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "rename": _("Rename"),
        "confirm_delete_note": _("Delete this note?"),
        "note_count": _("%(n)s notes so far"),
        "unsorted": _("Not yet clustered"),
        "new_cluster": _("New cluster"),
        "cluster_help": _(
            "Drag notes into a cluster, or choose the cluster in the list under each note."
        ),
        "move_note": _("Move note “%(text)s” to"),
        "rename_cluster": _("New name for this cluster"),
        "confirm_delete_cluster": _("Delete this cluster? Its notes go back to the unsorted pile."),
        "dots_left": _("%(n)s of %(total)s dots left"),
        "dots_total": _("%(n)s dots"),
        "dots_mine": _("%(n)s of your dots"),
        "dot_add": _("Add a dot to %(name)s"),
        "dot_remove": _("Remove a dot from %(name)s"),
        "dots_per": _("Dots per participant"),
        "dots_per_layer": _("Dots per layer"),
        "picture": {
            "what_it_is": _("What maatwerk is"),
            "what_it_is_not": _("What it is not"),
            "shadow_sides": _("Shadow sides"),
            "obstacles": _("What holds us back"),
        },
        "picture_pending": _("The facilitator is writing the shared picture."),
        "picture_version": _("Saved as version %(n)s"),
        "picture_unsaved": _("Not saved yet: pre-filled from the clusters with the most dots."),
        "save_version": _("Save as new version"),
    }
