"""Requirements live (Stap 2): merging wishes into candidates, voting, the vertical-support
results and adopting the programme.

Results reach phones and the projector once the facilitator reveals them (the console sees them
all along); a phone sees only its own votes.
"""

from __future__ import annotations

from django.db.models import Count

from game.core.models import Layer
from game.requirements import selectors as requirements_selectors
from game.requirements import services as requirements_services
from game.requirements.models import RequirementVote
from sessions.concepts.roleplay import layer_labels
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    bool_arg,
    command,
    id_arg,
    ids_arg,
    int_arg,
    me,
    str_arg,
)
from sessions.sections import View, section


@command("requirement.merge", audiences={FACILITATOR})
def merge_wishes(ctx: Context, args: dict) -> bool:
    requirements_services.merge_wishes(
        traject=ctx.live.traject,
        wish_ids=ids_arg(args, "wishes"),
        text=str_arg(args, "text", max_length=2000, required=False),
    )
    return True


@command("requirement.add", audiences={FACILITATOR})
def add_requirement(ctx: Context, args: dict) -> bool:
    requirements_services.add_requirement(
        traject=ctx.live.traject, text=str_arg(args, "text", max_length=2000, required=False)
    )
    return True


@command("requirement.rephrase", audiences={FACILITATOR})
def rephrase_requirement(ctx: Context, args: dict) -> bool:
    return requirements_services.rephrase_requirement(
        requirement=requirements_selectors.requirement_of(
            ctx.live.traject, id_arg(args, "requirement")
        ),
        text=str_arg(args, "text", max_length=2000, required=False),
        reason=str_arg(args, "reason", max_length=2000, required=False),
    )


@command("wish.unmerge", audiences={FACILITATOR})
def unmerge_wish(ctx: Context, args: dict) -> bool:
    return requirements_services.unmerge_wish(
        traject=ctx.live.traject, wish_id=id_arg(args, "wish")
    )


@command("vote.method", audiences={FACILITATOR})
def set_vote_method(ctx: Context, args: dict) -> bool:
    return requirements_services.set_vote_method(
        traject=ctx.live.traject, method=str_arg(args, "method", max_length=20)
    )


@command("vote.moscow", audiences={PARTICIPANT}, input_kind="prioritise")
def cast_moscow(ctx: Context, args: dict) -> bool:
    """`choice` must/should/could/wont; an empty choice takes the vote back."""
    return requirements_services.cast_moscow(
        participant=me(ctx),
        requirement=requirements_selectors.requirement_of(
            ctx.live.traject, id_arg(args, "requirement")
        ),
        choice=str_arg(args, "choice", max_length=10, required=False),
    )


@command("vote.dots", audiences={PARTICIPANT}, input_kind="prioritise")
def set_requirement_dots(ctx: Context, args: dict) -> bool:
    return requirements_services.set_requirement_dots(
        participant=me(ctx),
        requirement=requirements_selectors.requirement_of(
            ctx.live.traject, id_arg(args, "requirement")
        ),
        dots=int_arg(args, "dots", low=0, high=100),
    )


@command("votes.reveal", audiences={FACILITATOR})
def reveal_votes(ctx: Context, args: dict) -> bool:
    return requirements_services.reveal_votes(
        traject=ctx.live.traject, revealed=bool_arg(args, "revealed")
    )


@command("requirement.decide", audiences={FACILITATOR})
def decide_requirement(ctx: Context, args: dict) -> bool:
    """Accept, drop or reopen; with `text` (and a `reason`) it is rephrased in the same step."""
    return requirements_services.decide_requirement(
        requirement=requirements_selectors.requirement_of(
            ctx.live.traject, id_arg(args, "requirement")
        ),
        decision=str_arg(args, "decision", max_length=20),
        text=str_arg(args, "text", max_length=2000, required=False),
        reason=str_arg(args, "reason", max_length=2000, required=False),
    )


@command("requirement.note", audiences={FACILITATOR})
def set_discussion_note(ctx: Context, args: dict) -> bool:
    return requirements_services.set_discussion_note(
        requirement=requirements_selectors.requirement_of(
            ctx.live.traject, id_arg(args, "requirement")
        ),
        note=str_arg(args, "note", max_length=8000, required=False),
    )


@command("programme.adopt", audiences={FACILITATOR})
def adopt_programme(ctx: Context, args: dict) -> bool:
    requirements_services.adopt_programme(traject=ctx.live.traject)
    return True


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
