"""The live session's state version: the one number every client compares to know it is current.

Commands bump it inside their transaction (sessions.dispatch); changes made outside a command
(a day-2 claim from the join page) bump it here. game/ knows nothing of versions.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from sessions.models import LiveSession


def bump_version(live_id: int) -> int:
    """Record that the live state changed outside a command (a phone came or went)."""
    with transaction.atomic():
        LiveSession.objects.filter(pk=live_id).update(version=F("version") + 1)
        return current_version(live_id)


def current_version(live_id: int) -> int:
    return LiveSession.objects.values_list("version", flat=True).get(pk=live_id)
