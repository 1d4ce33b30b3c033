"""Texts the live pages' JavaScript needs, translated on the server (JS holds no UI text)."""

from __future__ import annotations

from django.utils.translation import gettext as _


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
        "confirm_close": _("Close this session? Phones can no longer send anything."),
    }
