"""Stap 3 and Dag 2 commands: they validate the message's arguments and call the game's Stap 3
and Dag 2 services.

Participants bring cases (own-cases), dot them (case-pick), judge (judge), react to rules
(rules) and review the kader (review); each of those is input of its phase kind, refused once
that phase is locked. Everything that decides for the room — redacting, picking, conclusions,
adjusting requirements, rules and their status, freezing, recognising a returning device,
revising — is the facilitator's.
"""

from __future__ import annotations

from game.core.errors import GameError
from game.followup import selectors as followup_selectors
from game.followup import services as followup_services
from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.framework.models import RULE_FIELDS, FrameworkVersion
from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.requirements import selectors as requirements_selectors
from sessions.claims import bind_device
from sessions.commands_stap1 import me
from sessions.live import attend
from sessions.protocol import ProtocolError
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

TEXT_ARG_MAX = 8000  # generous: the services give the precise, localised limit


def text_arg(args: dict, name: str) -> str:
    return str_arg(args, name, max_length=TEXT_ARG_MAX, required=False)


def optional_bool(args: dict, name: str) -> bool:
    return bool_arg(args, name) if name in args else False


def rule_args(args: dict) -> dict[str, str]:
    return {name: text_arg(args, name) for name in RULE_FIELDS}


# --- own cases --------------------------------------------------------------------------------


@command("practice.submit", audiences={PARTICIPANT}, input_kind="own-cases")
def submit_case(ctx: Context, args: dict) -> bool:
    """Refused with `personal_data` (the excerpts in the message) until the text is clean or
    the author sends it again with `confirm_privacy: true`."""
    practice_services.submit_case(
        participant=me(ctx),
        title=text_arg(args, "title"),
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        confirm_privacy=optional_bool(args, "confirm_privacy"),
    )
    return True


@command("practice.edit", audiences={PARTICIPANT}, input_kind="own-cases")
def edit_case(ctx: Context, args: dict) -> bool:
    return practice_services.edit_case(
        participant=me(ctx),
        case_id=id_arg(args, "case"),
        title=text_arg(args, "title"),
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        confirm_privacy=optional_bool(args, "confirm_privacy"),
    )


@command("practice.withdraw", audiences={PARTICIPANT}, input_kind="own-cases")
def withdraw_case(ctx: Context, args: dict) -> bool:
    practice_services.withdraw_case(participant=me(ctx), case_id=id_arg(args, "case"))
    return True


@command("practice.redact", audiences={FACILITATOR})
def redact_case(ctx: Context, args: dict) -> bool:
    return practice_services.redact_case(
        case=practice_selectors.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        title=text_arg(args, "title") if "title" in args else None,
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        note=text_arg(args, "note"),
        redacted_by_id=ctx.actor.user_id,
    )


# --- picking cases ----------------------------------------------------------------------------


@command("practice.dots", audiences={PARTICIPANT}, input_kind="case-pick")
def set_case_dots(ctx: Context, args: dict) -> bool:
    return practice_services.set_case_dots(
        participant=me(ctx),
        case=practice_selectors.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        dots=int_arg(args, "dots", low=0, high=100),
    )


@command("practice.pick", audiences={FACILITATOR})
def pick_cases(ctx: Context, args: dict) -> bool:
    """`cases`: the ids in discussion order; the service wants one to three of them."""
    return practice_services.pick_cases(
        traject=ctx.live.traject, case_ids=ids_arg(args, "cases", max_items=10)
    )


@command("practice.table", audiences={FACILITATOR})
def put_on_table(ctx: Context, args: dict) -> bool:
    traject = ctx.live.traject
    return practice_services.put_on_table(
        traject=traject, case=practice_selectors.practice_case_of(traject, id_arg(args, "case"))
    )


# --- judging ----------------------------------------------------------------------------------


@command("judgement.set", audiences={PARTICIPANT}, input_kind="judge")
def judge(ctx: Context, args: dict) -> bool:
    """`verdict` helpt/knelt/ontbreekt with an optional `comment`; an empty verdict takes the
    judgement back."""
    traject = ctx.live.traject
    return practice_services.judge(
        participant=me(ctx),
        case=practice_selectors.practice_case_of(traject, id_arg(args, "case")),
        requirement=requirements_selectors.requirement_of(traject, id_arg(args, "requirement")),
        verdict=str_arg(args, "verdict", max_length=20, required=False),
        comment=text_arg(args, "comment"),
    )


@command("practice.conclude", audiences={FACILITATOR})
def set_conclusion(ctx: Context, args: dict) -> bool:
    return practice_services.set_conclusion(
        case=practice_selectors.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        text=text_arg(args, "text"),
    )


# --- adjusting the requirements ---------------------------------------------------------------


@command("adjust.add", audiences={FACILITATOR})
def add_requirement(ctx: Context, args: dict) -> bool:
    """A requirement the cases showed was missing, with why (and optionally which case)."""
    traject = ctx.live.traject
    case = (
        practice_selectors.practice_case_of(traject, id_arg(args, "case"))
        if args.get("case") is not None
        else None
    )
    practice_services.add_requirement(
        traject=traject, text=text_arg(args, "text"), reason=text_arg(args, "reason"), case=case
    )
    return True


