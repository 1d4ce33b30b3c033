"""Stellingen: seeding a traject from the library, adding, opening, revealing, closing and
answering them. Each raises GameError with a code the live layer localises."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from game.core.bursts import Burst, only
from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.core.text import clean_text
from game.statements.models import Statement, StatementAnswer

STATEMENT_MAX = 300


ANSWERABLE = {Statement.Status.OPEN, Statement.Status.REVEALED}


def seed_statements(traject: Traject) -> None:
    """Copy the library's stellingen (traject NULL) into a new traject, where they can be edited."""
    library = Statement.objects.filter(traject__isnull=True).order_by("order", "pk")
    english = traject.language == "en"
    Statement.objects.bulk_create(
        Statement(
            traject=traject, text=(s.text_en if english and s.text_en else s.text), order=s.order
        )
        for s in library
    )


def add_statement(*, traject: Traject, text: str) -> Statement:
    text = clean_text(
        text, limit=STATEMENT_MAX, empty="statement_empty", too_long="statement_too_long"
    )
    last = traject.statements.aggregate(last=Max("order"))["last"] or 0
    return Statement.objects.create(traject=traject, text=text, order=last + 1)


@transaction.atomic
def open_statement(*, statement: Statement) -> None:
    """Put a stelling to the room; the one that was on closes, so phones see one at a time."""
    statement.traject.statements.filter(status__in=ANSWERABLE).exclude(pk=statement.pk).update(
        status=Statement.Status.CLOSED
    )
    statement.status = Statement.Status.OPEN
    statement.save(update_fields=["status"])


def reveal_statement(*, statement: Statement) -> None:
    if statement.status not in ANSWERABLE:
        raise GameError("statement_closed")
    statement.status = Statement.Status.REVEALED
    statement.save(update_fields=["status"])


def close_statement(*, statement: Statement) -> None:
    statement.status = Statement.Status.CLOSED
    statement.save(update_fields=["status"])


def answer_statement(*, statement: Statement, participant: Participant, answer: str) -> bool:
    """Record or change an answer; returns False when it was already this answer."""
    answers = [(participant.pk, statement.pk, answer)]
    return only(answer_statements(traject=statement.traject, answers=answers))


def answer_statements(
    *, traject: Traject, answers: Sequence[tuple[int, int, str]]
) -> list[bool | GameError]:
    """(participant id, statement id, answer) in order, as a plenary sends them in one burst:
    per answer whether it changed something, or the GameError that refused it (and stored
    nothing of it). A few queries for the whole burst instead of a few per answer."""
    statements = traject.statements.in_bulk({statement_id for _, statement_id, _ in answers})
    burst = Burst.load(
        StatementAnswer,
        ("statement_id", "participant_id"),
        statement__in=list(statements),
        participant_id__in={pid for pid, _, _ in answers},
    )
    results = []
    for participant_id, statement_id, answer in answers:
        statement = statements.get(statement_id)
        refusal = answer_refusal(statement, answer)
        if refusal:
            results.append(GameError(refusal))
            continue
        key = (statement_id, participant_id)
        row = burst.rows.get(key)
        if row is None:
            burst.add(
                key,
                StatementAnswer(statement=statement, participant_id=participant_id, answer=answer),
            )
        elif row.answer == answer:
            results.append(False)
            continue
        else:
            row.answer, row.answered_at = answer, timezone.now()
            burst.changed(key)
        results.append(True)
    burst.save(["answer", "answered_at"])
    return results
    if row.answer == answer:
        return False
    row.answer, row.answered_at = answer, timezone.now()
    row.save(update_fields=["answer", "answered_at"])
    return True


def answer_refusal(statement: Statement | None, answer: str) -> str | None:
    if statement is None:
        return "statement_unknown"
    if statement.status not in ANSWERABLE:
        return "statement_closed"
    if answer not in StatementAnswer.Answer.values:
        return "answer_unknown"
    return None
