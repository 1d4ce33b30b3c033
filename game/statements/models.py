"""Stellingen (statements) a traject answers agree / disagree / don't know, and the answers."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from game.core.models import Participant, Traject


class Statement(models.Model):
    """A stelling of a traject: drafted, opened for answers, then revealed, then closed.

    Results stay hidden from the room until the facilitator reveals them (answers keep coming in
    while revealed, until closed)."""

    class Status(models.TextChoices):
        DRAFT = "draft"
        OPEN = "open"
        REVEALED = "revealed"
        CLOSED = "closed"

    # NULL for the library's stellingen, which new trajecten copy (seed_statements).
    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, null=True, blank=True, related_name="statements"
    )
    text = models.CharField(max_length=300)
    text_en = models.CharField(
        max_length=300, blank=True, help_text="English text of a library stelling."
    )
    order = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class StatementAnswer(models.Model):
    class Answer(models.TextChoices):
        AGREE = "eens"
        DISAGREE = "oneens"
        UNSURE = "weet-niet"

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="statement_answers"
    )
    answer = models.CharField(max_length=10, choices=Answer.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # One answer per person per stelling; changing it updates the row.
            models.UniqueConstraint(fields=["statement", "participant"], name="one_answer_each")
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.answer}"
