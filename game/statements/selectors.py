"""Reads of stellingen, within one traject, and who sees their results."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.anonymity import Column, columns_of_voters
from game.core.errors import GameError
from game.core.models import Traject
from game.core.selectors import joinable_layer_keys, sees_results
from game.core.tallies import StatementResult, statement_tally
from game.statements.models import Statement, StatementAnswer


@dataclass(frozen=True)
class Answers:
    """A stelling's answers: who answered what, and the tally, per layer in columns that each
    rest on enough voters (game.core.anonymity)."""

    mine: dict[int, str]  # participant id → answer
    columns: list[Column]
    result: StatementResult  # by_layer keyed by column


def statement_answers(statement: Statement) -> Answers:
    rows = list(
        StatementAnswer.objects.filter(statement=statement).values_list(
            "participant_id", "participant__layer__key", "answer"
        )
    )
    shown, column_of = columns_of_voters(
        ((layer, pid) for pid, layer, _ in rows),
        layers=joinable_layer_keys(),
        min_group_size=statement.traject.min_group_size,
    )
    result = statement_tally(
        ((column_of[layer], answer) for _, layer, answer in rows),
        layers=[column.key for column in shown],
    )
    return Answers(mine={pid: answer for pid, _, answer in rows}, columns=shown, result=result)


def statement_of(traject: Traject, statement_id: int) -> Statement:
    statement = traject.statements.filter(pk=statement_id).first()
    if statement is None:
        raise GameError("statement_unknown")
    return statement


def results_shown(statement: Statement, audience: str) -> bool:
    """A stelling is revealed by its own status (answers keep coming in while revealed)."""
    return sees_results(audience, revealed=statement.status == Statement.Status.REVEALED)
