"""Stap 3 and Dag 2 commands: they validate the message's arguments and call the game's Stap 3
and Dag 2 services.

Participants bring cases (own-cases), dot them (case-pick), judge (judge), react to rules
(rules) and review the kader (review); each of those is input of its phase kind, refused once
that phase is locked. Everything that decides for the room — redacting, picking, conclusions,
adjusting requirements, rules and their status, freezing, recognising a returning device,
revising — is the facilitator's.
"""

from __future__ import annotations

from game import dag2, stap2, stap3
from game.errors import GameError
from game.models import FrameworkVersion
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
    return {name: text_arg(args, name) for name in stap3.RULE_FIELDS}


# --- own cases --------------------------------------------------------------------------------


@command("practice.submit", audiences={PARTICIPANT}, input_kind="own-cases")
def submit_case(ctx: Context, args: dict) -> bool:
    """Refused with `personal_data` (the excerpts in the message) until the text is clean or
    the author sends it again with `confirm_privacy: true`."""
    stap3.submit_case(
        participant=me(ctx),
        title=text_arg(args, "title"),
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        confirm_privacy=optional_bool(args, "confirm_privacy"),
    )
    return True


@command("practice.edit", audiences={PARTICIPANT}, input_kind="own-cases")
def edit_case(ctx: Context, args: dict) -> bool:
    return stap3.edit_case(
        participant=me(ctx),
        case_id=id_arg(args, "case"),
        title=text_arg(args, "title"),
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        confirm_privacy=optional_bool(args, "confirm_privacy"),
    )


@command("practice.withdraw", audiences={PARTICIPANT}, input_kind="own-cases")
def withdraw_case(ctx: Context, args: dict) -> bool:
    stap3.withdraw_case(participant=me(ctx), case_id=id_arg(args, "case"))
    return True


@command("practice.redact", audiences={FACILITATOR})
def redact_case(ctx: Context, args: dict) -> bool:
    return stap3.redact_case(
        case=stap3.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        title=text_arg(args, "title") if "title" in args else None,
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        note=text_arg(args, "note"),
        redacted_by_id=ctx.actor.user_id,
    )


# --- picking cases ----------------------------------------------------------------------------


@command("practice.dots", audiences={PARTICIPANT}, input_kind="case-pick")
def set_case_dots(ctx: Context, args: dict) -> bool:
    return stap3.set_case_dots(
        participant=me(ctx),
        case=stap3.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        dots=int_arg(args, "dots", low=0, high=100),
    )


@command("practice.pick", audiences={FACILITATOR})
def pick_cases(ctx: Context, args: dict) -> bool:
    """`cases`: the ids in discussion order; the service wants one to three of them."""
    return stap3.pick_cases(traject=ctx.live.traject, case_ids=ids_arg(args, "cases", max_items=10))


@command("practice.table", audiences={FACILITATOR})
def put_on_table(ctx: Context, args: dict) -> bool:
    traject = ctx.live.traject
    return stap3.put_on_table(
        traject=traject, case=stap3.practice_case_of(traject, id_arg(args, "case"))
    )


# --- judging ----------------------------------------------------------------------------------


@command("judgement.set", audiences={PARTICIPANT}, input_kind="judge")
def judge(ctx: Context, args: dict) -> bool:
    """`verdict` helpt/knelt/ontbreekt with an optional `comment`; an empty verdict takes the
    judgement back."""
    traject = ctx.live.traject
    return stap3.judge(
        participant=me(ctx),
        case=stap3.practice_case_of(traject, id_arg(args, "case")),
        requirement=stap2.requirement_of(traject, id_arg(args, "requirement")),
        verdict=str_arg(args, "verdict", max_length=20, required=False),
        comment=text_arg(args, "comment"),
    )


@command("practice.conclude", audiences={FACILITATOR})
def set_conclusion(ctx: Context, args: dict) -> bool:
    return stap3.set_conclusion(
        case=stap3.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        text=text_arg(args, "text"),
    )


# --- adjusting the requirements ---------------------------------------------------------------


