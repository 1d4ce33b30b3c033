from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from game.core.errors import GameError
from game.core.models import LANGUAGE_CHOICES, Layer, Traject
from game.core.services import NAME_MAX, clean_name


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Session code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "inputmode": "text",
                "class": "code-input",
            }
        ),
    )


class JoinForm(forms.Form):
    # Length is checked by the game rule so the message is the same on every path.
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": NAME_MAX + 20}),
    )
    layer = forms.ChoiceField(label=_("The layer you work in"), widget=forms.RadioSelect)
    # Off unless ticked: nobody is named in the outcome document without saying so.
    name_consent = forms.BooleanField(
        label=_("My name may appear in the record"),
        required=False,
        help_text=_(
            "The outcome document then lists your name under your layer; otherwise it only "
            "counts the participants per layer."
        ),
    )

    def __init__(self, *args, lang: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["layer"].choices = [
            (layer.key, layer.text("label", lang)) for layer in Layer.objects.filter(joinable=True)
        ]
        self.fields["layer"].error_messages["required"] = _("Choose the layer you work in.")

    def clean_name(self) -> str:
        """The game's name rule, so an empty name is reported together with a missing layer."""
        try:
            return clean_name(self.cleaned_data.get("name", ""))
        except GameError as exc:
            raise forms.ValidationError(exc.message()) from exc


class ClaimForm(JoinForm):
    """A returning participant on a new device says who they were: the name typed again and
    the layer chosen again, as on day 1 (nobody is shown the names to pick from). Prefixed, so
    its fields do not clash with the join form's on the same page."""

    prefix = "claim"
    # The day-1 identity keeps the consent it has; it is changed on the phone, not by claiming.
    name_consent = None

    def __init__(self, *args, lang: str, **kwargs) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["name"].label = _("Your name from last time")
        self.fields["layer"].label = _("Your layer last time")


class TrajectForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language of the workshop"), choices=LANGUAGE_CHOICES)

    class Meta:
        model = Traject
        fields = ["gemeente", "title", "date", "language", "programme", "min_group_size"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        labels = {"programme": _("Programme")}
