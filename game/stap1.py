"""Stap 1 — Wat is maatwerk?: the services that change stellingen, notes, clusters, dots and
the shared picture. Each raises GameError with a code the live layer localises."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from game.dots import place_dots
from game.errors import GameError
from game.models import (
    Cluster,
    DotVote,
    Note,
    Participant,
    Prompt,
    SharedPicture,
    Statement,
    StatementAnswer,
    Traject,
)
from game.tallies import dot_ranking, dot_tally

NOTE_MAX = 280
STATEMENT_MAX = 300
CLUSTER_NAME_MAX = 120
DOTS_MAX = 20
ANSWERABLE = {Statement.Status.OPEN, Statement.Status.REVEALED}
# Which part of the shared picture each prompt's clusters pre-fill (domain.md, Stap 1 outcome).
# The four parts of the shared picture, in the order they are read (domain.md, Stap 1).
PICTURE_FIELDS = ("what_it_is", "what_it_is_not", "shadow_sides", "obstacles")
PICTURE_SECTIONS = {
    "wat-is": "what_it_is",
    "hoe-werkt": "what_it_is",
    "wat-niet": "what_it_is_not",
    "schaduw": "shadow_sides",
    "weerhoudt": "obstacles",
}


def clean_text(raw: object, *, limit: int, empty: str, too_long: str) -> str:
    text = " ".join(str(raw or "").split())
    if not text:
        raise GameError(empty)
    if len(text) > limit:
        raise GameError(too_long, max=limit)
    return text


# --- stellingen -------------------------------------------------------------------------------


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


def statement_of(traject: Traject, statement_id: int) -> Statement:
    statement = traject.statements.filter(pk=statement_id).first()
    if statement is None:
        raise GameError("statement_unknown")
    return statement


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


# --- notes ------------------------------------------------------------------------------------


def write_note(*, participant: Participant, prompt_key: str, text: str, signed: bool) -> Note:
    prompt = Prompt.objects.filter(key=prompt_key).first()
    if prompt is None:
        raise GameError("prompt_unknown")
    text = clean_text(text, limit=NOTE_MAX, empty="note_empty", too_long="note_too_long")
    return Note.objects.create(
        traject=participant.traject, prompt=prompt, author=participant, text=text, signed=signed
    )


def own_note(participant: Participant, note_id: int) -> Note:
    note = Note.objects.filter(pk=note_id, traject=participant.traject).first()
    if note is None:
        raise GameError("note_unknown")
    if note.author_id != participant.pk:
        raise GameError("not_yours")
    return note


def edit_note(*, participant: Participant, note_id: int, text: str, signed: bool) -> Note:
    note = own_note(participant, note_id)
    note.text = clean_text(text, limit=NOTE_MAX, empty="note_empty", too_long="note_too_long")
    note.signed, note.updated_at = signed, timezone.now()
    note.save(update_fields=["text", "signed", "updated_at"])
    return note


def delete_note(*, participant: Participant, note_id: int) -> None:
    own_note(participant, note_id).delete()


# --- clusters ---------------------------------------------------------------------------------


def create_cluster(*, traject: Traject, name: str) -> Cluster:
    name = clean_text(
        name, limit=CLUSTER_NAME_MAX, empty="cluster_name_empty", too_long="cluster_name_too_long"
    )
    last = traject.clusters.aggregate(last=Max("order"))["last"] or 0
    return Cluster.objects.create(traject=traject, name=name, order=last + 1)


def cluster_of(traject: Traject, cluster_id: int) -> Cluster:
    cluster = traject.clusters.filter(pk=cluster_id).first()
    if cluster is None:
        raise GameError("cluster_unknown")
    return cluster


def rename_cluster(*, cluster: Cluster, name: str) -> None:
    cluster.name = clean_text(
        name, limit=CLUSTER_NAME_MAX, empty="cluster_name_empty", too_long="cluster_name_too_long"
    )
    cluster.save(update_fields=["name"])


def delete_cluster(*, cluster: Cluster) -> None:
    """Its notes go back to the unsorted pile; nothing a participant wrote is lost."""
    cluster.delete()


def move_note(*, traject: Traject, note_id: int, cluster: Cluster | None) -> bool:
    note = traject.notes.filter(pk=note_id).first()
    if note is None:
        raise GameError("note_unknown")
    target = cluster.pk if cluster else None
    if note.cluster_id == target:
        return False
    note.cluster_id = target
    note.save(update_fields=["cluster"])
    return True


# --- dots -------------------------------------------------------------------------------------


def set_dots(*, participant: Participant, cluster: Cluster, dots: int) -> bool:
    """Put `dots` dots on a cluster (0 removes them); the total per person is capped."""
    return place_dots(
        model=DotVote,
        participant=participant,
        item={"cluster": cluster},
        dots=dots,
        allowed=participant.traject.dots_per_participant,
    )


def reveal_dots(*, traject: Traject, revealed: bool) -> bool:
    if traject.dots_revealed == revealed:
        return False
    traject.dots_revealed = revealed
    traject.save(update_fields=["dots_revealed"])
    return True


def set_dots_per_participant(*, traject: Traject, dots: int) -> bool:
    """Change the number of dots; refused once someone has used more than the new number."""
    if not 1 <= dots <= DOTS_MAX:
        raise GameError("dots_invalid")
    most = (
        DotVote.objects.filter(cluster__traject=traject)
        .values("participant")
        .annotate(total=Sum("dots"))
        .order_by("-total")
        .values_list("total", flat=True)
        .first()
    )
    if most and most > dots:
        raise GameError("dots_in_use", max=most)
    changed = traject.dots_per_participant != dots
    traject.dots_per_participant = dots
    traject.save(update_fields=["dots_per_participant"])
    return changed


def cluster_results(traject: Traject):
    """The dot tally of a traject's clusters, ranked (most dots first)."""
    votes = DotVote.objects.filter(cluster__traject=traject).values_list(
        "cluster_id", "participant__layer__key", "dots"
    )
    results = dot_tally(
        ((str(c), layer, dots) for c, layer, dots in votes),
        items=[str(pk) for pk in traject.clusters.values_list("pk", flat=True)],
    )
    return dot_ranking(results.values())


