"""Stellingen live: the facilitator adds, opens, reveals and closes them; phones answer.

Results reach the room only once the facilitator reveals them; the console sees them all along.
"""

from __future__ import annotations

from dataclasses import asdict

from game.core.models import Layer
from game.core.tallies import statement_tally
from game.statements import selectors as statements_selectors
from game.statements import services as statements_services
from game.statements.models import Statement, StatementAnswer
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    command,
    id_arg,
    me,
    str_arg,
)
from sessions.sections import View, section


@command("statement.add", audiences={FACILITATOR})
def add_statement(ctx: Context, args: dict) -> bool:
    statements_services.add_statement(
        traject=ctx.live.traject, text=str_arg(args, "text", max_length=2000)
    )
    return True


@command("statement.open", audiences={FACILITATOR})
def open_statement(ctx: Context, args: dict) -> bool:
    statements_services.open_statement(
        statement=statements_selectors.statement_of(ctx.live.traject, id_arg(args, "statement"))
    )
    return True


@command("statement.reveal", audiences={FACILITATOR})
def reveal_statement(ctx: Context, args: dict) -> bool:
    statement = statements_selectors.statement_of(ctx.live.traject, id_arg(args, "statement"))
    statements_services.reveal_statement(statement=statement)
    return True


@command("statement.close", audiences={FACILITATOR})
def close_statement(ctx: Context, args: dict) -> bool:
    statement = statements_selectors.statement_of(ctx.live.traject, id_arg(args, "statement"))
    statements_services.close_statement(statement=statement)
    return True


@command("statement.answer", audiences={PARTICIPANT}, input_kind="statements")
def answer_statement(ctx: Context, args: dict) -> bool:
    statement = statements_selectors.statement_of(ctx.live.traject, id_arg(args, "statement"))
    return statements_services.answer_statement(
        statement=statement, participant=me(ctx), answer=str_arg(args, "answer", max_length=20)
    )


def layer_keys() -> list[str]:
    return list(Layer.objects.filter(joinable=True).values_list("key", flat=True))


@section("statements")
def statements(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    current = (
        traject.statements.filter(status__in=statements_services.ANSWERABLE).order_by("-pk").first()
    )
    shared: dict = {"statement": None}
    personal: dict[int, dict] = {}
    if current is not None:
        answers = list(
            StatementAnswer.objects.filter(statement=current).values_list(
                "participant_id", "participant__layer__key", "answer"
            )
        )
        revealed = current.status == Statement.Status.REVEALED
        shown = revealed or view.audience == FACILITATOR
        result = statement_tally(((layer, a) for _, layer, a in answers), layers=layer_keys())
        shared["statement"] = {
            "id": current.pk,
            "text": current.text,
            "status": current.status,
            "answered": result.overall.total,
            "results": asdict(result.overall) if shown else None,
            "by_layer": {k: asdict(v) for k, v in result.by_layer.items()}
            if view.audience == FACILITATOR
            else None,
        }
        if view.audience == PARTICIPANT:
            personal = {pid: {"answer": answer} for pid, _, answer in answers}
    if view.audience == FACILITATOR:
        shared["statements"] = [
            {"id": s.pk, "text": s.text, "status": s.status} for s in traject.statements.all()
        ]
    return shared, personal
