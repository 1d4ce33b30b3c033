"""Small helpers shared by the rule tests."""

from __future__ import annotations

import pytest

from game.core.errors import GameError


def error_of(call, **kwargs) -> GameError:
    """The GameError a service raises for these arguments (fails the test if none)."""
    with pytest.raises(GameError) as caught:
        call(**kwargs)
    return caught.value


def error_code(call, **kwargs) -> str:
    return error_of(call, **kwargs).code
