"""Stap 2 — De game: in de schoenen van een ander.

The library holds the cases (with developments the facilitator reveals one by one). A traject
stores who plays which role, the reactions and wishes written in those roles, the candidate
requirements merged from the wishes (remembering which wishes, and so which roles, asked for
them), the votes cast on them, and every adopted version of the gedeeld programma van eisen.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from game.models.core import Layer, Localised, Participant, Traject


class Case(Localised):
    """A casus with a maatwerk question (library content, loaded from cases.json)."""

    key = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    title_nl = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200, blank=True)
    situation_nl = models.TextField()
    situation_en = models.TextField(blank=True)
    question_nl = models.TextField()
    question_en = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "key"]

    def __str__(self) -> str:
        return self.title_nl


class Development(Localised):
    """A turn in a case ("the cheaper alternative is not in the regulation"), shown in order."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="developments")
    order = models.PositiveSmallIntegerField()
    text_nl = models.TextField()
    text_en = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "order"]
        constraints = [
            # `Traject.developments_revealed` counts developments in this order: it must be total.
            models.UniqueConstraint(fields=["case", "order"], name="development_order_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case.key} #{self.order}"


class RoleAssignment(models.Model):
    """The role a participant plays in the game; never their own layer when dealt."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="role_assignments")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="role_assignments"
    )
    # PROTECT: a layer that is being played cannot be removed from the content under the game.
    role = models.ForeignKey(Layer, on_delete=models.PROTECT, related_name="role_assignments")
    overridden = models.BooleanField(
        default=False, help_text="Set by the facilitator rather than dealt."
    )
    dealt_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["traject", "participant"]
        constraints = [
            # One played role per person: phones, reactions and wishes read "the" role.
            models.UniqueConstraint(
                fields=["traject", "participant"], name="one_role_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} plays {self.role.key}"


class Reaction(models.Model):
    """How someone's played role sees the case; one per person, edited in place."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="reactions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reactions")
    # The role at writing time, so a re-deal afterwards does not re-label what was written.
    role = models.ForeignKey(Layer, on_delete=models.PROTECT, related_name="reactions")
    text = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One reaction per person: writing again edits it instead of adding a second.
            models.UniqueConstraint(fields=["traject", "participant"], name="one_reaction_each")
        ]

    def __str__(self) -> str:
        return self.text


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


class Wish(models.Model):
    """One line of a wensenpakket: "Maatwerk moet …", written from the played role."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="wishes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="wishes")
    # The role played when it was written: the wensenpakketten are grouped by it, and the
    # requirement it is merged into traces its roles through it (even after a re-deal).
    role = models.ForeignKey(Layer, on_delete=models.PROTECT, related_name="wishes")
    text = models.CharField(max_length=200)
    # SET_NULL: deleting a requirement returns its wishes to the unmerged pile, never loses them.
    requirement = models.ForeignKey(
        Requirement, on_delete=models.SET_NULL, null=True, blank=True, related_name="sources"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "wishes"

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
