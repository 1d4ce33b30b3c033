"""System checks of the workshop's own registrations, run at start-up and by the test suite."""

from __future__ import annotations

from django.core import checks

from game.core.errors import DUPLICATE_CODES


@checks.register()
def error_codes_are_unique(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Two concepts claiming one error code would show one concept's message for the other's
    refusal; the registration keeps the last, so it must be refused here."""
    return [
        checks.Error(f"Error code {code!r} is declared by more than one concept.", id="game.E001")
        for code in sorted(DUPLICATE_CODES)
    ]
