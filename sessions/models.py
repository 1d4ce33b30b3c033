"""Live state of a running workshop: sessions, devices, presence and the command log.

The database is the truth: a restarted server or a reconnecting phone rebuilds everything from
these rows. `LiveSession.version` grows by one with every acknowledged change.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from game.core.models import Participant, Phase, Traject

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: codes are read off a projector and typed on phones.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class LiveSession(models.Model):
    """A traject being run in a room right now, joined by code; day 2 is a new one."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="live_sessions")
    code = models.CharField(max_length=CODE_LENGTH)
    screen_token = models.CharField(max_length=64, default=new_token)
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveBigIntegerField(default=1)
    locked_phases = models.JSONField(default=list, blank=True)
    timer_seconds = models.PositiveIntegerField(null=True, blank=True)
    timer_ends_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The projector's language, set from the console; "" shows it in the traject's language.
    screen_language = models.CharField(max_length=2, blank=True, default="")
    # The projector page the facilitator turned to in this phase; None: pages turn by themselves.
    screen_page = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            # A code only has to be unique among open sessions; closed ones free it again.
            models.UniqueConstraint(
                fields=["code"], condition=Q(closed_at__isnull=True), name="open_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.traject})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def is_locked(self, phase: Phase) -> bool:
        return phase.pk in self.locked_phases

    @property
    def projector_language(self) -> str:
        """The language the room's projector speaks: chosen on the console, else the
        traject's (a Dutch room can have an English guest speaker, and the reverse)."""
        return self.screen_language or self.traject.language


class Device(models.Model):
    """A phone or browser that speaks for a participant; its token lives in the device's cookie."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="devices")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"device of {self.participant}"


class Attendance(models.Model):
    """Which participants took part in which live session (day 1, day 2)."""

    live_session = models.ForeignKey(
        LiveSession, on_delete=models.CASCADE, related_name="attendances"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendances"
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["live_session", "participant"], name="attendance_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} in {self.live_session.code}"


class Presence(models.Model):
    """One open WebSocket of a participant; rows older than the presence timeout are stale
    (a killed server cannot delete its rows, so online-ness is judged by `seen_at`)."""

    live_session = models.ForeignKey(
        LiveSession, on_delete=models.CASCADE, related_name="presences"
    )
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="presences")
    channel_name = models.CharField(max_length=200, unique=True)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.participant} on {self.channel_name}"


class CommandRecord(models.Model):
    """An applied command, so that a retried client id is acknowledged without applying twice."""

    live_session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="commands")
    actor = models.CharField(max_length=40)
    client_id = models.CharField(max_length=64)
    name = models.CharField(max_length=60)
    version = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["live_session", "actor", "client_id"], name="command_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.client_id} by {self.actor}"


class PhaseReady(models.Model):
    """A participant said they are done with a phase: the console counts these."""

    live_session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="ready")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["live_session", "participant", "phase"], name="ready_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} ready in {self.phase}"


class LoginToken(models.Model):
    """A one-time sign-in link for a facilitator; only the hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"login token for {self.user}"
