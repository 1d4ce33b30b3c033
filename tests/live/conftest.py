"""The live tests drive presence ticks themselves (`await tracker().tick()`), so that a tick never
lands at a random moment of a test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _presence_ticks_only_when_asked(settings):
    settings.PRESENCE_FLUSH_MS = 3_600_000
