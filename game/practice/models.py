"""Stap 3 — Toetsen aan de praktijk: participants' own cases (checked for personal data before
saving), the dots that pick one to three, the helpt / knelt / ontbreekt judgements per case and
requirement, the conclusions, and the requirements added while testing."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from game.core.models import Participant, Traject
from game.practice.gate import in_quarantine
from game.requirements.models import Requirement


class GatedText(models.Model):
    """A row holding free text a participant wrote, behind the personal-data gate
    (game.practice.gate): what the detector found when the author sent it anyway, with what the
    author said it is and, once the facilitator cleared it, who and when. While one finding is
    not cleared the text is in quarantine: only its author and the facilitator see it."""

    privacy_findings = models.JSONField(default=list, blank=True)

    class Meta:
        abstract = True

    @property
    def quarantined(self) -> bool:
        return in_quarantine(self.privacy_findings)


class PracticeCase(GatedText):
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


class Judgement(GatedText):
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


VERDICTS: tuple[str, ...] = ("helpt", "knelt", "ontbreekt")
