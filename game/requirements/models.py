"""Requirements: candidates merged from wishes (remembering which wishes, and so which roles,
asked for them), their revisions, the votes cast on them, and every adopted version of the
gedeeld programma van eisen."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from game.core.models import Participant, Traject


class Requirement(models.Model):
    """A candidate eis, merged from wishes or added by the facilitator, then accepted or dropped."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate"
        ACCEPTED = "accepted"
        DROPPED = "dropped"

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="requirements")
    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CANDIDATE)
    discussion_note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class RequirementRevision(models.Model):
    """One rephrasing of a requirement: the document can show what changed and why."""

    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="revisions")
    text_before = models.CharField(max_length=300)
    text_after = models.CharField(max_length=300)
    reason = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["requirement", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.text_before} → {self.text_after}"


class RequirementVote(models.Model):
    """A participant's vote on a requirement, in their own layer: a MoSCoW choice or dots."""

    class Choice(models.TextChoices):
        MUST = "must"
        SHOULD = "should"
        COULD = "could"
        WONT = "wont"

    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="requirement_votes"
    )
    choice = models.CharField(max_length=6, choices=Choice.choices, blank=True)
    dots = models.PositiveSmallIntegerField(default=0)
    voted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # One vote per participant per requirement, enforced by the database: a reconnecting
            # phone or two racing workers can change a vote, never add a second one.
            models.UniqueConstraint(
                fields=["requirement", "participant"], name="one_requirement_vote_each"
            ),
            # A row is either a MoSCoW vote (a valid choice, no dots) or a dots vote (no choice,
            # at least one dot): removing all dots deletes the row, so an empty row is a bug.
            models.CheckConstraint(
                condition=(
                    models.Q(choice__in=["must", "should", "could", "wont"], dots=0)
                    | models.Q(choice="", dots__gt=0)
                ),
                name="vote_is_choice_or_dots",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.choice or self.dots} on {self.requirement}"


class ProgrammeVersion(models.Model):
    """An adopted gedeeld programma van eisen: a frozen snapshot, never changed once written.

    Adopting again writes version n + 1, so the document can always show what was agreed when.
    Services only ever create these rows; nothing updates them.
    """

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="programme_versions"
    )
    number = models.PositiveIntegerField()
    adopted_at = models.DateTimeField(default=timezone.now)
    content = models.JSONField()

    class Meta:
        ordering = ["traject", "-number"]
        constraints = [
            # Version numbers are the names people use ("v2 of the PvE"): no two alike.
            models.UniqueConstraint(fields=["traject", "number"], name="programme_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.traject} PvE v{self.number}"


# From a MoSCoW score (the mean weight, must 3 … won't 0) back to a label for the document: the
# nearest weight, i.e. halfway between two weights is the boundary. A score of 2.5 (half must,
# half should) reads as must, 1.5 as should, 0.5 as could; below that the room said won't.
PRIORITY_THRESHOLDS: tuple[tuple[float, str], ...] = (
    (2.5, "must"),
    (1.5, "should"),
    (0.5, "could"),
)
