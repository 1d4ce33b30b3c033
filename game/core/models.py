"""What the workshop *is*: layers and their role cards, the programme, trajecten and their members,
and what the facilitator has revealed to whom.

Content (layers, programme) is data so that it can be edited without code; texts come in Dutch
and English as `<field>_nl` / `<field>_en` pairs read through `Localised.text()`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from game.core.anonymity import DEFAULT_MIN_GROUP_SIZE

LANGUAGE_CHOICES = [("nl", "Nederlands"), ("en", "English")]


class Audience(models.TextChoices):
    """Who looks at a live session: the facilitator's console, the projector, a participant's
    phone. The game decides what each may see; the live layer uses the same names."""

    FACILITATOR = "facilitator", _("facilitator")
    SCREEN = "screen", _("projector")
    PARTICIPANT = "participant", _("participants")


class Localised(models.Model):
    """Abstract base for content stored in both languages."""

    class Meta:
        abstract = True

    def text(self, field: str, lang: str) -> str:
        """The field in `lang`, falling back to Dutch when the translation is empty."""
        value = getattr(self, f"{field}_{lang}", "") or ""
        return value or getattr(self, f"{field}_nl", "")

    def in_language(self, field: str) -> str:
        """The field in the active language: how a form's choice or a template shows it."""
        return self.text(field, (get_language() or "nl")[:2])


class Layer(Localised):
    """An organisational layer of the municipality, or the played-only role of the inwoner."""

    key = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(help_text=_("Position from the top of the line."))
    label_nl = models.CharField(max_length=80)
    label_en = models.CharField(max_length=80, blank=True)
    joinable = models.BooleanField(
        default=True, help_text=_("Participants can join with this layer (not the resident).")
    )
    required = models.BooleanField(
        default=False, help_text=_("The programme needs at least one participant of this layer.")
    )
    interests_nl = models.TextField(blank=True)
    interests_en = models.TextField(blank=True)
    worries_nl = models.TextField(blank=True)
    worries_en = models.TextField(blank=True)
    room_nl = models.TextField(blank=True)
    room_en = models.TextField(blank=True)
    question_nl = models.TextField(blank=True)
    question_en = models.TextField(blank=True)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.in_language("label")


class Programme(Localised):
    """A sequence of steps: the full Verticaal workshop, or a plenary poll."""

    key = models.SlugField(unique=True)
    title_nl = models.CharField(max_length=120)
    title_en = models.CharField(max_length=120, blank=True)

    def __str__(self) -> str:
        return self.in_language("title")


class Step(Localised):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="steps")
    key = models.SlugField()
    order = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField(default=1)
    title_nl = models.CharField(max_length=120)
    title_en = models.CharField(max_length=120, blank=True)
    outcome_nl = models.CharField(max_length=120, blank=True)
    outcome_en = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["programme", "order"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "key"], name="step_key_unique"),
            models.UniqueConstraint(fields=["programme", "order"], name="step_order_unique"),
        ]

    def __str__(self) -> str:
        return self.in_language("title")


class Phase(Localised):
    """One screen-full of the programme; `kind` says what phones can do while it is on."""

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="phases")
    key = models.SlugField()
    order = models.PositiveSmallIntegerField()
    kind = models.SlugField(default="info")
    accepts_input = models.BooleanField(default=False)
    title_nl = models.CharField(max_length=120)
    title_en = models.CharField(max_length=120, blank=True)
    instruction_nl = models.TextField(blank=True)
    instruction_en = models.TextField(blank=True)

    class Meta:
        ordering = ["step__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["step", "key"], name="phase_key_unique"),
            models.UniqueConstraint(fields=["step", "order"], name="phase_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.step.title_nl} — {self.title_nl}"


class Traject(models.Model):
    """One municipality's run of the programme: day 1, the follow-up, and what they produce."""

    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="trajecten"
    )
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="trajecten")
    gemeente = models.CharField(_("municipality"), max_length=120)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="nl")
    dots_per_participant = models.PositiveSmallIntegerField(_("dots per participant"), default=5)
    # Stap 2. PROTECT: a case a traject played stays in the library (the document refers to it).
    case = models.ForeignKey(
        "game.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="trajecten"
    )
    # How many of the case's developments the room has seen, in `Development.order`.
    developments_revealed = models.PositiveSmallIntegerField(default=0)
    vote_method = models.CharField(
        _("voting method"),
        max_length=6,
        choices=[("moscow", "MoSCoW"), ("dots", _("dots"))],
        default="moscow",
    )
    max_wishes = models.PositiveSmallIntegerField(_("wishes per participant"), default=3)
    requirement_dots = models.PositiveSmallIntegerField(
        _("dots per participant for requirements"), default=5
    )
    # No per-layer result rests on fewer voters than this (game.core.anonymity).
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group shown on its own"),
        default=DEFAULT_MIN_GROUP_SIZE,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
        help_text=_(
            "Results per layer are only shown for groups of at least this many voters; "
            "smaller layers are merged with their neighbours."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-created_at"]

    def __str__(self) -> str:
        return f"{self.gemeente} — {self.title}"


class Reveal(models.Model):
    """Something the facilitator revealed, to one audience, since when; hiding it again deletes
    the rows. Results stay hidden from the room until revealed, so nobody follows the crowd;
    the facilitator sees them all along (`game.core.selectors.shows`)."""

    class What(models.TextChoices):
        DOTS = "dots", _("dot results")
        ROLES = "roles", _("role cards")
        VOTES = "votes", _("requirement votes")
        DOCUMENT = "document", _("outcome document")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="reveals")
    what = models.CharField(_("what"), max_length=10, choices=What.choices)
    audience = models.CharField(_("to whom"), max_length=11, choices=Audience.choices)
    revealed_at = models.DateTimeField(_("revealed at"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["traject", "what", "audience"], name="reveal_once")
        ]

    def __str__(self) -> str:
        return f"{self.traject}: {self.what} → {self.audience}"


class Participant(models.Model):
    """A person taking part in a traject, in their own layer; recognised again on day 2."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(max_length=60)
    layer = models.ForeignKey(Layer, on_delete=models.PROTECT, related_name="participants")
    # Asked when joining (sessions.forms.JoinForm) and changeable on the phone ("me.consent");
    # without it the outcome document only counts the participant in their layer.
    name_consent = models.BooleanField(
        default=False, help_text=_("May be named in the outcome document.")
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            # A second phone typing the same name must not take over someone's identity.
            models.UniqueConstraint(Lower("name"), "traject", name="participant_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.layer.key})"
