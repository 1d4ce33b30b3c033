"""Stap 2 commands: they validate the message's arguments and call the game's Stap 2 services."""

from __future__ import annotations

import secrets

from game.requirements import selectors as requirements_selectors
from game.requirements import services as requirements_services
from game.roleplay import services as roleplay_services
from sessions.commands_stap1 import me
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    bool_arg,
    command,
    id_arg,
    ids_arg,
    int_arg,
    str_arg,
)

SEED_MAX = 2**31 - 1

# --- roles ------------------------------------------------------------------------------------


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


# --- the case ---------------------------------------------------------------------------------


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


# --- reactions and wishes ---------------------------------------------------------------------


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


# --- requirements -----------------------------------------------------------------------------


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


# --- voting -----------------------------------------------------------------------------------


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


# --- deciding ---------------------------------------------------------------------------------


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
