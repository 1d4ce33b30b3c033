"""Stap 1 snapshot sections: the stelling on the table, notes, clusters, dots, shared picture.

Anonymous notes never carry their author to any audience; a signed note carries the name.
Results of stellingen and dots reach the room only once the facilitator reveals them; the
console sees them all along.
"""

from __future__ import annotations

from dataclasses import asdict

from game.core.models import Layer
from game.core.tallies import statement_tally
from game.notes import selectors as notes_selectors
from game.notes import services as notes_services
from game.notes.models import DotVote, Note, Prompt
from game.statements import services as statements_services
from game.statements.models import Statement, StatementAnswer
from sessions.registry import FACILITATOR, PARTICIPANT
from sessions.sections import View, section


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
