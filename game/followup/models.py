"""Dag 2 — Terugkombijeenkomst (Stap 4): a returning participant's claim of their name on a new
device (confirmed by the facilitator), their answer to the check-in question that opens the
day, and the reviews of every item of the kader."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from game.core.models import Participant, Traject
from game.framework.models import FrameworkVersion
from game.practice.models import GatedText


class DeviceClaim(models.Model):
    """A new device saying "I am Alice from day 1", waiting for the facilitator to confirm.

    Recognising who is who on day 2 is the facilitator's call, so it is recorded here. The
    device is represented only by the hash of its token (made and kept by the live layer);
    once confirmed, the live layer lets that token speak for the participant. A rejected or
    superseded claim stays on record, so the console can show who tried.
    """

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="device_claims"
    )
    # Unique: one claim per device token; the live layer draws a fresh token per claim.
    token_hash = models.CharField(max_length=64, unique=True)
    # Shown on the claiming phone and on the console, so the facilitator can ask "which code do
    # you see?" when two phones claim the same name.
    check_code = models.CharField(max_length=4)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    rejected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # A claim is decided once: confirmed or rejected, never both.
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=True) | Q(rejected_at__isnull=True),
                name="claim_decided_once",
            )
        ]

    def __str__(self) -> str:
        return f"claim for {self.participant} ({self.check_code})"

    @property
    def pending(self) -> bool:
        return self.confirmed_at is None and self.rejected_at is None


class CheckIn(GatedText):
    """A returning participant's answer to the check-in question that opens day 2 ("what have
    you done or seen with maatwerk since the first meeting?"); one per person, edited in place.

    Withdrawing deletes it. The room sees the answers without names, newest first.
    """

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="checkins")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="checkins")
    text = models.CharField(max_length=280)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One answer per person: answering again changes it instead of adding a second.
            models.UniqueConstraint(fields=["traject", "participant"], name="one_checkin_each")
        ]

    def __str__(self) -> str:
        return self.text


class Review(GatedText):
    """How one item of a frozen kader worked out in practice, in one participant's view.

    The item is named by its key in the version's content ("req-12", "rule-3"), so a review
    keeps its meaning even when the requirement or rule changes afterwards.
    """

    class Applied(models.TextChoices):
        YES = "ja"
        PARTLY = "deels"
        NO = "nee"

    class Kind(models.TextChoices):
        REQUIREMENT = "requirement"
        RULE = "rule"

    # CASCADE: a version goes only with its traject, and its reviews with it.
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="reviews")
    item_kind = models.CharField(max_length=12, choices=Kind.choices)
    item_key = models.CharField(max_length=20)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reviews")
    applied = models.CharField(max_length=5, choices=Applied.choices)
    how_it_went = models.CharField(max_length=500, blank=True)
    improve = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One review per person per item of a version: reviewing again changes it.
            models.UniqueConstraint(
                fields=["version", "item_key", "participant"], name="one_review_each"
            ),
            models.CheckConstraint(
                condition=Q(applied__in=["ja", "deels", "nee"]), name="applied_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.applied} on {self.item_key}"


APPLIED: tuple[str, ...] = ("ja", "deels", "nee")
