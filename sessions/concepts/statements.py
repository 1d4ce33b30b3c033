"""Stellingen live: the facilitator adds, opens, reveals and closes them; phones answer.

Results reach the room only once the facilitator reveals them; the console sees them all along.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import NotRequired

from django.utils.translation import gettext as _
from typing_extensions import TypedDict

from game.core import selectors as core_selectors
from game.statements import selectors as statements_selectors
from game.statements import services as statements_services
from sessions.arguments import Args, Id, Line
from sessions.columns import ResultColumn, labelled_columns
from sessions.models import LiveSession
from sessions.registry import FACILITATOR, PARTICIPANT, Actor, Context, bulk_command, command
from sessions.sections import View, section

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/statements.js.
PHASE_KINDS = ("statements",)


class StatementAdd(Args):
    text: Line(2000)


@command("statement.add", audiences={FACILITATOR}, args=StatementAdd)
def add_statement(ctx: Context, args: StatementAdd) -> bool:
    statements_services.add_statement(traject=ctx.live.traject, text=args.text)
    return True


class StatementRef(Args):
    statement: Id


@command("statement.open", audiences={FACILITATOR}, args=StatementRef)
def open_statement(ctx: Context, args: StatementRef) -> bool:
    statements_services.open_statement(
        statement=statements_selectors.statement_of(ctx.live.traject, args.statement)
    )
    return True


@command("statement.reveal", audiences={FACILITATOR}, args=StatementRef)
def reveal_statement(ctx: Context, args: StatementRef) -> bool:
    statement = statements_selectors.statement_of(ctx.live.traject, args.statement)
    statements_services.reveal_statement(statement=statement)
    return True


@command("statement.close", audiences={FACILITATOR}, args=StatementRef)
def close_statement(ctx: Context, args: StatementRef) -> bool:
    statement = statements_selectors.statement_of(ctx.live.traject, args.statement)
    statements_services.close_statement(statement=statement)
    return True


class Answer(Args):
    statement: Id
    answer: Line(20)


@bulk_command("statement.answer", audiences={PARTICIPANT}, args=Answer, input_kind="statements")
def answer_statements(live: LiveSession, items: list[tuple[Actor, Answer]]) -> list:
    answers = [(actor.participant_id, args.statement, args.answer) for actor, args in items]
    return statements_services.answer_statements(traject=live.traject, answers=answers)


class Tally(TypedDict):
    counts: dict[str, int]
    total: int
    percentages: dict[str, int]


class CurrentStatement(TypedDict):
    id: int
    text: str
    status: str
    answered: int
    results: Tally | None
    # The console's split per layer, in columns of enough voters (game.core.anonymity).
    columns: list[ResultColumn] | None
    by_column: dict[str, Tally] | None


class StatementRow(TypedDict):
    id: int
    text: str
    status: str


class StatementsState(TypedDict):
    statement: CurrentStatement | None
    statements: NotRequired[list[StatementRow]]  # the console


class StatementsMine(TypedDict):
    answer: str


@section("statements")
def statements(view: View) -> tuple[StatementsState, dict[int, StatementsMine]]:
    traject = view.live.traject
    current = (
        traject.statements.filter(status__in=statements_services.ANSWERABLE).order_by("-pk").first()
    )
    shared: dict = {"statement": None}
    personal: dict[int, dict] = {}
    if current is not None:
        answers = statements_selectors.statement_answers(current)
        shown = statements_selectors.results_shown(current, view.audience)
        result = answers.result
        split = core_selectors.shows_by_layer(view.audience)
        shared["statement"] = {
            "id": current.pk,
            "text": current.text,
            "status": current.status,
            "answered": result.overall.total,
            "results": asdict(result.overall) if shown else None,
            "columns": labelled_columns(answers.columns, view.lang) if split else None,
            "by_column": {k: asdict(v) for k, v in result.by_layer.items()} if split else None,
        }
        if view.audience == PARTICIPANT:
            personal = {pid: {"answer": answer} for pid, answer in answers.mine.items()}
    if view.audience == FACILITATOR:
        shared["statements"] = [
            {"id": s.pk, "text": s.text, "status": s.status} for s in traject.statements.all()
        ]
    return shared, personal


def strings() -> dict:
    """The statements' texts. The pages read them as `strings.statements` (sessions/strings.py)."""
    return {
        # answering on the phone
        "answers": {"eens": _("Agree"), "oneens": _("Disagree"), "weet-niet": _("Don't know")},
        "your_answer": _("Your answer"),
        "no_statement": _("Waiting for the next statement…"),
        # the console's list
        "statements": _("Statements"),
        "new_statement": _("New statement"),
        "statement_status": {
            "draft": _("not yet shown"),
            "open": _("open"),
            "revealed": _("results shown"),
            "closed": _("closed"),
        },
        "open_statement": _("Show to the room"),
        "close": _("Close"),
        "no_statement_console": _("No statement is on. Open one from the list."),
        # the results
        "results": _("Results"),
        "results_shown": _("The results of this statement are now shown."),
        "answered": _("%(n)s answers"),
        "per_layer": _("Answers per layer"),
    }
