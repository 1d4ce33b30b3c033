"""Notes, clusters, dots and the shared picture (Stap 1): the writes. Each raises GameError with
a code the live layer localises."""

from __future__ import annotations

from django.db.models import Max, Sum
from django.utils import timezone

from game.core.dots import place_dots
from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.core.text import clean_text
from game.notes.models import PICTURE_FIELDS, Cluster, DotVote, Note, Prompt, SharedPicture
from game.notes.selectors import own_note

NOTE_MAX = 280


CLUSTER_NAME_MAX = 120


DOTS_MAX = 20


def write_note(*, participant: Participant, prompt_key: str, text: str, signed: bool) -> Note:
    prompt = Prompt.objects.filter(key=prompt_key).first()
    if prompt is None:
        raise GameError("prompt_unknown")
    text = clean_text(text, limit=NOTE_MAX, empty="note_empty", too_long="note_too_long")
    return Note.objects.create(
        traject=participant.traject, prompt=prompt, author=participant, text=text, signed=signed
    )


def edit_note(*, participant: Participant, note_id: int, text: str, signed: bool) -> Note:
    note = own_note(participant, note_id)
    note.text = clean_text(text, limit=NOTE_MAX, empty="note_empty", too_long="note_too_long")
    note.signed, note.updated_at = signed, timezone.now()
    note.save(update_fields=["text", "signed", "updated_at"])
    return note


def delete_note(*, participant: Participant, note_id: int) -> None:
    own_note(participant, note_id).delete()


def create_cluster(*, traject: Traject, name: str) -> Cluster:
    name = clean_text(
        name, limit=CLUSTER_NAME_MAX, empty="cluster_name_empty", too_long="cluster_name_too_long"
    )
    last = traject.clusters.aggregate(last=Max("order"))["last"] or 0
    return Cluster.objects.create(traject=traject, name=name, order=last + 1)


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


def set_dots(*, participant: Participant, cluster: Cluster, dots: int) -> bool:
    """Put `dots` dots on a cluster (0 removes them); the total per person is capped."""
    return place_dots(
        model=DotVote,
        participant=participant,
        item={"cluster": cluster},
        dots=dots,
        allowed=participant.traject.dots_per_participant,
    )


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
