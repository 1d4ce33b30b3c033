"""Stap 3 — Toetsen aan de praktijk, and Dag 2 — Terugkombijeenkomst (Stap 4).

Participants bring their own cases (checked for personal data before saving), dot the ones to
discuss and the facilitator picks one to three. Per picked case and requirement everyone judges
helpt / knelt / ontbreekt; the facilitator writes the conclusions. The group adjusts the
requirements (rephrasings reuse `RequirementRevision`, additions are tagged with a
`RequirementAddition`) and agrees on beslisregels. Freezing writes the kader op maat as an
immutable `FrameworkVersion`.

On day 2 the same traject meets again: returning participants on a new device claim their name
(`DeviceClaim`, confirmed by the facilitator), review every item of the kader (`Review`) and the
facilitator revises it into the next version. Both days live in one module because the review
and the revision speak about the versions Stap 3 writes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from game.models.core import Participant, Traject
from game.models.stap2 import Requirement


class PracticeCase(models.Model):
    """A case from a participant's own practice. Its author is known to the facilitator only.

    `privacy_confirmed` records that the author saw the personal-data warning and kept the text
    (the detector is a safety net with false positives, so the author has the last word); the
    facilitator can still redact it, which is recorded with a note.
    """

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="practice_cases")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="practice_cases")
    title = models.CharField(max_length=120)
    situation = models.CharField(max_length=2000)
    question = models.CharField(max_length=500)
    privacy_confirmed = models.BooleanField(default=False)
    redacted_at = models.DateTimeField(null=True, blank=True)
    # SET_NULL: the redaction stays on record when a facilitator account goes.
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    redaction_note = models.CharField(max_length=300, blank=True)
    selected = models.BooleanField(default=False)
    # 1..3 among the selected ones: the order in which the room discusses them.
    selected_order = models.PositiveSmallIntegerField(null=True, blank=True)
    # The picked case the room is judging right now (phones show this one).
    on_table = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One case on the table at a time: phones and the projector read "the" case.
            models.UniqueConstraint(
                fields=["traject"], condition=Q(on_table=True), name="one_case_on_table"
            ),
            # Only a picked case has a discussion position, and only a picked one is on the table.
            models.CheckConstraint(
                condition=Q(selected=True) | Q(selected_order__isnull=True, on_table=False),
                name="order_only_when_selected",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CaseDot(models.Model):
    """Dots a participant put on a practice case to have it discussed; capped per person."""

    case = models.ForeignKey(PracticeCase, on_delete=models.CASCADE, related_name="dots")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="case_dots")
    dots = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            # One row per person per case (stacking is the number); removing all dots deletes it.
            models.UniqueConstraint(fields=["case", "participant"], name="one_case_dot_row_each"),
            models.CheckConstraint(condition=Q(dots__gte=1), name="case_dots_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.dots} on {self.case}"


class Judgement(models.Model):
    """How one requirement works out in one picked case, in one participant's view."""

    class Verdict(models.TextChoices):
        HELPS = "helpt"
        HINDERS = "knelt"
        MISSING = "ontbreekt"

    case = models.ForeignKey(PracticeCase, on_delete=models.CASCADE, related_name="judgements")
    # CASCADE: a requirement removed altogether takes its judgements; dropping only changes status.
    requirement = models.ForeignKey(
        Requirement, on_delete=models.CASCADE, related_name="judgements"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="judgements"
    )
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    comment = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One verdict per person per cell of the grid: judging again changes it.
            models.UniqueConstraint(
                fields=["case", "requirement", "participant"], name="one_judgement_each"
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=["helpt", "knelt", "ontbreekt"]), name="verdict_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.verdict} ({self.requirement} in {self.case})"


class CaseConclusion(models.Model):
    """What the facilitator concluded from the grid of one case (for the document)."""

    case = models.OneToOneField(PracticeCase, on_delete=models.CASCADE, related_name="conclusion")
    text = models.TextField()
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.text[:60]


class RequirementAddition(models.Model):
    """Why a requirement was added after the programme was adopted (in Stap 3 or a revision).

    Rephrasings already keep their reason in `RequirementRevision`; an addition has no text
    before, so it gets its own row, optionally pointing at the case that showed it was missing.
    """

    requirement = models.OneToOneField(
        Requirement, on_delete=models.CASCADE, related_name="addition"
    )
    reason = models.CharField(max_length=300)
    # SET_NULL: withdrawing or deleting the case does not erase why the requirement exists.
    case = models.ForeignKey(
        PracticeCase, on_delete=models.SET_NULL, null=True, blank=True, related_name="additions"
    )
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"+ {self.requirement}: {self.reason}"


class DecisionRule(models.Model):
    """A beslisregel: who may decide what, within which budget or mandate, how it is accounted
    for and when to escalate. Written by the facilitator, reacted to by the room."""

    class Status(models.TextChoices):
        PROPOSED = "proposed"
        AGREED = "agreed"
        DROPPED = "dropped"

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="decision_rules")
    who_decides = models.CharField(max_length=200)
    what = models.CharField(max_length=300)
    budget_or_mandate = models.CharField(max_length=200, blank=True)
    accountability = models.CharField(max_length=300, blank=True)
    escalation = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.who_decides}: {self.what}"


class RuleReaction(models.Model):
    """A participant agrees with a proposed rule or voices a concern about it."""

    class Stance(models.TextChoices):
        AGREE = "agree"
        CONCERN = "concern"

    rule = models.ForeignKey(DecisionRule, on_delete=models.CASCADE, related_name="reactions")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="rule_reactions"
    )
    stance = models.CharField(max_length=10, choices=Stance.choices)
    comment = models.CharField(max_length=300, blank=True)
    reacted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # One reaction per person per rule; reacting again changes it.
            models.UniqueConstraint(fields=["rule", "participant"], name="one_rule_reaction_each"),
            models.CheckConstraint(
                condition=Q(stance__in=["agree", "concern"]), name="stance_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.stance} on {self.rule}"


class FrozenVersionError(RuntimeError):
    """Raised by any attempt to change a FrameworkVersion that was written."""


class FrameworkVersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # Bulk updates bypass save(); refusing them here closes that door too.
        raise FrozenVersionError("A framework version is frozen; write a new version instead.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise FrozenVersionError("A framework version is frozen; write a new version instead.")


class FrameworkVersion(models.Model):
    """A kader op maat as it was agreed: the requirements with their priorities and the
    beslisregels, a self-contained snapshot in `content`.

    Truly immutable: the document and the day-2 review refer to "v1" and must read the same
    thing months later. Services only create rows (v1 by `stap3.freeze_framework`, v2+ by
    `dag2.revise_framework`); saving an existing row or updating rows in bulk raises. This is
    the one place where `save()` carries a rule, because it is a guard, not behaviour.
    """

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="framework_versions"
    )
    number = models.PositiveIntegerField()
    frozen_at = models.DateTimeField(default=timezone.now)
    content = models.JSONField()

    objects = FrameworkVersionQuerySet.as_manager()

    class Meta:
        ordering = ["traject", "-number"]
        constraints = [
            # "v1", "v2" are the names people use: no two alike within a traject.
            models.UniqueConstraint(fields=["traject", "number"], name="framework_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.traject} kader v{self.number}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise FrozenVersionError(f"Framework v{self.number} is frozen; it cannot be changed.")
        super().save(*args, **kwargs)


# --- Dag 2 ------------------------------------------------------------------------------------


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


class Review(models.Model):
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
