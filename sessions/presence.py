"""Who is connected right now. A phone's arrival or departure is a state change (the console and
the projector show it), so it bumps the session's version like any command does."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sessions.models import Attendance, Presence
from sessions.versions import bump_version


def arrive(*, live_id: int, participant_id: int, channel_name: str) -> int:
    with transaction.atomic():
        Presence.objects.update_or_create(
            channel_name=channel_name,
            defaults={"live_session_id": live_id, "participant_id": participant_id},
        )
        Attendance.objects.get_or_create(live_session_id=live_id, participant_id=participant_id)
        return bump_version(live_id)


def leave(*, live_id: int, channel_name: str) -> int:
    with transaction.atomic():
        Presence.objects.filter(channel_name=channel_name).delete()
        return bump_version(live_id)


def heartbeat(*, channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def online_participant_ids(live_id: int) -> set[int]:
    fresh_since = timezone.now() - timedelta(seconds=settings.PRESENCE_TIMEOUT_SECONDS)
    return set(
        Presence.objects.filter(live_session_id=live_id, seen_at__gte=fresh_since).values_list(
            "participant_id", flat=True
        )
    )
