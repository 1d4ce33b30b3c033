"""The game of Stap 2 — in de schoenen van een ander: the library's cases (with developments
the facilitator reveals one by one), who plays which role, and the reactions and wishes written
in those roles."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from game.core.models import Layer, Localised, Participant, Traject
from game.requirements.models import Requirement


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
        return self.in_language("title")


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
    # The seed of the deal that made this row: every row of one deal carries the same seed, so
    # dealing it again with the same participants reproduces the assignment (a dispute, a bug
    # report). It stays when the facilitator changes the role by hand (see `overridden`), and
    # is null on a row the facilitator made for a latecomer, which no deal produced.
    deal_seed = models.PositiveBigIntegerField(null=True, blank=True)

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
