"""Stap 1 — Wat is maatwerk?: notes under prompts, clusters, dots and the shared picture."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from game.core.models import Localised, Participant, Traject


class Prompt(Localised):
    """One of the five questions notes are written under (library content)."""

    key = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField()
    text_nl = models.CharField(max_length=200)
    text_en = models.CharField(max_length=200, blank=True)
    help_nl = models.CharField(max_length=300, blank=True)
    help_en = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.text_nl


class Cluster(models.Model):
    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="clusters")
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Note(models.Model):
    """A short note under a prompt; anonymous unless its author signs it."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="notes")
    prompt = models.ForeignKey(Prompt, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="notes")
    text = models.CharField(max_length=280)
    signed = models.BooleanField(default=False)
    cluster = models.ForeignKey(
        Cluster, on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text


class DotVote(models.Model):
    """Dots a participant put on a cluster; stacking is allowed, the total is capped per person."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="dot_votes")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="cluster_dots"
    )
    dots = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cluster", "participant"], name="one_dot_row_each"),
            models.CheckConstraint(condition=models.Q(dots__gte=1), name="dots_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.dots} on {self.cluster}"


class SharedPicture(models.Model):
    """A saved version of the shared description of maatwerk (the outcome of Stap 1)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="shared_pictures")
    version = models.PositiveIntegerField()
    what_it_is = models.TextField(blank=True)
    what_it_is_not = models.TextField(blank=True)
    shadow_sides = models.TextField(blank=True)
    obstacles = models.TextField(blank=True)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["traject", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["traject", "version"], name="picture_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.traject} v{self.version}"


# The four parts of the shared picture, in the order they are read.
PICTURE_FIELDS = ("what_it_is", "what_it_is_not", "shadow_sides", "obstacles")


# Which part of the shared picture each prompt's clusters pre-fill (Stap 1's outcome); a prompt
# missing here pre-fills nothing (notes.selectors.draft_shared_picture).
PICTURE_SECTIONS = {
    "wat-is": "what_it_is",
    "hoe-werkt": "what_it_is",
    "wat-niet": "what_it_is_not",
    "schaduw": "shadow_sides",
    "weerhoudt": "obstacles",
}
