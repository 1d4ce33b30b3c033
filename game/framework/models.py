"""The kader op maat: beslisregels with the room's reactions, and every frozen version.

Freezing writes an immutable `FrameworkVersion`; a revision on day 2 writes the next one.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from game.core.models import Participant, Traject
from game.practice.models import GatedText


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


class RuleReaction(GatedText):
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


RULE_FIELDS: dict[str, int] = {  # field → max length, in the order a rule reads
    "who_decides": 200,
    "what": 300,
    "budget_or_mandate": 200,
    "accountability": 300,
    "escalation": 300,
}
