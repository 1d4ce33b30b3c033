"""Who is connected right now, as the database knows it: where the processes' presence meets.

Each process writes its connections' arrivals and departures in batches and renews `seen_at` for
all of them at once (sessions.fanout.Tracker); a killed process stops renewing, so its rows go
stale instead of lying. Presence never bumps the room's version.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sessions.models import Presence

CHUNK = 500  # channel names per IN (...) clause


def flush(*, arrived: dict[str, tuple[int, int]], departed: Iterable[str], alive: list[str]):
    """One transaction for a tick's arrivals and departures, one UPDATE per chunk of renewals."""
    departed = list(departed)
    with transaction.atomic():
        for start in range(0, len(departed), CHUNK):
            Presence.objects.filter(channel_name__in=departed[start : start + CHUNK]).delete()
        Presence.objects.bulk_create(
            [
                Presence(channel_name=channel, live_session_id=live_id, participant_id=pid)
                for channel, (live_id, pid) in arrived.items()
            ],
            ignore_conflicts=True,
        )
        now = timezone.now()
        for start in range(0, len(alive), CHUNK):
            Presence.objects.filter(channel_name__in=alive[start : start + CHUNK]).update(
                seen_at=now
            )


def fresh_since():
    return timezone.now() - timedelta(seconds=settings.PRESENCE_TIMEOUT_SECONDS)


def online_participant_ids(live_id: int) -> set[int]:
    return set(
        Presence.objects.filter(live_session_id=live_id, seen_at__gte=fresh_since()).values_list(
            "participant_id", flat=True
        )
    )


def online_by_session(live_ids: list[int]) -> dict[int, frozenset[int]]:
    """Who is online in each of these sessions, in one query."""
    rows = Presence.objects.filter(
        live_session_id__in=live_ids, seen_at__gte=fresh_since()
    ).values_list("live_session_id", "participant_id")
    found: dict[int, set[int]] = {}
    for live_id, pid in rows:
        found.setdefault(live_id, set()).add(pid)
    return {live_id: frozenset(ids) for live_id, ids in found.items()}
