"""Notes, clusters, dots and the shared picture live (Stap 1).

Anonymous notes never carry their author to any audience; a signed note carries the name. Dot
results reach the room only once the facilitator reveals them; the console sees them all along.
"""

from __future__ import annotations

from typing import Annotated, NotRequired

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pydantic import Field
from typing_extensions import TypedDict

from game.core import selectors as core_selectors
from game.core import services as core_services
from game.core.models import Reveal
from game.notes import selectors as notes_selectors
from game.notes import services as notes_services
from game.notes.models import DotVote, Note, Prompt
from sessions.arguments import Args, Dots, Id, Key, Line, Text
from sessions.columns import ResultColumn, labelled_columns
from sessions.registry import FACILITATOR, PARTICIPANT, Context, command, me
from sessions.sections import NoPersonal, View, section

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/notes.js.
PHASE_KINDS = ("notes", "clusters", "dots", "shared-picture")


class NoteWrite(Args):
    prompt: Key
    text: Text(2000) = ""
    signed: bool = False


@command("note.write", audiences={PARTICIPANT}, args=NoteWrite, input_kind="notes")
def write_note(ctx: Context, args: NoteWrite) -> bool:
    notes_services.write_note(
        participant=me(ctx), prompt_key=args.prompt, text=args.text, signed=args.signed
    )
    return True


class NoteEdit(Args):
    note: Id
    text: Text(2000) = ""
    signed: bool


@command("note.edit", audiences={PARTICIPANT}, args=NoteEdit, input_kind="notes")
def edit_note(ctx: Context, args: NoteEdit) -> bool:
    notes_services.edit_note(
        participant=me(ctx), note_id=args.note, text=args.text, signed=args.signed
    )
    return True


class NoteRef(Args):
    note: Id


@command("note.delete", audiences={PARTICIPANT}, args=NoteRef, input_kind="notes")
def delete_note(ctx: Context, args: NoteRef) -> bool:
    notes_services.delete_note(participant=me(ctx), note_id=args.note)
    return True


class ClusterCreate(Args):
    name: Line(2000)


@command("cluster.create", audiences={FACILITATOR}, args=ClusterCreate)
def create_cluster(ctx: Context, args: ClusterCreate) -> bool:
    notes_services.create_cluster(traject=ctx.live.traject, name=args.name)
    return True


class ClusterRename(Args):
    cluster: Id
    name: Line(2000)


@command("cluster.rename", audiences={FACILITATOR}, args=ClusterRename)
def rename_cluster(ctx: Context, args: ClusterRename) -> bool:
    cluster = notes_selectors.cluster_of(ctx.live.traject, args.cluster)
    notes_services.rename_cluster(cluster=cluster, name=args.name)
    return True


class ClusterRef(Args):
    cluster: Id


@command("cluster.delete", audiences={FACILITATOR}, args=ClusterRef)
def delete_cluster(ctx: Context, args: ClusterRef) -> bool:
    notes_services.delete_cluster(
        cluster=notes_selectors.cluster_of(ctx.live.traject, args.cluster)
    )
    return True


class NoteMove(Args):
    note: Id
    cluster: Id | None = None


@command("note.move", audiences={FACILITATOR}, args=NoteMove)
def move_note(ctx: Context, args: NoteMove) -> bool:
    """Move a note into a cluster, or back to the unsorted pile with `cluster: null`."""
    cluster = (
        None if args.cluster is None else notes_selectors.cluster_of(ctx.live.traject, args.cluster)
    )
    return notes_services.move_note(traject=ctx.live.traject, note_id=args.note, cluster=cluster)


class DotsSet(Args):
    cluster: Id
    dots: Dots


@command("dots.set", audiences={PARTICIPANT}, args=DotsSet, input_kind="dots")
def set_dots(ctx: Context, args: DotsSet) -> bool:
    cluster = notes_selectors.cluster_of(ctx.live.traject, args.cluster)
    return notes_services.set_dots(participant=me(ctx), cluster=cluster, dots=args.dots)


class DotsReveal(Args):
    revealed: bool


@command("dots.reveal", audiences={FACILITATOR}, args=DotsReveal)
def reveal_dots(ctx: Context, args: DotsReveal) -> bool:
    return core_services.set_revealed(
        traject=ctx.live.traject, what=Reveal.What.DOTS, revealed=args.revealed
    )


class DotsConfigure(Args):
    per_participant: Annotated[int, Field(ge=1, le=100)]


@command("dots.configure", audiences={FACILITATOR}, args=DotsConfigure)
def configure_dots(ctx: Context, args: DotsConfigure) -> bool:
    return notes_services.set_dots_per_participant(
        traject=ctx.live.traject, dots=args.per_participant
    )


class PictureSave(Args):
    texts: dict[str, str]  # field → text; the service knows the fields and their limits


@command("picture.save", audiences={FACILITATOR}, args=PictureSave)
def save_picture(ctx: Context, args: PictureSave) -> bool:
    notes_services.save_shared_picture(traject=ctx.live.traject, texts=args.texts)
    return True


class NoteCard(TypedDict):
    id: int
    prompt: str
    text: str
    author: str | None  # only when signed
    cluster: int | None


class PromptText(TypedDict):
    key: str
    text: str
    help: str


class ClusterName(TypedDict):
    id: int
    name: str


