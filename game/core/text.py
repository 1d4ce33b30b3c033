"""Cleaning typed text the same way everywhere: collapse what should be one line, refuse empty
and over-long input with the concept's own error code."""

from __future__ import annotations

from game.core.errors import GameError


def clean_text(raw: object, *, limit: int, empty: str, too_long: str) -> str:
    text = " ".join(str(raw or "").split())
    if not text:
        raise GameError(empty)
    if len(text) > limit:
        raise GameError(too_long, max=limit)
    return text