# --- shared picture ---------------------------------------------------------------------------


def draft_shared_picture(traject: Traject) -> dict[str, str]:
    """Pre-fill the shared picture: per heading, its clusters in order of dots."""
    latest = traject.shared_pictures.first()
    if latest is not None:
        return picture_texts(latest)
    clusters = {c.pk: c for c in traject.clusters.prefetch_related("notes__prompt")}
    sections: dict[str, list[str]] = {field: [] for field in PICTURE_FIELDS}
    for result in cluster_results(traject):
        cluster = clusters[int(result.key)]
        prompts = [note.prompt.key for note in cluster.notes.all()]
        if not prompts:
            continue
        main_prompt = max(set(prompts), key=prompts.count)
        sections[PICTURE_SECTIONS.get(main_prompt, "what_it_is")].append(f"• {cluster.name}")
    return {field: "\n".join(lines) for field, lines in sections.items()}


def picture_texts(picture: SharedPicture) -> dict[str, str]:
    return {field: getattr(picture, field) for field in PICTURE_FIELDS}


def save_shared_picture(*, traject: Traject, texts: dict[str, str]) -> SharedPicture:
    """Save a new version; earlier versions stay."""
    if set(texts) - set(PICTURE_FIELDS):
        raise GameError("picture_field_unknown")
    if any(len(str(value)) > 4000 for value in texts.values()):
        raise GameError("picture_too_long", max=4000)
    last = traject.shared_pictures.aggregate(last=Max("version"))["last"] or 0
    return SharedPicture.objects.create(
        traject=traject, version=last + 1, **{k: str(v).strip() for k, v in texts.items()}
    )
