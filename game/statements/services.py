"""Stellingen: seeding a traject from the library, adding, opening, revealing, closing and
answering them. Each raises GameError with a code the live layer localises."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

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
    if statement.status not in ANSWERABLE:
        raise GameError("statement_closed")
    if answer not in StatementAnswer.Answer.values:
        raise GameError("answer_unknown")
    row, created = StatementAnswer.objects.get_or_create(
        statement=statement, participant=participant, defaults={"answer": answer}
    )
    if created:
        return True
    if row.answer == answer:
        return False
    row.answer, row.answered_at = answer, timezone.now()
    row.save(update_fields=["answer", "answered_at"])
    return True
