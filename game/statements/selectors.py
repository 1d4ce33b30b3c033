"""Reads of stellingen, within one traject."""

from __future__ import annotations

from game.core.errors import GameError
from game.core.models import Traject
from game.statements.models import Statement


def statement_of(traject: Traject, statement_id: int) -> Statement:
    statement = traject.statements.filter(pk=statement_id).first()
    if statement is None:
        raise GameError("statement_unknown")
    return statement
