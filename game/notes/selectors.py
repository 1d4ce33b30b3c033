"""Reads of notes, clusters, dots and the shared picture, shaped for a screen or the document."""

from __future__ import annotations

from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.core.tallies import dot_ranking, dot_tally
from game.notes.models import (
    PICTURE_FIELDS,
    PICTURE_SECTIONS,
    Cluster,
    DotVote,
    Note,
    SharedPicture,
)


def own_note(participant: Participant, note_id: int) -> Note:
    note = Note.objects.filter(pk=note_id, traject=participant.traject).first()
    if note is None:
        raise GameError("note_unknown")
    if note.author_id != participant.pk:
        raise GameError("not_yours")
    return note


def cluster_of(traject: Traject, cluster_id: int) -> Cluster:
    cluster = traject.clusters.filter(pk=cluster_id).first()
    if cluster is None:
        raise GameError("cluster_unknown")
    return cluster


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