@command("adjust.add", audiences={FACILITATOR})
def add_requirement(ctx: Context, args: dict) -> bool:
    """A requirement the cases showed was missing, with why (and optionally which case)."""
    traject = ctx.live.traject
    case = (
        stap3.practice_case_of(traject, id_arg(args, "case"))
        if args.get("case") is not None
        else None
    )
    stap3.add_requirement(
        traject=traject, text=text_arg(args, "text"), reason=text_arg(args, "reason"), case=case
    )
    return True


@command("adjust.rephrase", audiences={FACILITATOR})
def rephrase_requirement(ctx: Context, args: dict) -> bool:
    return stap3.rephrase_requirement(
        requirement=stap2.requirement_of(ctx.live.traject, id_arg(args, "requirement")),
        text=text_arg(args, "text"),
        reason=text_arg(args, "reason"),
    )


# --- decision rules ---------------------------------------------------------------------------


@command("rule.propose", audiences={FACILITATOR})
def propose_rule(ctx: Context, args: dict) -> bool:
    stap3.propose_rule(traject=ctx.live.traject, **rule_args(args))
    return True


@command("rule.edit", audiences={FACILITATOR})
def edit_rule(ctx: Context, args: dict) -> bool:
    return stap3.edit_rule(
        rule=stap3.rule_of(ctx.live.traject, id_arg(args, "rule")), **rule_args(args)
    )


@command("rule.status", audiences={FACILITATOR})
def set_rule_status(ctx: Context, args: dict) -> bool:
    return stap3.set_rule_status(
        rule=stap3.rule_of(ctx.live.traject, id_arg(args, "rule")),
        status=str_arg(args, "status", max_length=20),
    )


@command("rule.react", audiences={PARTICIPANT}, input_kind="rules")
def react_to_rule(ctx: Context, args: dict) -> bool:
    """`stance` agree/concern with an optional `comment`; an empty stance takes it back."""
    return stap3.react_to_rule(
        participant=me(ctx),
        rule=stap3.rule_of(ctx.live.traject, id_arg(args, "rule")),
        stance=str_arg(args, "stance", max_length=20, required=False),
        comment=text_arg(args, "comment"),
    )


@command("framework.freeze", audiences={FACILITATOR})
def freeze_framework(ctx: Context, args: dict) -> bool:
    stap3.freeze_framework(traject=ctx.live.traject)
    return True


# --- Dag 2 ------------------------------------------------------------------------------------


@command("claim.confirm", audiences={FACILITATOR})
def confirm_claim(ctx: Context, args: dict) -> bool:
    """Recognise a returning participant: their new device speaks for them from now on, and
    they count as present in this session."""
    claim = dag2.confirm_claim(
        claim=dag2.claim_of(ctx.live.traject, id_arg(args, "claim")),
        confirmed_by_id=ctx.actor.user_id,
    )
    bind_device(claim)
    attend(ctx.live, claim.participant)
    return True


@command("claim.reject", audiences={FACILITATOR})
def reject_claim(ctx: Context, args: dict) -> bool:
    dag2.reject_claim(claim=dag2.claim_of(ctx.live.traject, id_arg(args, "claim")))
    return True


def version_under_review(ctx: Context) -> FrameworkVersion:
    """Reviews are about the latest frozen version of the kader."""
    version = stap3.latest_framework(ctx.live.traject)
    if version is None:
        raise GameError("not_frozen")
    return version


@command("review.write", audiences={PARTICIPANT}, input_kind="review")
def write_review(ctx: Context, args: dict) -> bool:
    """`item` is the key in the kader ("req-12", "rule-3"); `applied` ja/deels/nee."""
    return dag2.write_review(
        participant=me(ctx),
        version=version_under_review(ctx),
        item_key=str_arg(args, "item", max_length=20),
        applied=str_arg(args, "applied", max_length=10),
        how_it_went=text_arg(args, "how_it_went"),
        improve=text_arg(args, "improve"),
    )


def changes_arg(args: dict) -> list[dict]:
    """The revision's list of changes: only strings, and a `fields` dict of strings for rules.
    What they mean is checked by the service (`dag2.clean_changes`)."""
    value = args.get("changes")
    if not isinstance(value, list) or not 1 <= len(value) <= dag2.CHANGES_MAX:
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
    dag2.revise_framework(traject=ctx.live.traject, changes=changes_arg(args))
    return True
