from __future__ import annotations

from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveSessionsConfig(AppConfig):
    """Live sessions; labelled "live" because django.contrib.sessions owns the label "sessions"."""

    name = "sessions"
    label = "live"
    verbose_name = _("Live sessions")

    def ready(self) -> None:
        """Every concept module in sessions/concepts registers its commands and snapshot
        sections; importing them here, once Django is ready, is what registers them (no other
        module imports them for that side effect). The system checks then prove the programme
        is complete."""
        import_module("sessions.concepts").modules()
        import_module("sessions.checks")
