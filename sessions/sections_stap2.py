"""Stap 2 snapshot sections: role cards, the case, reactions, wensenpakketten, candidate
requirements, votes and the vertical-support results.

A participant sees only their own role card, reaction, wishes and votes; the projector shows
reactions and wishes per role without names; results reach phones and the projector once the
facilitator reveals them (the console sees them all along).
"""

from __future__ import annotations

from django.db.models import Count

from game.core.models import Layer
from game.requirements import selectors as requirements_selectors
from game.requirements.models import RequirementVote
from game.roleplay import selectors as roleplay_selectors
from game.roleplay import services as roleplay_services
from game.roleplay.models import Case, Development, Reaction, RoleAssignment
from sessions.registry import FACILITATOR, PARTICIPANT
from sessions.sections import View, section

CASE_KINDS = ("roles", "case", "reactions", "wishes")


def role_card(layer: Layer, lang: str) -> dict:
    return {
        "key": layer.key,
        "label": layer.text("label", lang),
        "interests": layer.text("interests", lang),
        "worries": layer.text("worries", lang),
        "room": layer.text("room", lang),
        "question": layer.text("question", lang),
    }


def layer_labels(lang: str) -> list[dict]:
    return [
        {"key": layer.key, "label": layer.text("label", lang), "joinable": layer.joinable}
        for layer in Layer.objects.order_by("order")
    ]


@section(*CASE_KINDS)
def roles(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    rows = list(
        RoleAssignment.objects.filter(traject=traject).select_related("role", "participant")
    )
    shared: dict = {"roles": {"revealed": traject.roles_revealed, "dealt": bool(rows)}}
    personal: dict[int, dict] = {}
    if view.audience == FACILITATOR:
        shared["roles"]["layers"] = layer_labels(view.lang)
        shared["roles"]["assignments"] = [
            {
                "participant": row.participant_id,
                "name": row.participant.name,
                "role": row.role.key,
                "role_label": row.role.text("label", view.lang),
                "overridden": row.overridden,
            }
            for row in rows
        ]
    elif view.audience == PARTICIPANT and traject.roles_revealed:
        cards: dict[int, dict] = {}
        for row in rows:
            cards.setdefault(row.role_id, role_card(row.role, view.lang))
            personal[row.participant_id] = {"role": cards[row.role_id]}
    if traject.roles_revealed and view.audience != PARTICIPANT:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.role.key] = counts.get(row.role.key, 0) + 1
        shared["roles"]["counts"] = [
            {"key": layer["key"], "label": layer["label"], "players": counts.get(layer["key"], 0)}
            for layer in layer_labels(view.lang)
        ]
    return shared, personal


@section(*CASE_KINDS)
def case(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    shared: dict = {"case": None}
    if traject.case_id:
        chosen = traject.case
        shared["case"] = {
            "key": chosen.key,
            "title": chosen.text("title", view.lang),
            "situation": chosen.text("situation", view.lang),
            "question": chosen.text("question", view.lang),
            "developments": [
                d.text("text", view.lang) for d in roleplay_selectors.revealed_developments(traject)
            ],
            "development_count": chosen.developments.count(),
        }
    if view.audience == FACILITATOR:
        upcoming = Development.objects.filter(case_id=traject.case_id).order_by("order")
        following = upcoming[traject.developments_revealed : traject.developments_revealed + 1]
        shared["upcoming"] = [d.text("text", view.lang) for d in following]
        shared["cases"] = [
            {"key": c.key, "title": c.text("title", view.lang)} for c in Case.objects.all()
        ]
    return shared, {}


@section("reactions")
def reactions(view: View) -> tuple[dict, dict[int, dict]]:
    rows = list(Reaction.objects.filter(traject=view.live.traject).select_related("role"))
    if view.audience == PARTICIPANT:
        mine = {row.participant_id: {"reaction": row.text} for row in rows}
        return {"reaction_max": roleplay_services.REACTION_MAX}, mine
    by_role: dict[str, dict] = {}
    for row in sorted(rows, key=lambda r: (r.role.order, r.created_at)):
        group = by_role.setdefault(
            row.role.key, {"role": row.role.text("label", view.lang), "texts": []}
        )
        group["texts"].append(row.text)
    return {"reactions": list(by_role.values())}, {}


@section("wishes", "merge")
def wishes(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    if view.audience == PARTICIPANT:
        personal: dict[int, dict] = {p.pk: {"wishes": []} for p in view.people}
        for wish in traject.wishes.order_by("created_at", "pk"):
            if wish.participant_id in personal:
                personal[wish.participant_id]["wishes"].append({"id": wish.pk, "text": wish.text})
        return {"max_wishes": traject.max_wishes, "wish_max": roleplay_services.WISH_MAX}, personal
    packages = [
        {
            "role": role.key,
            "role_label": role.text("label", view.lang),
            "wishes": [
                {"id": w.pk, "text": w.text, "requirement": w.requirement_id}
                if view.audience == FACILITATOR
                else {"text": w.text}
                for w in items
            ],
        }
        for role, items in roleplay_selectors.wish_packages(traject)
    ]
    return {"packages": packages}, {}


def requirement_list(view: View) -> list[dict]:
    roles = requirements_selectors.roles_by_requirement(view.live.traject)
    labels = {layer.key: layer.text("label", view.lang) for layer in Layer.objects.all()}
    return [
        {
            "id": r.pk,
            "text": r.text,
            "status": r.status,
            "roles": [labels[key] for key in roles.get(r.pk, [])],
            "sources": r.source_count if view.audience == FACILITATOR else None,
        }
        for r in view.live.traject.requirements.annotate(source_count=Count("sources"))
    ]


@section("merge")
def candidates(view: View) -> tuple[dict, dict[int, dict]]:
    return {"requirements": requirement_list(view)}, {}


@section("prioritise")
def prioritise(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    open_ones = [r for r in requirement_list(view) if r["status"] != "dropped"]
    shared = {
        "voting": {
            "method": traject.vote_method,
            "dots": traject.requirement_dots,
            "revealed": traject.votes_revealed,
            "requirements": open_ones,
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"votes": {}} for p in view.people}
        rows = RequirementVote.objects.filter(requirement__traject=traject).values_list(
            "participant_id", "requirement_id", "choice", "dots"
        )
        for pid, requirement_id, choice, dots in rows:
            if pid in personal:
                personal[pid]["votes"][str(requirement_id)] = choice or dots
    if view.audience != PARTICIPANT:  # voting progress for the console and the projector
        shared["voting"]["voters"] = (
            RequirementVote.objects.filter(requirement__traject=traject)
            .values("participant")
            .distinct()
            .count()
        )
    return shared, personal


@section("prioritise", "results", "adopt")
def results(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    kind = view.live.phase.kind
    shown = view.audience == FACILITATOR or traject.votes_revealed or kind != "prioritise"
    if not shown:
        return {"results": None}, {}
    every_layer = layer_labels(view.lang)
    return {
        "results": {
            "layers": [layer for layer in every_layer if layer["joinable"]],
            "role_labels": {layer["key"]: layer["label"] for layer in every_layer},
            "items": requirements_selectors.requirement_results(traject),
        }
    }, {}


@section("adopt")
def adopted(view: View) -> tuple[dict, dict[int, dict]]:
    versions = list(view.live.traject.programme_versions.order_by("-number")[:1])
    latest = versions[0] if versions else None
    return {
        "adopted": {
            "version": latest.number if latest else 0,
            "adopted_at": latest.adopted_at.isoformat() if latest else None,
            "requirements": [r["text"] for r in latest.content["requirements"]] if latest else [],
        }
    }, {}
