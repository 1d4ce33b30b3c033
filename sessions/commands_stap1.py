"""Stap 1 commands: they validate the message's arguments and call the game's Stap 1 services."""

from __future__ import annotations

from game.core.models import Participant
from game.notes import selectors as notes_selectors
from game.notes import services as notes_services
from game.statements import selectors as statements_selectors
from game.statements import services as statements_services
from sessions.protocol import ProtocolError
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    bool_arg,
    command,
    id_arg,
    int_arg,
    str_arg,
)


def me(ctx: Context) -> Participant:
    return Participant.objects.select_related("traject").get(pk=ctx.actor.participant_id)


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


@command("note.write", audiences={PARTICIPANT}, input_kind="notes")
def write_note(ctx: Context, args: dict) -> bool:
    notes_services.write_note(
        participant=me(ctx),
        prompt_key=str_arg(args, "prompt", max_length=50),
        text=str_arg(args, "text", max_length=2000, required=False),
        signed=bool(args.get("signed", False)),
    )
    return True


@command("note.edit", audiences={PARTICIPANT}, input_kind="notes")
def edit_note(ctx: Context, args: dict) -> bool:
    notes_services.edit_note(
        participant=me(ctx),
        note_id=id_arg(args, "note"),
        text=str_arg(args, "text", max_length=2000, required=False),
        signed=bool_arg(args, "signed"),
    )
    return True


@command("note.delete", audiences={PARTICIPANT}, input_kind="notes")
def delete_note(ctx: Context, args: dict) -> bool:
    notes_services.delete_note(participant=me(ctx), note_id=id_arg(args, "note"))
    return True


@command("cluster.create", audiences={FACILITATOR})
def create_cluster(ctx: Context, args: dict) -> bool:
    notes_services.create_cluster(
        traject=ctx.live.traject, name=str_arg(args, "name", max_length=2000)
    )
    return True


@command("cluster.rename", audiences={FACILITATOR})
def rename_cluster(ctx: Context, args: dict) -> bool:
    cluster = notes_selectors.cluster_of(ctx.live.traject, id_arg(args, "cluster"))
    notes_services.rename_cluster(cluster=cluster, name=str_arg(args, "name", max_length=2000))
    return True


@command("cluster.delete", audiences={FACILITATOR})
def delete_cluster(ctx: Context, args: dict) -> bool:
    notes_services.delete_cluster(
        cluster=notes_selectors.cluster_of(ctx.live.traject, id_arg(args, "cluster"))
    )
    return True


@command("note.move", audiences={FACILITATOR})
def move_note(ctx: Context, args: dict) -> bool:
    """Move a note into a cluster, or back to the unsorted pile with `cluster: null`."""
    target = args.get("cluster")
    cluster = (
        None
        if target is None
        else notes_selectors.cluster_of(ctx.live.traject, id_arg(args, "cluster"))
    )
    return notes_services.move_note(
        traject=ctx.live.traject, note_id=id_arg(args, "note"), cluster=cluster
    )


@command("dots.set", audiences={PARTICIPANT}, input_kind="dots")
def set_dots(ctx: Context, args: dict) -> bool:
    cluster = notes_selectors.cluster_of(ctx.live.traject, id_arg(args, "cluster"))
    return notes_services.set_dots(
        participant=me(ctx), cluster=cluster, dots=int_arg(args, "dots", low=0, high=100)
    )


@command("dots.reveal", audiences={FACILITATOR})
def reveal_dots(ctx: Context, args: dict) -> bool:
    return notes_services.reveal_dots(traject=ctx.live.traject, revealed=bool_arg(args, "revealed"))


@command("dots.configure", audiences={FACILITATOR})
def configure_dots(ctx: Context, args: dict) -> bool:
    return notes_services.set_dots_per_participant(
        traject=ctx.live.traject, dots=int_arg(args, "per_participant", low=1, high=100)
    )


@command("picture.save", audiences={FACILITATOR})
def save_picture(ctx: Context, args: dict) -> bool:
    texts = args.get("texts")
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        raise ProtocolError("bad_args")
    notes_services.save_shared_picture(traject=ctx.live.traject, texts=texts)
    return True
