"""The role-play live (Stap 2): dealing roles, the case and its developments, reactions and
wishes written in the played role.

A participant sees only their own role card, reaction and wishes; the projector shows reactions
and wishes per role without names.
"""

from __future__ import annotations

import secrets

from game.core.models import Layer
from game.roleplay import selectors as roleplay_selectors
from game.roleplay import services as roleplay_services
from game.roleplay.models import Case, Development, Reaction, RoleAssignment
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

SEED_MAX = 2**31 - 1


@command("roles.deal", audiences={FACILITATOR})
def deal_roles(ctx: Context, args: dict) -> bool:
    """Deal (or re-deal) the roles; without a seed each deal is a fresh draw. A retried command
    id is not applied twice (dispatch), so a fresh seed cannot deal twice by accident."""
    seed = (
        int_arg(args, "seed", low=0, high=SEED_MAX)
        if args.get("seed") is not None
        else secrets.randbelow(SEED_MAX)
    )
    roleplay_services.deal_roles(traject=ctx.live.traject, seed=seed)
    return True


@command("roles.override", audiences={FACILITATOR})
def override_role(ctx: Context, args: dict) -> bool:
    return roleplay_services.override_role(
        traject=ctx.live.traject,
        participant_id=id_arg(args, "participant"),
        role_key=str_arg(args, "role", max_length=50),
    )


@command("roles.reveal", audiences={FACILITATOR})
def reveal_roles(ctx: Context, args: dict) -> bool:
    return roleplay_services.reveal_roles(
        traject=ctx.live.traject, revealed=bool_arg(args, "revealed")
    )


@command("case.choose", audiences={FACILITATOR})
def choose_case(ctx: Context, args: dict) -> bool:
    return roleplay_services.choose_case(
        traject=ctx.live.traject, case_key=str_arg(args, "case", max_length=50)
    )


@command("case.reveal_next", audiences={FACILITATOR})
def reveal_next_development(ctx: Context, args: dict) -> bool:
    roleplay_services.reveal_next_development(traject=ctx.live.traject)
    return True


@command("case.hide_last", audiences={FACILITATOR})
def hide_last_development(ctx: Context, args: dict) -> bool:
    return roleplay_services.hide_last_development(traject=ctx.live.traject)


@command("reaction.write", audiences={PARTICIPANT}, input_kind="reactions")
def write_reaction(ctx: Context, args: dict) -> bool:
    roleplay_services.write_reaction(
        participant=me(ctx), text=str_arg(args, "text", max_length=4000, required=False)
    )
    return True


@command("wish.write", audiences={PARTICIPANT}, input_kind="wishes")
def write_wish(ctx: Context, args: dict) -> bool:
    roleplay_services.write_wish(
        participant=me(ctx), text=str_arg(args, "text", max_length=2000, required=False)
    )
    return True


@command("wish.edit", audiences={PARTICIPANT}, input_kind="wishes")
def edit_wish(ctx: Context, args: dict) -> bool:
    return roleplay_services.edit_wish(
        participant=me(ctx),
        wish_id=id_arg(args, "wish"),
        text=str_arg(args, "text", max_length=2000, required=False),
    )


@command("wish.delete", audiences={PARTICIPANT}, input_kind="wishes")
def delete_wish(ctx: Context, args: dict) -> bool:
    roleplay_services.delete_wish(participant=me(ctx), wish_id=id_arg(args, "wish"))
    return True


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