@command("adjust.rephrase", audiences={FACILITATOR})
def rephrase_requirement(ctx: Context, args: dict) -> bool:
    return practice_services.rephrase_requirement(
        requirement=requirements_selectors.requirement_of(
            ctx.live.traject, id_arg(args, "requirement")
        ),
        text=text_arg(args, "text"),
        reason=text_arg(args, "reason"),
    )


# --- decision rules ---------------------------------------------------------------------------


@command("rule.propose", audiences={FACILITATOR})
def propose_rule(ctx: Context, args: dict) -> bool:
    framework_services.propose_rule(traject=ctx.live.traject, **rule_args(args))
    return True


@command("rule.edit", audiences={FACILITATOR})
def edit_rule(ctx: Context, args: dict) -> bool:
    return framework_services.edit_rule(
        rule=framework_selectors.rule_of(ctx.live.traject, id_arg(args, "rule")), **rule_args(args)
    )


@command("rule.status", audiences={FACILITATOR})
def set_rule_status(ctx: Context, args: dict) -> bool:
    return framework_services.set_rule_status(
        rule=framework_selectors.rule_of(ctx.live.traject, id_arg(args, "rule")),
        status=str_arg(args, "status", max_length=20),
    )


@command("rule.react", audiences={PARTICIPANT}, input_kind="rules")
def react_to_rule(ctx: Context, args: dict) -> bool:
    """`stance` agree/concern with an optional `comment`; an empty stance takes it back."""
    return framework_services.react_to_rule(
        participant=me(ctx),
        rule=framework_selectors.rule_of(ctx.live.traject, id_arg(args, "rule")),
        stance=str_arg(args, "stance", max_length=20, required=False),
        comment=text_arg(args, "comment"),
    )


@command("framework.freeze", audiences={FACILITATOR})
def freeze_framework(ctx: Context, args: dict) -> bool:
    framework_services.freeze_framework(traject=ctx.live.traject)
    return True


# --- Dag 2 ------------------------------------------------------------------------------------


@command("claim.confirm", audiences={FACILITATOR})
def confirm_claim(ctx: Context, args: dict) -> bool:
    """Recognise a returning participant: their new device speaks for them from now on, and
    they count as present in this session."""
    claim = followup_services.confirm_claim(
        claim=followup_selectors.claim_of(ctx.live.traject, id_arg(args, "claim")),
        confirmed_by_id=ctx.actor.user_id,
    )
    bind_device(claim)
    attend(ctx.live, claim.participant)
    return True


@command("claim.reject", audiences={FACILITATOR})
def reject_claim(ctx: Context, args: dict) -> bool:
    followup_services.reject_claim(
        claim=followup_selectors.claim_of(ctx.live.traject, id_arg(args, "claim"))
    )
    return True


def version_under_review(ctx: Context) -> FrameworkVersion:
    """Reviews are about the latest frozen version of the kader."""
    version = framework_selectors.latest_framework(ctx.live.traject)
    if version is None:
        raise GameError("not_frozen")
    return version


@command("review.write", audiences={PARTICIPANT}, input_kind="review")
def write_review(ctx: Context, args: dict) -> bool:
    """`item` is the key in the kader ("req-12", "rule-3"); `applied` ja/deels/nee."""
    return followup_services.write_review(
        participant=me(ctx),
        version=version_under_review(ctx),
        item_key=str_arg(args, "item", max_length=20),
        applied=str_arg(args, "applied", max_length=10),
        how_it_went=text_arg(args, "how_it_went"),
        improve=text_arg(args, "improve"),
    )


def changes_arg(args: dict) -> list[dict]:
    """The revision's list of changes: only strings, and a `fields` dict of strings for rules.
    What they mean is checked by the service (`followup_services.clean_changes`)."""
    value = args.get("changes")
    if not isinstance(value, list) or not 1 <= len(value) <= followup_services.CHANGES_MAX:
        raise ProtocolError("bad_args")
    changes = []
    for raw in value:
        if not isinstance(raw, dict):
            raise ProtocolError("bad_args")
        change = {}
        for name in ("kind", "item", "action", "text", "reason"):
            if raw.get(name) is not None:
                change[name] = str_arg(raw, name, max_length=TEXT_ARG_MAX, required=False)
        if raw.get("fields") is not None:
            fields = raw["fields"]
            if not isinstance(fields, dict):
                raise ProtocolError("bad_args")
            change["fields"] = {
                str(key)[:50]: str_arg(fields, key, max_length=TEXT_ARG_MAX, required=False)
                for key in fields
            }
        changes.append(change)
    return changes


@command("framework.revise", audiences={FACILITATOR})
def revise_framework(ctx: Context, args: dict) -> bool:
    followup_services.revise_framework(traject=ctx.live.traject, changes=changes_arg(args))
    return True