class NotesState(TypedDict):
    prompts: list[PromptText]
    note_max: NotRequired[int]  # phones
    notes: NotRequired[list[NoteCard]]  # the console and the projector
    clusters: NotRequired[list[ClusterName]]  # the console and the projector


class MyNote(TypedDict):
    id: int
    prompt: str
    text: str
    signed: bool


class NotesMine(TypedDict):
    notes: list[MyNote]


def note_dict(note: Note) -> NoteCard:
    return {
        "id": note.pk,
        "prompt": note.prompt.key,
        "text": note.text,
        "author": note.author.name if note.signed else None,
        "cluster": note.cluster_id,
    }


def prompts(lang: str) -> list[PromptText]:
    return [
        {"key": p.key, "text": p.text("text", lang), "help": p.text("help", lang)}
        for p in Prompt.objects.all()
    ]


@section("notes", "clusters")
def notes(view: View) -> tuple[NotesState, dict[int, NotesMine]]:
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


class DotCluster(TypedDict):
    id: int
    name: str
    notes: list[str]
    total: int | None  # once shown
    by_column: dict[str, int] | None  # once shown, and to the console only


class DotsBoard(TypedDict):
    per_participant: int
    revealed: bool
    clusters: list[DotCluster]
    columns: list[ResultColumn] | None  # of by_column (game.core.anonymity); the console's


class DotsState(TypedDict):
    dots: DotsBoard


class DotsMine(TypedDict):
    dots: dict[str, int]  # cluster id → own dots


@section("dots")
def dots(view: View) -> tuple[DotsState, dict[int, DotsMine]]:
    traject = view.live.traject
    clusters = list(traject.clusters.prefetch_related("notes"))
    shown = core_selectors.shows(traject, Reveal.What.DOTS, view.audience)
    ranked = notes_selectors.cluster_results(traject) if shown else []
    totals = {r.key: r for r in ranked}
    split = shown and core_selectors.shows_by_layer(view.audience)
    columns, per_column = notes_selectors.dots_per_column(traject) if split else ([], {})
    if shown:  # the game's ranking (ties included); while hidden, the order says nothing
        position = {r.key: n for n, r in enumerate(ranked)}
        clusters.sort(key=lambda c: position[str(c.pk)])
    shared = {
        "dots": {
            "per_participant": traject.dots_per_participant,
            "revealed": core_selectors.is_revealed(traject, Reveal.What.DOTS),
            "clusters": [
                {
                    "id": c.pk,
                    "name": c.name,
                    "notes": [n.text for n in c.notes.all()],
                    "total": totals[str(c.pk)].total if shown else None,
                    "by_column": per_column[str(c.pk)] if split else None,
                }
                for c in clusters
            ],
            "columns": labelled_columns(columns, view.lang) if split else None,
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


class Picture(TypedDict):
    version: int
    texts: dict[str, str] | None  # field → text, once saved
    draft: NotRequired[dict[str, str]]  # the console


class PictureState(TypedDict):
    picture: Picture


@section("shared-picture")
def shared_picture(view: View) -> tuple[PictureState, dict[int, NoPersonal]]:
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


def strings() -> dict:
    """The texts of notes, clusters, dots and the shared picture. The pages read them as
    `strings.notes` (sessions/strings.py)."""
    return {
        # notes
        "prompt": _("Question"),
        "your_note": _("Your note"),
        "sign_note": _("Sign with my name (otherwise anonymous)"),
        "add_note": _("Post note"),
        "my_notes": _("My notes"),
        "signed": _("signed with your name"),
        "anonymous": _("anonymous"),
        "confirm_delete_note": _("Delete this note?"),
        "note_count": {
            "one": ngettext("%(n)s note so far", "%(n)s notes so far", 1),
            "other": ngettext("%(n)s note so far", "%(n)s notes so far", 2),
        },
        # clusters
        "cluster_notes": {
            "one": ngettext(
                "Show the note in this cluster", "Show the %(n)s notes in this cluster", 1
            ),
            "other": ngettext(
                "Show the note in this cluster", "Show the %(n)s notes in this cluster", 2
            ),
        },
        "unsorted": _("Not yet clustered"),
        "new_cluster": _("New cluster"),
        "rename": _("Rename"),
        "cluster_help": _(
            "Drag notes into a cluster, or choose the cluster in the list under each note."
        ),
        "move_note": _("Move note “%(text)s” to"),
        "rename_cluster": _("New name for this cluster"),
        "confirm_delete_cluster": _("Delete this cluster? Its notes go back to the unsorted pile."),
        # dots
        "dots_total": {
            "one": ngettext("%(n)s dot", "%(n)s dots", 1),
            "other": ngettext("%(n)s dot", "%(n)s dots", 2),
        },
        "dots_per": _("Dots per participant"),
        "dots_per_layer": _("Dots per layer"),
        "hide_results": _("Hide results"),
        # the shared picture
        "picture": {
            "what_it_is": _("What maatwerk is"),
            "what_it_is_not": _("What it is not"),
            "shadow_sides": _("Shadow sides"),
            "obstacles": _("What holds us back"),
        },
        "picture_pending": _("The facilitator is writing the shared picture."),
        "picture_version": _("Saved as version %(n)s"),
        "picture_unsaved": _("Not saved yet: pre-filled from the clusters with the most dots."),
        "save_version": _("Save as new version"),
    }
