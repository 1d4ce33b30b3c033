"""Reads of stellingen, within one traject, and who sees their results."""

from __future__ import annotations

from game.core.errors import GameError
from game.core.models import Traject
from game.core.selectors import sees_results
from game.statements.models import Statement


def statement_of(traject: Traject, statement_id: int) -> Statement:
    statement = traject.statements.filter(pk=statement_id).first()
    if statement is None:
        raise GameError("statement_unknown")
    return statement


def results_shown(statement: Statement, audience: str) -> bool:
    """A stelling is revealed by its own status (answers keep coming in while revealed)."""
    return sees_results(audience, revealed=statement.status == Statement.Status.REVEALED)
