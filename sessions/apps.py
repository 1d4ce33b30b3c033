from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveSessionsConfig(AppConfig):
    """Live sessions; labelled "live" because django.contrib.sessions owns the label "sessions"."""

    name = "sessions"
    label = "live"
    verbose_name = _("Live sessions")
