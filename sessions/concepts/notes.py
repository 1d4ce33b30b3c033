"""Notes, clusters, dots and the shared picture live (Stap 1).

Anonymous notes never carry their author to any audience; a signed note carries the name. Dot
results reach the room only once the facilitator reveals them; the console sees them all along.
"""

from __future__ import annotations

from game.notes import selectors as notes_selectors
from game.notes import services as notes_services
from game.notes.models import DotVote, Note, Prompt
from sessions.protocol import ProtocolError
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    bool_arg,
    command,
    id_arg,
    int_arg,
    me,
    str_arg,
)
from sessions.sections import View, section


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


def note_dict(note: Note) -> dict:
    return {
        "id": note.pk,
        "prompt": note.prompt.key,
        "text": note.text,
        "author": note.author.name if note.signed else None,
        "cluster": note.cluster_id,
    }


def prompts(lang: str) -> list[dict]:
    return [
        {"key": p.key, "text": p.text("text", lang), "help": p.text("help", lang)}
        for p in Prompt.objects.all()
    ]


@section("notes", "clusters")
def notes(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    all_notes = list(traject.notes.select_related("prompt", "author"))
    shared: dict = {"prompts": prompts(view.lang)}
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        for pid in (p.pk for p in view.people):
            personal[pid] = {"notes": []}
        for note in all_notes:
            if note.author_id in personal:
                personal[note.author_id]["notes"].append(
                    {
                        "id": note.pk,
                        "prompt": note.prompt.key,
                        "text": note.text,
                        "signed": note.signed,
                    }
                )
        shared["note_max"] = notes_services.NOTE_MAX
    else:
        shared["notes"] = [note_dict(note) for note in all_notes]
        shared["clusters"] = [{"id": c.pk, "name": c.name} for c in traject.clusters.all()]
    return shared, personal


@section("dots")
def dots(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    clusters = list(traject.clusters.prefetch_related("notes"))
    shown = traject.dots_revealed or view.audience == FACILITATOR
    ranked = notes_selectors.cluster_results(traject) if shown else []
    totals = {r.key: r for r in ranked}
    if shown:  # the game's ranking (ties included); while hidden, the order says nothing
        position = {r.key: n for n, r in enumerate(ranked)}
        clusters.sort(key=lambda c: position[str(c.pk)])
    shared = {
        "dots": {
            "per_participant": traject.dots_per_participant,
            "revealed": traject.dots_revealed,
            "clusters": [
                {
                    "id": c.pk,
                    "name": c.name,
                    "notes": [n.text for n in c.notes.all()],
                    "total": totals[str(c.pk)].total if shown else None,
                    "by_layer": {k: v.dots for k, v in totals[str(c.pk)].by_layer.items()}
                    if shown and view.audience == FACILITATOR
                    else None,
                }
                for c in clusters
            ],
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"dots": {}} for p in view.people}
        rows = DotVote.objects.filter(cluster__traject=traject).values_list(
            "participant_id", "cluster_id", "dots"
        )
        for pid, cluster_id, count in rows:
            if pid in personal:
                personal[pid]["dots"][str(cluster_id)] = count
    return shared, personal


@section("shared-picture")
def shared_picture(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    latest = traject.shared_pictures.first()
    shared = {
        "picture": {
            "version": latest.version if latest else 0,
            "texts": notes_selectors.picture_texts(latest) if latest else None,
        }
    }
    if view.audience == FACILITATOR:
        shared["picture"]["draft"] = notes_selectors.draft_shared_picture(traject)
    return shared, {}
