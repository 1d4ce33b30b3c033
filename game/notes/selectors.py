"""Reads of notes, clusters, dots and the shared picture, shaped for a screen or the document."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from game.core.anonymity import Column, columns_of_voters
from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.core.selectors import joinable_layer_keys
from game.core.tallies import dot_ranking, dot_tally
from game.notes.models import (
    PICTURE_FIELDS,
    PICTURE_SECTIONS,
    Cluster,
    DotVote,
    Note,
    Prompt,
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


def dots_per_column(traject: Traject) -> tuple[list[Column], dict[str, dict[str, int]]]:
    """The dots on each cluster per layer, in columns of enough voters (game.core.anonymity):
    the columns, and per cluster key the dots per column key."""
    votes = list(
        DotVote.objects.filter(cluster__traject=traject).values_list(
            "cluster_id", "participant_id", "participant__layer__key", "dots"
        )
    )
    shown, column_of = columns_of_voters(
        ((layer, pid) for _, pid, layer, _ in votes),
        layers=joinable_layer_keys(),
        min_group_size=traject.min_group_size,
    )
    split: dict[str, Counter[str]] = defaultdict(Counter)
    for cluster, _, layer, dots in votes:
        split[str(cluster)][column_of[layer]] += dots
    keys = [str(pk) for pk in traject.clusters.values_list("pk", flat=True)]
    return shown, {key: {c.key: split[key][c.key] for c in shown} for key in keys}


def draft_shared_picture(traject: Traject) -> dict[str, str]:
    """Pre-fill the shared picture: per heading, its clusters in order of dots.

    A saved version wins: the facilitator's words are not overwritten by a fresh draft.
    """
    latest = traject.shared_pictures.first()
    if latest is not None:
        return picture_texts(latest)
    clusters = {c.pk: c for c in traject.clusters.prefetch_related("notes__prompt")}
    sections: dict[str, list[str]] = {field: [] for field in PICTURE_FIELDS}
    for result in cluster_results(traject):
        cluster = clusters[int(result.key)]
        section = _picture_section(note.prompt for note in cluster.notes.all())
        if section is not None:
            sections[section].append(f"• {cluster.name}")
    return {field: "\n".join(lines) for field, lines in sections.items()}


def _picture_section(prompts: Iterable[Prompt]) -> str | None:
    """The heading a cluster goes under, given the prompts of its notes (one per note).

    It is the heading of the prompt most of its notes came from, so an obstacle cluster is
    read as an obstacle whatever its dots. A tie goes to the prompt that comes first
    (`Prompt.order`, then key), so the same wall always gives the same draft. Only prompts
    with a heading (PICTURE_SECTIONS) count: a cluster is never put under a heading none of
    its notes came from, and one without such notes (an empty cluster) is not pre-filled,
    which leaves it to the facilitator rather than guessing.
    """
    counts = Counter(prompt for prompt in prompts if prompt.key in PICTURE_SECTIONS)
    if not counts:
        return None
    main = min(counts, key=lambda prompt: (-counts[prompt], prompt.order, prompt.key))
    return PICTURE_SECTIONS[main.key]


def picture_texts(picture: SharedPicture) -> dict[str, str]:
    return {field: getattr(picture, field) for field in PICTURE_FIELDS}
