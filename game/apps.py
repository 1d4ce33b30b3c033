from __future__ import annotations

from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The workshop's concepts, each a package of game/ with models, services, selectors and errors.
CONCEPTS = (
    "core",
    "statements",
    "notes",
    "roleplay",
    "requirements",
    "practice",
    "framework",
    "followup",
)


class GameConfig(AppConfig):
    name = "game"
    verbose_name = _("Workshop")

    def ready(self) -> None:
        """Register every concept's error codes (and the checks that prove none is claimed
        twice), once Django has loaded the models."""
        errors = import_module("game.core.errors")
        for concept in CONCEPTS:
            errors.register_messages(import_module(f"game.{concept}.errors").MESSAGES)
        import_module("game.checks")
